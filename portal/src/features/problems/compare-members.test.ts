import { describe, expect, it } from 'vitest';
import { differingCells, ownFirst } from './compare-members';

const base = { name: '林小雨', gender: 'M', birthDate: '2014-03-15', idType: 'RESIDENT_ID', idNumberMasked: '330106********0031', school: { id: '1' } };

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
