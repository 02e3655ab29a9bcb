import type { ProblemStatus, ProblemType } from '@/gql/graphql';
import { PROBLEM_STATUSES, PROBLEM_TYPES } from '@/domain/problem-values';
import { addDays, mondayOf, weeksBetween } from './china-calendar';
import { CHART_COLORS, type ChartOption } from '@/components/echarts';

/** Colours of the statuses, the same meaning as the list's tags: open amber, review blue, escalated red, resolved green. */
const STATUS_COLORS: Record<ProblemStatus, string> = { OPEN: '#e6a23c', PENDING_REVIEW: '#1f5fbf', ESCALATED: '#f56c6c', RESOLVED: '#67c23a' };

const axisLabel = (count: number) => ({ interval: 0, hideOverlap: true, rotate: count > 6 ? 30 : 0, overflow: 'truncate' as const, width: 110 });

// ---------------------------------------------------------------------------------------------
// Problems by type and status: one stacked bar per type, a segment per status.

export interface TypeStatusRow {
  type?: ProblemType | null;
  status?: ProblemStatus | null;
  count: number;
}

export interface TypeStatusChart {
  option: ChartOption;
  /** The problem type of each bar and the status of each series, for a click. */
  types: ProblemType[];
  statuses: ProblemStatus[];
  total: number;
}

export function typeStatusChart(
  rows: readonly TypeStatusRow[],
  label: { type: (type: ProblemType) => string; status: (status: ProblemStatus) => string },
): TypeStatusChart {
  const types = PROBLEM_TYPES.filter((type) => rows.some((r) => r.type === type && r.count > 0));
  const statuses = PROBLEM_STATUSES.filter((status) => rows.some((r) => r.status === status && r.count > 0));
  const countOf = (type: ProblemType, status: ProblemStatus) => rows.find((r) => r.type === type && r.status === status)?.count ?? 0;
  return {
    types,
    statuses,
    total: rows.reduce((sum, r) => sum + r.count, 0),
    option: {
      aria: { enabled: true },
      color: statuses.map((s) => STATUS_COLORS[s]),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: types.map(label.type), axisLabel: axisLabel(types.length) },
      yAxis: { type: 'value', minInterval: 1 },
      series: statuses.map((status) => ({
        type: 'bar',
        name: label.status(status),
        stack: 'status',
        barMaxWidth: 56,
        emphasis: { focus: 'series' },
        data: types.map((type) => countOf(type, status)),
      })),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Schools with the most unresolved problems.

export interface SchoolRow {
  schoolId?: string | null;
  school?: { name: string } | null;
  unresolved: number;
  /** Of those, how many hold a pupil of a graduating grade. */
  graduating?: number;
}

export interface TopSchoolsChart {
  option: ChartOption;
  /** The schools of the bars, top first. */
  schools: { id: string; name: string; unresolved: number; graduating: number }[];
}

/**
 * The `limit` schools with the most unresolved problems (ties by name), largest at the top; beside
 * each, how many of them hold a graduating pupil (the ones to settle before graduation day).
 */
export function topSchoolsChart(rows: readonly SchoolRow[], names: { unresolved: string; graduating: string }, limit = 10): TopSchoolsChart {
  const schools = rows
    .filter((r): r is SchoolRow & { schoolId: string } => !!r.schoolId && r.unresolved > 0)
    .map((r) => ({ id: r.schoolId, name: r.school?.name ?? r.schoolId, unresolved: r.unresolved, graduating: r.graduating ?? 0 }))
    .sort((a, b) => b.unresolved - a.unresolved || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit);
  return {
    schools,
    option: {
      aria: { enabled: true },
      color: [CHART_COLORS[0]!, CHART_COLORS[1]!],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [names.unresolved, names.graduating] },
      grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      // Categories run bottom-up; inverse puts the largest first, at the top.
      yAxis: { type: 'category', inverse: true, data: schools.map((s) => s.name), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: names.unresolved,
          barMaxWidth: 22,
          label: { show: true, position: 'right' },
          data: schools.map((s) => s.unresolved),
        },
        {
          type: 'bar',
          name: names.graduating,
          barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: ({ value }: { value: unknown }) => (value ? String(value) : '') },
          data: schools.map((s) => s.graduating),
        },
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Weekly trend of opened problems.

export interface WeekRow {
  openedWeek?: string | null;
  count: number;
  unresolved: number;
}

/** Problems opened per week over the last `weeks` weeks up to this one, weeks without problems as 0. */
export function weeklyTrend(rows: readonly WeekRow[], today: string, weeks = 26): { weeks: string[]; counts: number[] } {
  const thisMonday = mondayOf(today);
  const byWeek = new Map(rows.filter((r) => r.openedWeek).map((r) => [r.openedWeek!, r.count]));
  const days = Array.from({ length: weeks }, (_, i) => addDays(thisMonday, -7 * (weeks - 1 - i)));
  return { weeks: days, counts: days.map((day) => byWeek.get(day) ?? 0) };
}

export function weeklyTrendChart(trend: { weeks: string[]; counts: number[] }, seriesName: string, weekLabel: (monday: string) => string): ChartOption {
  return {
    aria: { enabled: true },
    color: [CHART_COLORS[0]!],
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: trend.weeks.map(weekLabel) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'line', name: seriesName, smooth: true, symbolSize: 6, areaStyle: { opacity: 0.12 }, data: trend.counts }],
  };
}

// ---------------------------------------------------------------------------------------------
// Ageing of unresolved problems.

/**
 * Age buckets in whole weeks since the week a problem was opened. `problemStats` has no age
 * dimension, so the unresolved counts per OPENED_WEEK are bucketed here: a problem's age is
 * counted from the Monday of its week, so the buckets are exact in weeks (a problem opened last
 * Sunday is "1–3 weeks" on Monday).
 */
export const AGE_BUCKETS = [
  { key: 'thisWeek', fromWeeks: 0 },
  { key: 'weeks1to3', fromWeeks: 1 },
  { key: 'weeks4to12', fromWeeks: 4 },
  { key: 'weeks13to25', fromWeeks: 13 },
  { key: 'weeks26plus', fromWeeks: 26 },
] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number]['key'];

export function ageingBuckets(rows: readonly WeekRow[], today: string): { key: AgeBucket; unresolved: number }[] {
  const thisMonday = mondayOf(today);
  const totals = AGE_BUCKETS.map((bucket) => ({ key: bucket.key as AgeBucket, unresolved: 0 }));
  for (const row of rows) {
    if (!row.openedWeek || row.unresolved === 0) continue;
    const age = Math.max(0, weeksBetween(row.openedWeek, thisMonday));
    let index = 0;
    AGE_BUCKETS.forEach((bucket, i) => {
      if (age >= bucket.fromWeeks) index = i;
    });
    totals[index]!.unresolved += row.unresolved;
  }
  return totals;
}

export function ageingChart(buckets: { key: AgeBucket; unresolved: number }[], seriesName: string, bucketLabel: (key: AgeBucket) => string): ChartOption {
  // Older is more urgent: the colour warms from blue to red.
  const colors = ['#8fafdf', '#1f5fbf', '#e6a23c', '#f08c5a', '#f56c6c'];
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: buckets.map((b) => bucketLabel(b.key)), axisLabel: axisLabel(buckets.length) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 56,
        label: { show: true, position: 'top' },
        data: buckets.map((b, i) => ({ value: b.unresolved, itemStyle: { color: colors[i] } })),
      },
    ],
  };
}
