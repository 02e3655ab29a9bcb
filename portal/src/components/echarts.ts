/**
 * ECharts for the portal's charts, registered piece by piece: only bar and line charts with a grid,
 * tooltip, legend and the ARIA description are bundled (the full `echarts` package is several
 * times larger). Imported only by the lazily loaded dashboard and report pages.
 */
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption
>;

/** What a click on a bar or a point reports (the part of ECharts' event parameters we use). */
export interface ChartClick {
  componentType: string;
  seriesIndex?: number;
  dataIndex: number;
  name?: string;
}

/** The portal's palette: the brand blue first, then colours that stay apart for colour-blind readers. */
export const CHART_COLORS = ['#1f5fbf', '#e6a23c', '#67c23a', '#f56c6c', '#909399', '#7a5cc4', '#2ab0b8', '#d9822b', '#8c6d46', '#b5498b'];
