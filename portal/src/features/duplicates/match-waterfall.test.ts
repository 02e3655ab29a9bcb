import { describe, expect, it } from 'vitest';
import { BAR_COLORS, priorOf, waterfallBars, waterfallOption, type WeightEntry } from './match-waterfall';
import { appendPage, pairRows } from './pair-rows';

const EXPLANATION: WeightEntry[] = [
  { field: 'ID_NUMBER', level: 'ONE_SUBSTITUTION', weight: 18.6 },
  { field: 'NAME', level: 'SAME_PINYIN', weight: 6.2 },
  { field: 'BIRTH_DATE', level: 'EXACT', weight: 9.1 },
  { field: 'GENDER', level: 'DIFFERENT', weight: -4.5 },
  { field: 'SCHOOL', level: 'SAME_DISTRICT', weight: 1.3 },
  { field: 'GRADE', level: 'MISSING', weight: 0 },
];
// Prior −25.0: the running total is −6.4, −0.2, 8.9, 4.4, 5.7, 5.7.
const SCORE = 5.7;

const labels = {
  category: (key: string) => `c:${key}`,
  signed: (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`,
  axis: '证据',
};

type Item = { value: number; itemStyle: { color: string }; label: { position: string; formatter: string } };
const seriesOf = (option: ReturnType<typeof waterfallOption>) => option.series as { name: string; stack: string; stackStrategy: string; data: unknown[] }[];

describe('waterfallBars', () => {
  it('takes the prior as the score minus every weight', () => {
    expect(priorOf(SCORE, EXPLANATION)).toBeCloseTo(-25, 9);
  });

  it('starts with the prior, floats each weight from the running total, and ends at the total', () => {
    const bars = waterfallBars(SCORE, EXPLANATION);
    expect(bars.map((bar) => bar.key)).toEqual(['prior', 'ID_NUMBER', 'NAME', 'BIRTH_DATE', 'GENDER', 'SCHOOL', 'GRADE', 'total']);
    expect(bars.map((bar) => bar.kind)).toEqual(['prior', 'up', 'up', 'up', 'down', 'up', 'up', 'total']);
    const expected: [number, number][] = [
      [-25, 25], // the prior, from 0 down to −25
      [-25, 18.6], // up from −25 to −6.4
      [-6.4, 6.2], // up from −6.4 to −0.2
      [-0.2, 9.1], // up across 0, to 8.9
      [4.4, 4.5], // down from 8.9 to 4.4: the bar starts at the lower end
      [4.4, 1.3],
      [5.7, 0],
      [0, 5.7], // the total, from 0 up to the score
    ];
    bars.forEach((bar, i) => {
      expect(bar.base, `base of ${bar.key}`).toBeCloseTo(expected[i]![0], 9);
      expect(bar.height, `height of ${bar.key}`).toBeCloseTo(expected[i]![1], 9);
    });
  });

  it('draws a negative total from 0 down', () => {
    const bars = waterfallBars(-3, [{ field: 'NAME', level: 'OTHER', weight: -7 }]);
    expect(bars.at(-1)).toMatchObject({ key: 'total', base: -3, height: 3, value: -3 });
    expect(bars[0]).toMatchObject({ key: 'prior', base: 0, height: 4, value: 4 });
    expect(bars[1]).toMatchObject({ kind: 'down', base: -3, height: 7 });
  });
});

describe('waterfallOption', () => {
  const option = waterfallOption(waterfallBars(SCORE, EXPLANATION), labels);
  const [base, bars] = seriesOf(option);

  it('stacks an invisible base under each visible bar, across signs', () => {
    expect(base!.stack).toBe(bars!.stack);
    expect(base!.stackStrategy).toBe('all');
    expect(bars!.stackStrategy).toBe('all');
    expect((base as unknown as { itemStyle: { color: string } }).itemStyle.color).toBe('transparent');
    expect((base!.data as number[]).map((v) => Math.round(v * 10) / 10)).toEqual([-25, -25, -6.4, -0.2, 4.4, 4.4, 5.7, 0]);
    expect((bars!.data as Item[]).map((item) => Math.round(item.value * 10) / 10)).toEqual([25, 18.6, 6.2, 9.1, 4.5, 1.3, 0, 5.7]);
  });

  it('colours the prior grey, weights for one pupil green and against red, the total blue, each labelled with its sign', () => {
    const items = bars!.data as Item[];
    expect(items.map((item) => item.itemStyle.color)).toEqual([
      BAR_COLORS.prior,
      BAR_COLORS.up,
      BAR_COLORS.up,
      BAR_COLORS.up,
      BAR_COLORS.down,
      BAR_COLORS.up,
      BAR_COLORS.up,
      BAR_COLORS.total,
    ]);
    expect(BAR_COLORS.up).toBe('#67c23a');
    expect(BAR_COLORS.down).toBe('#f56c6c');
    expect(items.map((item) => item.label.formatter)).toEqual(['-25.0', '+18.6', '+6.2', '+9.1', '-4.5', '+1.3', '+0.0', '+5.7']);
    expect(items[4]!.label.position).toBe('bottom');
    expect(items[1]!.label.position).toBe('top');
  });

  it('names the categories prior first and total last', () => {
    const xAxis = option.xAxis as { data: string[] };
    expect(xAxis.data[0]).toBe('c:prior');
    expect(xAxis.data.at(-1)).toBe('c:total');
    expect(xAxis.data).toHaveLength(EXPLANATION.length + 2);
  });
});

describe('pairRows', () => {
  const school = (id: string) => ({ id, name: '胜利小学' });
  const record = (id: string, patch: Record<string, unknown>) => ({ id, name: '王小明', gender: 'M', birthDate: '2015-03-01', idNumberMasked: '330102********1234', grade: '三年级', className: '2班', school: school('1'), ...patch });

  it('marks the rows whose values differ, and compares schools by id (two may share a name)', () => {
    const rows = pairRows([record('a', {}), record('b', { name: '王晓明', school: school('2') })], (r, key) =>
      key === 'school' ? r.school.name : key === 'idNumber' ? (r.idNumberMasked ?? '') : key === 'gradeClass' ? `${r.grade}${r.className}` : String(r[key]),
    );
    expect(Object.fromEntries(rows.map((row) => [row.key, row.differs]))).toEqual({
      name: true,
      gender: false,
      birthDate: false,
      idNumber: false,
      school: true,
      gradeClass: false,
    });
    expect(rows[0]!.values).toEqual(['王小明', '王晓明']);
  });
});

describe('appendPage', () => {
  it('adds the next page after the loaded ones and goes on from its cursor', () => {
    const page = (ids: string[], end: string, hasNextPage: boolean, hasPreviousPage: boolean) => ({
      edges: ids.map((id) => ({ cursor: id, node: { id } })),
      pageInfo: { hasNextPage, hasPreviousPage, startCursor: ids[0]!, endCursor: end },
      totalCount: 4,
    });
    const merged = appendPage(page(['1', '2'], '2', true, false), page(['3', '4'], '4', false, true));
    expect(merged.edges.map((edge) => edge.cursor)).toEqual(['1', '2', '3', '4']);
    expect(merged.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: '1', endCursor: '4' });
  });
});
