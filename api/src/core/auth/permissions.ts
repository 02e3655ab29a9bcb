import { forbidden, unauthenticated } from '../errors.js';
import { scopeCoversSchool, scopeOf, type Caller, type Role } from './caller.js';

/**
 * Who may do what: the one table every check reads — resolvers, services and HTTP handlers — so a
 * rule changes in one place. Roles say what a caller may do at all; the resource passed to `can`
 * says whether it reaches this particular school or region.
 */
export const PERMISSIONS = {
  /** Change, corroborate or delete a record in a problem: its own school's registrar. */
  'record.act': ['SCHOOL_REGISTRAR'],
  /** Upload a material (a scan) to cite in such an action. */
  'material.upload': ['SCHOOL_REGISTRAR'],
  /** Post messages and proposals in a cross-school problem, answer them, escalate it. */
  'problem.negotiate': ['SCHOOL_REGISTRAR'],
  /** Approve or reject a settled problem, decide an escalated one. */
  'problem.review': ['DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** Undo a soft delete. */
  'student.restore': ['DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** Approve or reject an import held for matching other schools' pupils: district staff over its school. */
  'import.approve': ['DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** See which imports matched other schools unusually often (numbers a school must not learn). */
  'import.monitor': ['DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'],
  /** Check a pupil against the whole registry before enrolling them (新生查重). */
  'pupil.check': ['SCHOOL_REGISTRAR'],
  /** Ask for a pupil's transfer to its own school, or withdraw the request: the new school's registrar. */
  'transfer.request': ['SCHOOL_REGISTRAR'],
  /** Confirm or refuse a transfer out of its own school: the old school's registrar. */
  'transfer.answer': ['SCHOOL_REGISTRAR'],
  /** Decide a transfer the old school left unanswered past its deadline; approve a move between districts. */
  'transfer.decide': ['DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** Import the public security office's verification results (公安核查) for the region: district staff. */
  'police.import': ['DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** Upload a file to import (POST /uploads): a template, or a police verification file. */
  'file.upload': ['SCHOOL_REGISTRAR', 'DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** Review possible duplicates the exact rules miss: confirm a pair as one pupil, or dismiss it. Staff over both records. */
  'suggestion.review': ['DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'],
  /** Open and close a semester verification campaign (学期核查) for the region: district staff. */
  'campaign.manage': ['DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** Confirm a class of its own school in a campaign, marking who left or changed: the school's registrar. */
  'campaign.confirm': ['SCHOOL_REGISTRAR'],
  /** Upload and import a template: a registrar into its own school, a system admin into any. */
  'students.import': ['SCHOOL_REGISTRAR', 'SYSTEM_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** What an action is on: a school (by id, with its region when known), any of several schools, or a region. */
export type Resource = { schoolId: string; regionCode?: string } | { schoolIds: readonly string[] } | { region: string };

function reaches(caller: Caller, resource: Resource): boolean {
  const scope = scopeOf(caller);
  if ('schoolIds' in resource) return resource.schoolIds.some((schoolId) => reaches(caller, { schoolId }));
  if ('region' in resource) return scope.kind === 'all' || (scope.kind === 'region' && resource.region.startsWith(scope.prefix));
  return scopeCoversSchool(scope, { id: resource.schoolId, regionCode: resource.regionCode ?? '' });
}

/** Whether the caller may do this, on this resource when one is named. */
export function can(caller: Caller, permission: Permission, resource?: Resource): boolean {
  if (!(PERMISSIONS[permission] as readonly Role[]).includes(caller.role)) return false;
  return resource === undefined || reaches(caller, resource);
}

/** The caller, when signed in and allowed to do this; otherwise the request is refused (UNAUTHENTICATED or FORBIDDEN). */
export function authorize(caller: Caller | null, permission: Permission, resource?: Resource): Caller {
  if (!caller) throw unauthenticated();
  if (!can(caller, permission, resource)) throw forbidden();
  return caller;
}
