import type { Disclosure, IdNumberPart, Sameness } from '@/gql/graphql';

/** The rows of the side-by-side comparison whose values are compared between records. */
export const COMPARED_FIELDS = ['name', 'gender', 'birthDate', 'idType', 'idNumber', 'grade', 'className', 'enrollmentMonth', 'school'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** The fields the API compares another school's record on, with ours, instead of giving its values. */
export const SAMENESS_FIELDS = ['name', 'gender', 'birthDate', 'idType', 'idNumber', 'grade', 'enrollmentMonth'] as const;
export type SamenessField = (typeof SAMENESS_FIELDS)[number];

export function isSamenessField(field: string): field is SamenessField {
  return (SAMENESS_FIELDS as readonly string[]).includes(field);
}

/** The parts of a resident ID number from its first character to its last. */
const ID_NUMBER_PARTS: readonly IdNumberPart[] = ['ADDRESS_CODE', 'BIRTH_DATE', 'SEQUENCE', 'CHECK_CHARACTER'];

export type MemberSameness = Record<SamenessField, Sameness> & { against: string };

export interface ComparableMember {
  studentId: string;
  disclosure: Disclosure;
  name: string;
  gender: string | null;
  birthDate: string | null;
  idType: string;
  idNumberMasked?: string | null;
  grade?: string | null;
  className?: string | null;
  enrollmentMonth?: string | null;
  school: { id: string };
  comparison?: MemberSameness | null;
}

function valueOf(member: ComparableMember, field: ComparedField): string {
  switch (field) {
    case 'idNumber':
      return member.idNumberMasked ?? '';
    case 'school':
      return member.school.id;
    default:
      return member[field] ?? '';
  }
}

/**
 * Which of `values` stand out. When most agree, only the odd ones out are marked (three copies,
 * one typo: the typo); when there is no clear majority (two values that differ), every one is.
 */
function oddOnesOut(values: readonly string[]): boolean[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  if (counts.size <= 1) return values.map(() => false);
  const [top, second] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const majority = top![1] > 1 && top![1] > second![1] ? top![0] : null;
  return values.map((value) => majority === null || value !== majority);
}

/**
 * Marks the fields the API says differ on a COMPARED record, and the same fields on the record of
 * ours it was compared against: the registrar has to see which of its own values is in question.
 */
function markComparisons(members: readonly ComparableMember[], result: Record<ComparedField, boolean[]>): void {
  members.forEach((member, index) => {
    const comparison = member.disclosure === 'COMPARED' ? member.comparison : null;
    if (!comparison) return;
    const against = members.findIndex((other) => other.studentId === comparison.against);
    for (const field of SAMENESS_FIELDS) {
      if (comparison[field] !== 'DIFFERS') continue;
      result[field][index] = true;
      if (against >= 0) result[field][against] = true;
    }
  });
}

/**
 * For each compared field, which members' cells are marked as different. Records shown in full are
 * compared by value, exactly as shown, because a difference in spelling is what the registrar has
 * to see. Another school's record (COMPARED) has no values to compare, only the API's comparison
 * with ours, so it is left out of the value comparison (its nulls would count as a value) and
 * marked from that comparison instead. The school is shown for every record and compared by value
 * across all of them.
 */
export function differingCells(members: readonly ComparableMember[]): Record<ComparedField, boolean[]> {
  const result = {} as Record<ComparedField, boolean[]>;
  const full = members.flatMap((member, index) => (member.disclosure === 'FULL' ? [index] : []));
  const all = members.map((_, index) => index);
  for (const field of COMPARED_FIELDS) {
    result[field] = members.map(() => false);
    const pool = field === 'school' ? all : full;
    const marks = oddOnesOut(pool.map((index) => valueOf(members[index]!, field)));
    pool.forEach((index, i) => (result[field][index] = marks[i]!));
  }
  markComparisons(members, result);
  return result;
}

/** The parts of an ID number that differ, from the first character to the last, whatever order they came in. */
export function inIdNumberOrder(parts: readonly IdNumberPart[]): IdNumberPart[] {
  return ID_NUMBER_PARTS.filter((part) => parts.includes(part));
}

/**
 * A registrar's own school's records first (they are the ones it acts on), otherwise in the API's
 * order. District staff have no school of their own (`schoolId` null): the order stays as it is.
 */
export function ownFirst<T extends { school: { id: string } }>(members: readonly T[], schoolId: string | null): T[] {
  if (!schoolId) return [...members];
  return [...members.filter((m) => m.school.id === schoolId), ...members.filter((m) => m.school.id !== schoolId)];
}
