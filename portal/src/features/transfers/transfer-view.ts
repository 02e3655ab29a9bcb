import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { TransferDirection, TransferFilter, TransferStatus } from '@/gql/graphql';

/** The values of the API's transfer enums, in the order the filters list them. */
export const TRANSFER_DIRECTIONS = ['INCOMING', 'OUTGOING'] as const satisfies readonly TransferDirection[];
export const TRANSFER_STATUSES = ['REQUESTED', 'CONFIRMED', 'COMPLETED', 'REJECTED', 'WITHDRAWN'] as const satisfies readonly TransferStatus[];

/** What the transfer list shows: one direction or both, one status or all. */
export interface TransferView {
  direction: TransferDirection | null;
  status: TransferStatus | null;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && (values as readonly string[]).includes(first) ? (first as T) : null;
}

/** The view in the URL (`?direction=OUTGOING&status=REQUESTED`); anything else there is ignored. */
export function parseTransferView(query: LocationQuery): TransferView {
  return { direction: oneOf(TRANSFER_DIRECTIONS, query.direction), status: oneOf(TRANSFER_STATUSES, query.status) };
}

export function transferViewQuery(view: TransferView): LocationQueryRaw {
  return { ...(view.direction && { direction: view.direction }), ...(view.status && { status: view.status }) };
}

export function transferFilter(view: TransferView): TransferFilter {
  return { direction: view.direction, statuses: view.status ? [view.status] : null };
}
