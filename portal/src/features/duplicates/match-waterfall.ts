import type { MatchField } from '@/gql/graphql';
import { CHART_COLORS, type ChartOption } from '@/components/echarts';

/**
 * The waterfall of a suggested pair's match weights (log2 odds of one pupil): the prior first, then
 * each compared field's weight as a floating bar up (evidence for one pupil) or down (for two), then
 * the total, the pair's score. Each bar spans `base … base + height` (height ≥ 0): the chart stacks
 * an invisible bar of `base` under a visible one of `height`, stacking across signs (the prior and
 * the running total are usually far below 0).
 */

/** One compared field as the API explains it. */
export interface WeightEntry {
  field: MatchField;
  level: string;
  weight: number;
}

export type BarKind = 'prior' | 'up' | 'down' | 'total';

export interface WaterfallBar {
  /** 'prior', the field, or 'total'. */
  key: 'prior' | 'total' | MatchField;
  kind: BarKind;
  /** Where the bar starts (its lower end). */
  base: number;
  /** How tall it is, never negative. */
  height: number;
  /** What it adds: the prior, the field's weight, or the total itself. */
  value: number;
}

/** Colours: the prior grey, evidence for one pupil green, against red, the total the brand blue. */
export const BAR_COLORS: Record<BarKind, string> = {
  prior: CHART_COLORS[4]!,
  up: CHART_COLORS[2]!,
  down: CHART_COLORS[3]!,
  total: CHART_COLORS[0]!,
};

/** The prior: what is left of the score once every field's weight is taken off. */
export function priorOf(score: number, explanation: readonly WeightEntry[]): number {
  return score - explanation.reduce((sum, entry) => sum + entry.weight, 0);
}

/** A bar from 0 to `value`, whichever side of 0 it is on. */
function fromZero(key: 'prior' | 'total', value: number): WaterfallBar {
  return { key, kind: key, base: Math.min(0, value), height: Math.abs(value), value };
}

/** The bars in order: prior, each field in the API's order, total. */
export function waterfallBars(score: number, explanation: readonly WeightEntry[]): WaterfallBar[] {
  const prior = priorOf(score, explanation);
  let running = prior;
  const steps = explanation.map((entry): WaterfallBar => {
    const from = running;
    running += entry.weight;
    return { key: entry.field, kind: entry.weight >= 0 ? 'up' : 'down', base: Math.min(from, running), height: Math.abs(entry.weight), value: entry.weight };
  });
  return [fromZero('prior', prior), ...steps, fromZero('total', score)];
}

export interface WaterfallLabels {
  /** The category under a bar: the field's name, or the prior's and the total's. */
  category: (key: WaterfallBar['key']) => string;
  /** A weight with its sign, e.g. "+18.6". */
  signed: (value: number) => string;
  /** The name of the value axis and of the visible series. */
  axis: string;
}

/** The ECharts option of the waterfall. */
export function waterfallOption(bars: readonly WaterfallBar[], labels: WaterfallLabels): ChartOption {
  const categories = bars.map((bar) => labels.category(bar.key));
  const texts = bars.map((bar) => labels.signed(bar.value));
  return {
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }).dataIndex;
        return `${categories[index] ?? ''}: ${texts[index] ?? ''}`;
      },
    },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true, fontSize: 11 } },
    // Room below the lowest bar and above the highest for their labels.
    yAxis: { type: 'value', name: labels.axis, nameTextStyle: { align: 'left' }, boundaryGap: ['12%', '12%'] },
    series: [
      {
        type: 'bar',
        name: 'base',
        stack: 'waterfall',
        stackStrategy: 'all',
        silent: true,
        itemStyle: { color: 'transparent', borderColor: 'transparent' },
        emphasis: { disabled: true },
        tooltip: { show: false },
        data: bars.map((bar) => bar.base),
      },
      {
        type: 'bar',
        name: labels.axis,
        stack: 'waterfall',
        stackStrategy: 'all',
        barMaxWidth: 28,
        data: bars.map((bar, index) => ({
          value: bar.height,
          itemStyle: { color: BAR_COLORS[bar.kind] },
          label: { show: true, position: bar.value < 0 ? 'bottom' : 'top', formatter: texts[index]!, fontSize: 11 },
        })),
      },
    ],
  };
}
