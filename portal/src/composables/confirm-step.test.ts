import { afterEach, describe, expect, it, vi } from 'vitest';
import { confirmStep } from './confirm-step';

const TEXTS = { title: 'Delete?', message: 'It cannot be undone.', confirm: 'Delete', cancel: 'Keep' };

describe('confirmStep', () => {
  afterEach(() => vi.restoreAllMocks());

  it('resolves true when confirmed, with a danger button when asked', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never);
    await expect(confirmStep({ ...TEXTS, danger: true })).resolves.toBe(true);
    expect(confirm).toHaveBeenCalledWith(
      TEXTS.message,
      TEXTS.title,
      expect.objectContaining({ confirmButtonText: 'Delete', cancelButtonText: 'Keep', confirmButtonClass: 'el-button--danger', autofocus: true }),
    );
  });

  it('resolves false when cancelled or closed', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel');
    await expect(confirmStep({ ...TEXTS, autofocus: false })).resolves.toBe(false);
  });
});
