import { describe, expect, it } from 'vitest';
import { parseTransferView, transferFilter, transferViewQuery } from './transfer-view';

describe('the transfer list view in the URL', () => {
  it('reads a direction and a status the API knows, and ignores anything else', () => {
    expect(parseTransferView({ direction: 'OUTGOING', status: 'REQUESTED' })).toEqual({ direction: 'OUTGOING', status: 'REQUESTED' });
    expect(parseTransferView({ direction: 'outgoing', status: ['COMPLETED', 'REJECTED'] })).toEqual({ direction: null, status: 'COMPLETED' });
    expect(parseTransferView({})).toEqual({ direction: null, status: null });
  });

  it('writes only what narrows the list, and asks the API for the same', () => {
    expect(transferViewQuery({ direction: null, status: null })).toEqual({});
    expect(transferViewQuery({ direction: 'INCOMING', status: null })).toEqual({ direction: 'INCOMING' });
    expect(transferFilter({ direction: 'INCOMING', status: 'CONFIRMED' })).toEqual({ direction: 'INCOMING', statuses: ['CONFIRMED'] });
    expect(transferFilter({ direction: null, status: null })).toEqual({ direction: null, statuses: null });
  });
});
