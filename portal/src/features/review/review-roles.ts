import type { Role } from '@/gql/graphql';

/** Who reviews and arbitrates: district staff (and system admins), as the API's waitingForMe defines it. */
export const REVIEW_ROLES: readonly Role[] = ['DISTRICT_ADMIN', 'SYSTEM_ADMIN'];

export function canReview(role: Role | null | undefined): boolean {
  return !!role && REVIEW_ROLES.includes(role);
}
