import { describe, expect, it } from 'vitest';
import { addDays, chinaMonthStart, chinaToday, mondayOf, weeksBetween } from './china-calendar';
import { ageingBuckets, topSchoolsChart, typeStatusChart, weeklyTrend } from './dashboard-charts';
import { problemsLink } from './problems-link';
import { ancestorAt, depthOf, isWithin } from '@/components/region-codes';

describe('china calendar', () => {
  it('uses the day and week of China time, Monday first', () => {
    // 2025-03-02T17:00Z is already Monday 3 March in Beijing.
    expect(chinaToday(new Date('2025-03-02T17:00:00Z'))).toBe('2025-03-03');
    expect(mondayOf('2025-03-09')).toBe('2025-03-03');
    expect(mondayOf('2025-03-03')).toBe('2025-03-03');
    expect(addDays('2025-03-03', -7)).toBe('2025-02-24');
    expect(weeksBetween('2025-02-24', '2025-03-03')).toBe(1);
    expect(chinaMonthStart(new Date('2025-02-28T16:30:00Z'))).toBe('2025-03-01T00:00:00+08:00');
  });
});

describe('typeStatusChart', () => {
  it('stacks statuses per type and knows which bar is which', () => {
    const chart = typeStatusChart(
      [
        { type: 'INVALID_ID', status: 'OPEN', count: 4 },
        { type: 'DUPLICATE_ID', status: 'RESOLVED', count: 2 },
        { type: 'DUPLICATE_ID', status: 'OPEN', count: 1 },
      ],
      { type: (t) => `T:${t}`, status: (s) => `S:${s}` },
    );
    expect(chart.types).toEqual(['DUPLICATE_ID', 'INVALID_ID']);
    expect(chart.statuses).toEqual(['OPEN', 'RESOLVED']);
    expect(chart.total).toBe(7);
    expect((chart.option.series as { name: string; data: number[]; stack: string }[]).map(({ name, data, stack }) => ({ name, data, stack }))).toEqual([
      { name: 'S:OPEN', data: [1, 4], stack: 'status' },
      { name: 'S:RESOLVED', data: [2, 0], stack: 'status' },
    ]);
  });
});

describe('topSchoolsChart', () => {
  it('keeps the ten schools with the most unresolved problems, largest first', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ schoolId: `s${i}`, school: { name: `学校${i}` }, unresolved: i % 6 }));
    const names = { unresolved: 'unresolved', graduating: 'graduating' };
    const chart = topSchoolsChart(rows, names);
    expect(chart.schools.map((s) => s.unresolved)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(chart.schools[0]).toEqual({ id: 's11', name: '学校11', unresolved: 5, graduating: 0 });
    expect(topSchoolsChart([{ schoolId: 's1', school: null, unresolved: 0 }], names).schools).toEqual([]);
  });

  it('shows beside each school how many of its problems hold a graduating pupil', () => {
    const chart = topSchoolsChart(
      [
        { schoolId: 'a', school: { name: '甲' }, unresolved: 4, graduating: 3 },
        { schoolId: 'b', school: { name: '乙' }, unresolved: 6 },
      ],
      { unresolved: '未解决', graduating: '毕业班' },
    );
    const series = chart.option.series as { name: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(['未解决', '毕业班']);
    expect(series[0]!.data).toEqual([6, 4]);
    expect(series[1]!.data).toEqual([0, 3]);
  });
});

describe('weeklyTrend and ageingBuckets', () => {
  const today = '2025-03-05'; // a Wednesday; its week starts 2025-03-03
  const rows = [
    { openedWeek: '2025-03-03', count: 5, unresolved: 4 },
    { openedWeek: '2025-02-24', count: 2, unresolved: 1 },
    { openedWeek: '2025-01-27', count: 3, unresolved: 3 }, // 5 weeks ago
    { openedWeek: '2024-06-03', count: 9, unresolved: 2 }, // 39 weeks ago
    { openedWeek: '2024-12-02', count: 1, unresolved: 0 },
  ];

  it('counts opened problems per week, empty weeks as 0', () => {
    const trend = weeklyTrend(rows, today, 6);
    expect(trend.weeks).toEqual(['2025-01-27', '2025-02-03', '2025-02-10', '2025-02-17', '2025-02-24', '2025-03-03']);
    expect(trend.counts).toEqual([3, 0, 0, 0, 2, 5]);
  });

  it('buckets unresolved problems by whole weeks since their week', () => {
    expect(ageingBuckets(rows, today)).toEqual([
      { key: 'thisWeek', unresolved: 4 },
      { key: 'weeks1to3', unresolved: 1 },
      { key: 'weeks4to12', unresolved: 3 },
      { key: 'weeks13to25', unresolved: 0 },
      { key: 'weeks26plus', unresolved: 2 },
    ]);
  });
});

describe('problemsLink', () => {
  it('links to the problem list with the filters that are set', () => {
    expect(problemsLink({ type: 'DUPLICATE_ID', status: 'OPEN', region: null })).toEqual({ name: 'problems', query: { type: 'DUPLICATE_ID', status: 'OPEN' } });
    expect(problemsLink({ school: '17', region: '330106' })).toEqual({ name: 'problems', query: { school: '17', region: '330106' } });
  });
});

describe('region codes', () => {
  it('derives levels and ancestors from GB/T 2260 codes', () => {
    expect([depthOf('330000'), depthOf('330100'), depthOf('330106')]).toEqual([1, 2, 3]);
    expect(ancestorAt('330106', 1)).toBe('330000');
    expect(ancestorAt('330106', 2)).toBe('330100');
    expect(isWithin('330106', '330100')).toBe(true);
    expect(isWithin('330206', '330100')).toBe(false);
    expect(isWithin('330000', '330100')).toBe(false);
    expect(isWithin('110101', null)).toBe(true);
  });
});
