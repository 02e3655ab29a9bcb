/**
 * Asks before a destructive or final step (delete, decide, approve, reject, a forced import).
 * Element Plus's message box is a modal dialog: it takes focus, traps it, and gives focus back
 * when it closes. Resolves to whether the user confirmed.
 */
export async function confirmStep(options: {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
  danger?: boolean;
  /** Focus the confirm button; off where the safe answer should not be a single Enter away. */
  autofocus?: boolean;
}): Promise<boolean> {
  try {
    await ElMessageBox.confirm(options.message, options.title, {
      confirmButtonText: options.confirm,
      cancelButtonText: options.cancel,
      type: 'warning',
      confirmButtonClass: options.danger ? 'el-button--danger' : undefined,
      autofocus: options.autofocus ?? true,
      closeOnClickModal: false,
    });
    return true;
  } catch {
    return false;
  }
}
