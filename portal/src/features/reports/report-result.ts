import { CHART_COLORS, type ChartOption } from '@/components/echarts';
import { DAY_MEASURES, TIME_DIMENSIONS, type StatsDimension, type StatsMeasure, type StatsRow } from './report-fields';
import type { ReportSpec } from './report-query';

/** How the builder's table and chart name things (translated by the page). */
export interface ReportLabels {
  dimension: (dimension: StatsDimension) => string;
  /** The value of a dimension in a row, as shown (a type's name, a school's name, a week). */
  value: (dimension: StatsDimension, row: StatsRow) => string;
  measure: (measure: StatsMeasure) => string;
}

/** The raw value of a dimension in a row: what identifies the group. */
export function dimensionKey(dimension: StatsDimension, row: StatsRow): string | null {
  switch (dimension) {
    case 'TYPE':
      return row.type ?? null;
    case 'STATUS':
      return row.status ?? null;
    case 'SCOPE':
      return row.scope ?? null;
    case 'SCHOOL':
      return row.schoolId ?? null;
    case 'REGION':
      return row.regionCode ?? null;
    case 'OPENED_WEEK':
      return row.openedWeek ?? null;
    case 'OPENED_MONTH':
      return row.openedMonth ?? null;
  }
}

export type ChartKind = 'bar' | 'line';

/** A line over time (the first dimension is a week or a month), bars otherwise. */
export function chartKind(spec: ReportSpec): ChartKind {
  const first = spec.dimensions[0];
  return first && TIME_DIMENSIONS.includes(first) ? 'line' : 'bar';
}

/** Charts draw at most two dimensions (axis and series); the table always has them all. */
export const MAX_CHART_DIMENSIONS = 2;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * The chart of a report's rows. No dimension: one bar per measure. One dimension: the first
 * dimension on the axis and a series per measure. Two: the first on the axis, a series per value
 * of the second, showing the first measure (stacked when it is a count, side by side when it is a
 * median). More than two: null, and the page says why.
 */
export function reportChartOption(spec: ReportSpec, rows: readonly StatsRow[], labels: ReportLabels): ChartOption | null {
  const measures = spec.measures.length > 0 ? spec.measures : (['count'] as StatsMeasure[]);
  const parts = chartParts(chartKind(spec));
  if (rows.length === 0) return null;
  const [first, second] = spec.dimensions;
  if (!first) return measuresChart(parts, measures, rows[0]!, labels);
  if (spec.dimensions.length > MAX_CHART_DIMENSIONS) return null;

  const keys = unique(rows.map((row) => dimensionKey(first, row) ?? ''));
  const categories = keys.map((key) => labels.value(first, rows.find((row) => (dimensionKey(first, row) ?? '') === key)!));
  const chart = { ...parts.base, legend: { top: 0, type: 'scroll' as const }, xAxis: parts.axis(categories) };
  if (!second) {
    const valueOf = (key: string, measure: StatsMeasure) =>
      (rows.find((row) => (dimensionKey(first, row) ?? '') === key)?.[measure] as number | null | undefined) ?? null;
    return { ...chart, series: measures.map((measure) => parts.series(labels.measure(measure), keys.map((key) => valueOf(key, measure)))) };
  }
  return { ...chart, series: crossedSeries(parts, { first, second, measure: measures[0]! }, keys, rows, labels) };
}

/** The pieces every report chart of a kind shares: the frame, the category axis, a series. */
function chartParts(kind: ChartKind) {
  const base: ChartOption = {
    aria: { enabled: true },
    color: CHART_COLORS,
    tooltip: { trigger: 'axis', axisPointer: { type: kind === 'bar' ? 'shadow' : 'line' } },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    yAxis: { type: 'value' },
  };
  const axis = (categories: string[]) => ({
    type: 'category' as const,
    data: categories,
    boundaryGap: kind === 'bar',
    axisLabel: { interval: 0, hideOverlap: true, rotate: categories.length > 6 ? 30 : 0, overflow: 'truncate' as const, width: 120 },
  });
  const series = (name: string, data: (number | null)[], stack?: string) =>
    kind === 'line'
      ? { type: 'line' as const, name, data, smooth: true, connectNulls: true, symbolSize: 6 }
      : { type: 'bar' as const, name, data, stack, barMaxWidth: 48, emphasis: { focus: 'series' as const } };
  return { base, axis, series };
}
type ChartParts = ReturnType<typeof chartParts>;

/** No dimension: one bar per measure of the only row. */
function measuresChart(parts: ChartParts, measures: StatsMeasure[], row: StatsRow, labels: ReportLabels): ChartOption {
  return {
    ...parts.base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: parts.axis(measures.map(labels.measure)),
    series: [{ type: 'bar', name: labels.measure(measures[0]!), barMaxWidth: 48, colorBy: 'data', data: measures.map((m) => (row[m] as number | null | undefined) ?? null) }],
  };
}

/** Two dimensions: a series per value of the second, stacked when the measure adds up (a count), side by side when not (a median). */
function crossedSeries(
  parts: ChartParts,
  { first, second, measure }: { first: StatsDimension; second: StatsDimension; measure: StatsMeasure },
  keys: string[],
  rows: readonly StatsRow[],
  labels: ReportLabels,
) {
  const additive = !DAY_MEASURES.includes(measure);
  const seriesKeys = unique(rows.map((row) => dimensionKey(second, row) ?? ''));
  return seriesKeys.map((seriesKey) => {
    const sample = rows.find((row) => (dimensionKey(second, row) ?? '') === seriesKey)!;
    const data = keys.map((key) => {
      const row = rows.find((r) => (dimensionKey(first, r) ?? '') === key && (dimensionKey(second, r) ?? '') === seriesKey);
      return (row?.[measure] as number | null | undefined) ?? (additive ? 0 : null);
    });
    return parts.series(labels.value(second, sample), data, additive ? 'total' : undefined);
  });
}

// ---------------------------------------------------------------------------------------------
// Reports whose query the builder did not write: shown as the export would write them.

export interface FlatTable {
  columns: string[];
  rows: Record<string, string | number | boolean | null>[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first list in a result (a connection's `nodes`), as the server's export finds it. */
function firstList(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) return null;
  if (Array.isArray(data.nodes)) return data.nodes;
  for (const [key, value] of Object.entries(data)) {
    if (key === '__typename') continue;
    const found = firstList(value);
    if (found) return found;
  }
  return null;
}

function flatten(value: unknown, prefix: string, into: Map<string, unknown[]>): void {
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, prefix, into);
    return;
  }
  if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) if (key !== '__typename') flatten(inner, prefix ? `${prefix}.${key}` : key, into);
    return;
  }
  into.set(prefix, [...(into.get(prefix) ?? []), value]);
}

/**
 * Rows of any query result: the first list in it, each item's leaves as dotted columns
 * (`school.name`), lists of values joined with "; " — the same table the export writes.
 */
export function flattenResult(data: unknown): FlatTable | null {
  const list = firstList(data);
  if (!list) return null;
  const columns: string[] = [];
  const rows = list.map((item) => {
    const cells = new Map<string, unknown[]>();
    flatten(item, isObject(item) ? '' : 'value', cells);
    const row: FlatTable['rows'][number] = {};
    for (const [column, values] of cells) {
      if (!columns.includes(column)) columns.push(column);
      const present = values.filter((v) => v !== null && v !== undefined);
      row[column] =
        present.length === 0 ? null : present.length === 1 && ['string', 'number', 'boolean'].includes(typeof present[0]) ? (present[0] as string | number | boolean) : present.map(String).join('; ');
    }
    return row;
  });
  return { columns, rows };
}
