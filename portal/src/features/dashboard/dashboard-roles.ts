import type { Role } from '@/gql/graphql';

/** Who watches the statistics of a region: district, city and province staff, and system admins (DESIGN.md story 2). */
export const DASHBOARD_ROLES: readonly Role[] = ['DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'];

export function canSeeDashboard(role: Role | null | undefined): boolean {
  return !!role && DASHBOARD_ROLES.includes(role);
}
