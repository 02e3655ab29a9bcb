import { scopeCoversSchool, type Scope } from '../../core/auth/caller.js';
import {
  checkResidentId,
  compareIdNumbers,
  ID_PROBLEM_SUMMARIES,
  maskIdNumber,
  normalizeName,
  type Gender,
  type IdType,
} from '../../registry/index.js';
import { Disclosure, Sameness, type MemberComparison, type ProblemEvent, type ProblemMember } from './problem-member.type.js';
import type { SchoolRef } from './references.js';

/**
 * The disclosure model (README, "Disclosure model"), in one place: every view of a problem's
 * records and of their history goes through these functions.
 *
 * A record in the caller's scope is shown in full, except its ID number, which stays masked until
 * revealed one record at a time (logged). Another school's record is shown as what a registrar
 * needs to decide and nothing it could reuse: its school, its name partly masked, and for every
 * other field only whether it equals the caller's own record. No value of it is returned, so no
 * combination of fields rebuilds one: the old "first 6 + last 4" mask beside a birth date was the
 * whole number.
 */

/** A problem member as stored: every value in full. Only this module turns it into a view. */
export interface MemberValues {
  studentId: string;
  schoolId: string;
  /** The school as a problem list shows it: code, name, district and that district's city. */
  schoolCode: string;
  schoolName: string;
  regionCode: string;
  regionName: string;
  /** The district's city, both null for a region with none above it. */
  parentCode: string | null;
  parentName: string | null;
  name: string;
  gender: Gender;
  birthDate: string;
  idType: IdType;
  idNumber: string | null;
  addressCodeKnown: boolean;
  corroborated: boolean;
  joinedAt: Date;
  /** When it left the problem; null while it is a member. */
  leftAt: Date | null;
  grade: string | null;
  className: string | null;
  enrollmentMonth: string | null;
  /** When the record was imported or created, and the file it came from (null when not imported). */
  importedAt: Date;
  importFile: string | null;
  lastChangedAt: Date;
  problemId: string;
  problemStatus: string;
}

/** The first and last characters of a name, the rest starred: 张*睿, 欧**睿, 张*. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

function sameness(a: unknown, b: unknown): Sameness {
  if (a === null || a === undefined || a === '' || b === null || b === undefined || b === '') return Sameness.MISSING;
  return a === b ? Sameness.SAME : Sameness.DIFFERS;
}

function compare(theirs: MemberValues, ours: MemberValues): MemberComparison {
  const id = compareIdNumbers(theirs, ours);
  return {
    against: ours.studentId,
    name: sameness(normalizeName(theirs.name), normalizeName(ours.name)),
    gender: sameness(theirs.gender, ours.gender),
    birthDate: sameness(theirs.birthDate, ours.birthDate),
    idType: sameness(theirs.idType, ours.idType),
    grade: sameness(theirs.grade, ours.grade),
    enrollmentMonth: sameness(theirs.enrollmentMonth, ours.enrollmentMonth),
    idNumber: id.same === null ? Sameness.MISSING : id.same ? Sameness.SAME : Sameness.DIFFERS,
    idNumberDiffersIn: id.differingParts,
  };
}

function inScope(scope: Scope, member: Pick<MemberValues, 'schoolId' | 'regionCode'>): boolean {
  return scopeCoversSchool(scope, { id: member.schoolId, regionCode: member.regionCode });
}

/**
 * A record in scope, shown in full. A class rather than an object literal with a getter: every list
 * page builds one per member, and a literal with an accessor gets a map of its own each time.
 */
// The fields come from Object.assign; the interface declares them (declaration merging).
interface FullView extends Omit<ProblemMember, 'idCheck'> {}
class FullView {
  // An ES private field: the stored values (the whole ID number) are neither enumerable nor
  // serialised, so no spread or JSON of a view can carry them.
  readonly #values: MemberValues;

  constructor(values: MemberValues) {
    this.#values = values;
    Object.assign(this, common(values, true), {
      disclosure: Disclosure.FULL,
      name: values.name,
      gender: values.gender,
      birthDate: values.birthDate,
      grade: values.grade,
      className: values.className,
      enrollmentMonth: values.enrollmentMonth,
      importFile: values.importFile,
      idNumberMasked: maskIdNumber(values.idNumber),
      comparison: null,
    });
  }

