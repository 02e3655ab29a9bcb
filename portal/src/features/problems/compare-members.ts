/** The rows of the side-by-side comparison whose values are compared between records. */
export const COMPARED_FIELDS = ['name', 'gender', 'birthDate', 'idType', 'idNumber', 'school'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface ComparableMember {
  name: string;
  gender: string;
  birthDate: string;
  idType: string;
  idNumberMasked?: string | null;
  school: { id: string };
}

function valueOf(member: ComparableMember, field: ComparedField): string {
  switch (field) {
    case 'idNumber':
      return member.idNumberMasked ?? '';
    case 'school':
      return member.school.id;
    default:
      return member[field];
  }
}

/**
 * For each compared field, which members' values stand out. When most records agree, only the odd
 * ones out are marked (three copies, one typo: the typo); when there is no clear majority (two
 * records that differ), every value is marked. Values are compared exactly as shown, because a
 * difference in spelling is what the registrar has to see.
 */
export function differingCells(members: readonly ComparableMember[]): Record<ComparedField, boolean[]> {
  const result = {} as Record<ComparedField, boolean[]>;
  for (const field of COMPARED_FIELDS) {
    const values = members.map((member) => valueOf(member, field));
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    if (counts.size <= 1) {
      result[field] = values.map(() => false);
      continue;
    }
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    const majority = top![1] > 1 && top![1] > second![1] ? top![0] : null;
    result[field] = values.map((value) => majority === null || value !== majority);
  }
  return result;
}

/**
 * A registrar's own school's records first (they are the ones it acts on), otherwise in the API's
 * order. District staff have no school of their own (`schoolId` null): the order stays as it is.
 */
export function ownFirst<T extends { school: { id: string } }>(members: readonly T[], schoolId: string | null): T[] {
  if (!schoolId) return [...members];
  return [...members.filter((m) => m.school.id === schoolId), ...members.filter((m) => m.school.id !== schoolId)];
}
