export const ROLES = ['SCHOOL_REGISTRAR', 'DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const REGION_ROLES: readonly Role[] = ['DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN'];

/** Who is asking, as established by the gateway from a verified session token. */
export interface Caller {
  userId: string;
  username: string;
  role: Role;
  /** Set for SCHOOL_REGISTRAR only. */
  schoolId?: string;
  /** Set for region roles only: the significant prefix of the region code (2, 4 or 6 digits). */
  regionPrefix?: string;
  /** The server-side session the request came in on (sign-out ends it). */
  sessionId?: string;
}

/** The scope of a caller, the one shape every access check and SQL filter works from. */
export type Scope = { kind: 'all' } | { kind: 'school'; schoolId: string } | { kind: 'region'; prefix: string };

export function scopeOf(caller: Caller): Scope {
  if (caller.role === 'SYSTEM_ADMIN') return { kind: 'all' };
  if (caller.role === 'SCHOOL_REGISTRAR' && caller.schoolId) return { kind: 'school', schoolId: caller.schoolId };
  if (REGION_ROLES.includes(caller.role) && caller.regionPrefix) return { kind: 'region', prefix: caller.regionPrefix };
  // A caller whose claims do not fit its role sees nothing rather than everything.
  return { kind: 'school', schoolId: '0' };
}

export function scopeCoversSchool(scope: Scope, school: { id: string; regionCode: string }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'school':
      return scope.schoolId === school.id;
    case 'region':
      return school.regionCode.startsWith(scope.prefix);
  }
}

/** Significant digits of a GB/T 2260 code: 330000 → 33, 330100 → 3301, 330106 → 330106. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/**
 * SQL condition limiting rows to a scope. `schoolIdColumn` and `regionColumn` name the columns of
 * the school the rows belong to; parameters are appended to `params` so the caller keeps numbering.
 */
export function scopeSql(scope: Scope, columns: { schoolId: string; regionCode: string }, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'school':
      params.push(scope.schoolId);
      return `${columns.schoolId} = $${params.length}`;
    case 'region':
      params.push(`${scope.prefix}%`);
      return `${columns.regionCode} LIKE $${params.length}`;
  }
}
