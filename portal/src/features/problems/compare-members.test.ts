import { describe, expect, it } from 'vitest';
import { differingCells, inIdNumberOrder, ownFirst, type ComparableMember, type MemberSameness } from './compare-members';

const base: ComparableMember = {
  studentId: '1',
  disclosure: 'FULL',
  name: '林小雨',
  gender: 'M',
  birthDate: '2014-03-15',
  idType: 'RESIDENT_ID',
  idNumberMasked: '330106***********1',
  school: { id: '1' },
};

const allSame: MemberSameness = { against: '1', name: 'SAME', gender: 'SAME', birthDate: 'SAME', idType: 'SAME', idNumber: 'SAME', grade: 'SAME', enrollmentMonth: 'SAME' };

/** Another school's record as the API gives it: no values, a comparison with record '1'. */
function compared(studentId: string, comparison: Partial<MemberSameness> | null): ComparableMember {
  return {
    studentId,
    disclosure: 'COMPARED',
    name: '林*雨',
    gender: null,
    birthDate: null,
    idType: 'RESIDENT_ID',
    idNumberMasked: null,
    school: { id: '2' },
    comparison: comparison && { ...allSame, ...comparison },
  };
}

describe('differingCells', () => {
  it('marks nothing when the records agree, and both values when two records differ', () => {
    const cells = differingCells([base, { ...base, school: { id: '2' }, birthDate: '2014-03-16' }]);
    expect(cells.name).toEqual([false, false]);
    expect(cells.idNumber).toEqual([false, false]);
    expect(cells.birthDate).toEqual([true, true]);
    expect(cells.school).toEqual([true, true]);
  });

  it('marks only the odd one out when most records agree', () => {
    const cells = differingCells([base, { ...base, name: '林小語' }, base]);
    expect(cells.name).toEqual([false, true, false]);
    expect(cells.gender).toEqual([false, false, false]);
  });

  it('marks every value when no value has a majority', () => {
    const cells = differingCells([base, { ...base, gender: 'F', idType: 'PASSPORT' }, { ...base, idType: 'OTHER' }]);
    expect(cells.idType).toEqual([true, true, true]);
    expect(cells.gender).toEqual([false, true, false]);
  });

  it('compares a missing ID number as a value of its own', () => {
    expect(differingCells([base, { ...base, idNumberMasked: null }]).idNumber).toEqual([true, true]);
  });

  it("marks exactly the fields another school's record differs in, on it and on our record it was compared with", () => {
    const cells = differingCells([base, compared('2', { birthDate: 'DIFFERS', idNumber: 'DIFFERS', gender: 'MISSING' })]);
    expect(cells.birthDate).toEqual([true, true]);
    expect(cells.idNumber).toEqual([true, true]);
    expect(cells.name).toEqual([false, false]);
    expect(cells.gender).toEqual([false, false]);
    expect(cells.idType).toEqual([false, false]);
    // The school is shown for every record, and compared by value.
    expect(cells.school).toEqual([true, true]);
  });

  it("does not count the hidden values of another school's record as values", () => {
    // Two of ours agree; without the comparison saying so, the other school's nulls are no difference.
    const cells = differingCells([base, { ...base, studentId: '3' }, compared('2', {})]);
    for (const field of ['name', 'gender', 'birthDate', 'idType', 'idNumber'] as const) expect(cells[field]).toEqual([false, false, false]);
  });

  it("keeps the value comparison among our records and adds the other school's differences to them", () => {
    const cells = differingCells([base, { ...base, studentId: '3', birthDate: '2014-03-16' }, compared('2', { name: 'DIFFERS' })]);
    expect(cells.birthDate).toEqual([true, true, false]);
    expect(cells.name).toEqual([true, false, true]);
  });

  it('marks nothing from a record that has no comparison (none of ours is left in the problem)', () => {
    const cells = differingCells([compared('2', null), compared('4', null)]);
    expect(cells.birthDate).toEqual([false, false]);
    expect(cells.school).toEqual([false, false]);
  });
});

describe('inIdNumberOrder', () => {
  it('lists the parts of an ID number from the first character to the last', () => {
    expect(inIdNumberOrder(['CHECK_CHARACTER', 'BIRTH_DATE'])).toEqual(['BIRTH_DATE', 'CHECK_CHARACTER']);
    expect(inIdNumberOrder([])).toEqual([]);
  });
});

describe('ownFirst', () => {
  const list = [
    { id: 'a', school: { id: '1' } },
    { id: 'b', school: { id: '2' } },
    { id: 'c', school: { id: '1' } },
  ];

  it("puts the registrar's own school first, keeping the order otherwise", () => {
    expect(ownFirst(list, '2').map((m) => m.id)).toEqual(['b', 'a', 'c']);
  });

  it('keeps the order for staff, who have no school of their own', () => {
    expect(ownFirst(list, null).map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });
});