  /** Checked when asked for: the list page shows no check, and would pay for one per member. */
  get idCheck(): ProblemMember['idCheck'] {
    return idCheckOf(this.#values);
  }
}

function idCheckOf(member: MemberValues): ProblemMember['idCheck'] {
  if (member.idType !== 'RESIDENT_ID' || !member.idNumber) return null;
  const check = checkResidentId(member.idNumber, member);
  // The checker's own sentences quote the number ("should be X", "says born …"): these do not.
  return { ...check, messages: check.reasons.map((reason) => ID_PROBLEM_SUMMARIES[reason]), addressCodeKnown: member.addressCodeKnown };
}

function comparedView(member: MemberValues, ours: MemberValues | undefined): ProblemMember {
  return {
    ...common(member, false),
    disclosure: Disclosure.COMPARED,
    name: maskName(member.name),
    gender: null,
    birthDate: null,
    // Grade and enrolment month only as a comparison; the class and the file name are the other
    // school's own business and help no decision.
    grade: null,
    className: null,
    enrollmentMonth: null,
    importFile: null,
    idNumberMasked: null,
    // Validity is left out too: "valid" beside "differs only in the birth date" and "same birth
    // date" would pin the number down.
    idCheck: null,
    comparison: ours ? compare(member, ours) : null,
  };
}

function common(member: MemberValues, mine: boolean) {
  return {
    studentId: member.studentId,
    school: schoolOf(member),
    student: mine ? { id: member.studentId } : null,
    inMyScope: mine,
    idType: member.idType,
    corroborated: member.corroborated,
    joinedAt: member.joinedAt,
    leftAt: member.leftAt,
    importedAt: member.importedAt,
    lastChangedAt: member.lastChangedAt,
    problemId: member.problemId,
    problemStatus: member.problemStatus,
  };
}

/** A member's school with what `ProblemMember.school` provides of it: names are not personal data. */
function schoolOf(member: MemberValues): SchoolRef {
  const parent = member.parentCode === null || member.parentName === null ? null : { code: member.parentCode, name: member.parentName };
  return { id: member.schoolId, code: member.schoolCode, name: member.schoolName, region: { code: member.regionCode, name: member.regionName, parent } };
}

/**
 * The members of one problem as `scope` may see them; others are compared with the first of its
 * own among `compareWith` (the current members: also for those that left).
 */
export function discloseMembers(scope: Scope, members: readonly MemberValues[], compareWith: readonly MemberValues[] = members): ProblemMember[] {
  const ours = compareWith.find((member) => inScope(scope, member));
  return members.map((member) => (inScope(scope, member) ? new FullView(member) : comparedView(member, ours)));
}

/** The record an event of a problem's history is about, if any. */
export function recordOfEvent(event: ProblemEvent): string | null {
  const id = event.data.studentId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** Which values of a record an event's `before`/`after` carry. */
function recordValues(values: unknown): Record<string, unknown> | null {
  return values && typeof values === 'object' && !Array.isArray(values) ? (values as Record<string, unknown>) : null;
}

/**
 * An event of a problem's history as `scope` may see it. Values recorded about a record in scope
 * are shown with its ID numbers masked. About another school's record: which fields changed, never
 * their values, and how many materials were cited, not which (a scan of a household register is
 * every value at once). `subject` is the school of the record the event is about; null for events
 * about no record.
 */
export function discloseEvent(scope: Scope, event: ProblemEvent, subject: { schoolId: string; regionCode: string } | null): ProblemEvent {
  const { before, after, materialIds, ...rest } = event.data;
  const values = [recordValues(before), recordValues(after)];
  if (!subject || inScope(scope, subject)) {
    if (!values.some(Boolean)) return event;
    const masked = values.map((v) => v && Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'idNumber' && typeof x === 'string' ? maskIdNumber(x) : x])));
    return { ...event, data: { ...event.data, ...(before !== undefined && { before: masked[0] }), ...(after !== undefined && { after: masked[1] }) } };
  }
  const changedFields = [...new Set(values.flatMap((v) => (v ? Object.keys(v) : [])))].sort();
  return {
    ...event,
    data: { ...rest, ...(changedFields.length > 0 && { changedFields }), ...(Array.isArray(materialIds) && { materialCount: materialIds.length }) },
  };
}
