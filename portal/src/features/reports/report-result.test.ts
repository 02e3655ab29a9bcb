import { describe, expect, it } from 'vitest';
import type { StatsRow } from './report-fields';
import { chartKind, flattenResult, reportChartOption, type ReportLabels } from './report-result';

const labels: ReportLabels = {
  dimension: (d) => d,
  measure: (m) => `m:${m}`,
  value: (d, row) => String((d === 'TYPE' ? row.type : d === 'STATUS' ? row.status : d === 'OPENED_MONTH' ? row.openedMonth : row.school?.name) ?? '-'),
};

type Series = { type: string; name: string; data: unknown[]; stack?: string };
const seriesOf = (option: ReturnType<typeof reportChartOption>) => (option!.series as Series[]).map(({ type, name, data, stack }) => ({ type, name, data, stack }));
const categoriesOf = (option: ReturnType<typeof reportChartOption>) => (option!.xAxis as { data: string[] }).data;

describe('reportChartOption', () => {
  const rows: StatsRow[] = [
    { type: 'DUPLICATE_ID', status: 'OPEN', count: 3, unresolved: 3 },
    { type: 'DUPLICATE_ID', status: 'RESOLVED', count: 2, unresolved: 0 },
    { type: 'INVALID_ID', status: 'OPEN', count: 1, unresolved: 1 },
  ];

  it('draws bars per first-dimension value, a series per measure', () => {
    const option = reportChartOption({ dimensions: ['TYPE'], measures: ['count', 'unresolved'], filter: {} }, [rows[0]!, rows[2]!], labels);
    expect(categoriesOf(option)).toEqual(['DUPLICATE_ID', 'INVALID_ID']);
    expect(seriesOf(option)).toEqual([
      { type: 'bar', name: 'm:count', data: [3, 1], stack: undefined },
      { type: 'bar', name: 'm:unresolved', data: [3, 1], stack: undefined },
    ]);
  });

  it('stacks the second dimension for a count, filling missing pairs with 0', () => {
    const option = reportChartOption({ dimensions: ['TYPE', 'STATUS'], measures: ['count'], filter: {} }, rows, labels);
    expect(seriesOf(option)).toEqual([
      { type: 'bar', name: 'OPEN', data: [3, 1], stack: 'total' },
      { type: 'bar', name: 'RESOLVED', data: [2, 0], stack: 'total' },
    ]);
  });

  it('draws a line over time and leaves medians unstacked with gaps', () => {
    const spec = { dimensions: ['OPENED_MONTH' as const, 'TYPE' as const], measures: ['medianDaysToResolve' as const], filter: {} };
    expect(chartKind(spec)).toBe('line');
    const option = reportChartOption(
      spec,
      [
        { openedMonth: '2025-01', type: 'DUPLICATE_ID', medianDaysToResolve: 4.5 },
        { openedMonth: '2025-02', type: 'INVALID_ID', medianDaysToResolve: 2 },
      ],
      labels,
    );
    expect(seriesOf(option)).toEqual([
      { type: 'line', name: 'DUPLICATE_ID', data: [4.5, null], stack: undefined },
      { type: 'line', name: 'INVALID_ID', data: [null, 2], stack: undefined },
    ]);
  });

  it('draws the totals as one bar per measure, and nothing for three dimensions or no rows', () => {
    const totals = reportChartOption({ dimensions: [], measures: ['count', 'overdue'], filter: {} }, [{ count: 9, overdue: 2 }], labels);
    expect(categoriesOf(totals)).toEqual(['m:count', 'm:overdue']);
    expect(seriesOf(totals)[0]!.data).toEqual([9, 2]);
    expect(reportChartOption({ dimensions: ['TYPE', 'STATUS', 'SCOPE'], measures: ['count'], filter: {} }, rows, labels)).toBeNull();
    expect(reportChartOption({ dimensions: ['TYPE'], measures: ['count'], filter: {} }, [], labels)).toBeNull();
  });
});

describe('flattenResult', () => {
  it('tables the first list of any result as the export does', () => {
    const table = flattenResult({
      problems: {
        __typename: 'ProblemConnection',
        nodes: [
          { __typename: 'Problem', id: '1', members: [{ name: '张三' }, { name: '李四' }], school: null },
          { __typename: 'Problem', id: '2', members: [], school: { name: '文三街小学' } },
        ],
      },
    });
    expect(table).toEqual({
      columns: ['id', 'members.name', 'school', 'school.name'],
      rows: [
        { id: '1', 'members.name': '张三; 李四', school: null },
        { id: '2', 'school.name': '文三街小学' },
      ],
    });
    expect(flattenResult({ me: { id: '1' } })).toBeNull();
  });
});
