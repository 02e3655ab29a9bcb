import type { Role } from '@/gql/graphql';

/**
 * Which role may do what in the portal: the one place that lists roles. The API decides access;
 * these lists only choose what to show, so they follow the API's rules (DESIGN.md).
 */
export const ROLES_ALLOWED = {
  /** The review queue: district staff (and system admins), as the API's waitingForMe defines it. */
  review: ['DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** `importStudents` accepts a registrar (into its own school) and a system admin (into any school). */
  import: ['SCHOOL_REGISTRAR', 'SYSTEM_ADMIN'],
  /** Imports into the school the account belongs to, without choosing one. */
  importIntoOwnSchool: ['SCHOOL_REGISTRAR'],
  /** The statistics of a region: district, city and province staff, and system admins (DESIGN.md story 2). */
  dashboard: ['DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'],
  /** Someone the API can wait for (a school's turn to act, a reviewer's review); city and province staff only read. */
  beWaitedFor: ['SCHOOL_REGISTRAR', 'DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /**
   * Reports and the GraphQL explorer in the menu: district staff and above. A registrar's menu is
   * its work (problems, records, import); both pages still open by their address.
   */
  staffTools: ['DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'],
  /**
   * The transfer list (学籍转接): the schools that ask for and answer transfers, and the district staff
   * who decide overdue answers and approve moves between districts (the API's transfer.* rights).
   */
  transfers: ['SCHOOL_REGISTRAR', 'DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** Ask for a pupil's transfer to the own school (requestTransfer, requestTransferIn): a registrar. */
  requestTransfer: ['SCHOOL_REGISTRAR'],
  /**
   * Semester verification (学期核查): registrars confirm their classes, district staff open campaigns
   * and follow them (the API's campaign.confirm and campaign.manage rights).
   */
  verification: ['SCHOOL_REGISTRAR', 'DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** Open and close campaigns, and follow each school's progress (`campaign.manage`). */
  manageCampaigns: ['DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** Confirm the own school's classes in a campaign (`campaign.confirm`). */
  confirmClasses: ['SCHOOL_REGISTRAR'],
  /** 新生查重 before enrolling (`checkPupil`): a registrar, whose school enrols. */
  checkPupil: ['SCHOOL_REGISTRAR'],
  /** Import the police's verification results for a region (`importPoliceResults`, the API's police.import). */
  policeImport: ['DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** Restore a deleted record (`restoreStudent`): district staff over its school, and system admins. */
  restore: ['DISTRICT_ADMIN', 'SYSTEM_ADMIN'],
  /** Reports over a region: choose the region of a report and share a saved one (the API refuses registrars). */
  reportOnRegion: ['DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'],
  /**
   * The possible duplicates the matching model suggests (可能重复的学籍): list them, confirm a pair as
   * one pupil or dismiss it (`possibleDuplicates`, `confirmPossibleDuplicate`, `dismissPossibleDuplicate`,
   * the API's suggestion.review): district, city and province staff, and system admins.
   */
  reviewPossibleDuplicates: ['DISTRICT_ADMIN', 'CITY_ADMIN', 'PROVINCE_ADMIN', 'SYSTEM_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ROLES_ALLOWED;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (ROLES_ALLOWED[permission] as readonly Role[]).includes(role);
}

