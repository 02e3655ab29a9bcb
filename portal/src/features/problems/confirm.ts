/**
 * Asks before a destructive or final step (delete, decide, approve, reject). Element Plus's message
 * box is a modal dialog: it takes focus, traps it, and gives focus back when it closes.
 */
export async function confirmStep(options: { title: string; message: string; confirm: string; cancel: string; danger?: boolean }): Promise<boolean> {
  try {
    await ElMessageBox.confirm(options.message, options.title, {
      confirmButtonText: options.confirm,
      cancelButtonText: options.cancel,
      type: 'warning',
      confirmButtonClass: options.danger ? 'el-button--danger' : undefined,
      autofocus: true,
      closeOnClickModal: false,
      customClass: 'problems-confirm',
    });
    return true;
  } catch {
    return false;
  }
}
