import type { Role } from '@/gql/graphql';

/**
 * Who may import: the API's `importStudents` accepts a registrar (into its own school) and a
 * system admin (into any school). District staff are not importers in the API today.
 */
export const IMPORT_ROLES: readonly Role[] = ['SCHOOL_REGISTRAR', 'SYSTEM_ADMIN'];

export function canImport(role: Role | null | undefined): boolean {
  return !!role && IMPORT_ROLES.includes(role);
}
