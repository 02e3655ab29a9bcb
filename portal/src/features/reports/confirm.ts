/**
 * Asks before a destructive step. Element Plus's message box is a modal dialog: it takes focus,
 * traps it, and gives it back when it closes.
 */
export async function confirmDanger(options: { title: string; message: string; confirm: string; cancel: string }): Promise<boolean> {
  try {
    await ElMessageBox.confirm(options.message, options.title, {
      confirmButtonText: options.confirm,
      cancelButtonText: options.cancel,
      type: 'warning',
      confirmButtonClass: 'el-button--danger',
      autofocus: true,
      closeOnClickModal: false,
    });
    return true;
  } catch {
    return false;
  }
}
