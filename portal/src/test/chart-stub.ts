import { defineComponent, h, type PropType } from 'vue';
import type { ChartOption } from '@/components/echarts';

/**
 * Stands in for vue-echarts in component tests: happy-dom has no canvas to draw on, and the
 * tests are about what is charted and where a click leads, not the pixels. It shows the series
 * names and data as text, and a test clicks a bar by emitting ECharts' click event.
 */
export const VChartStub = defineComponent({
  name: 'VChart',
  props: { option: { type: Object as PropType<ChartOption>, required: true }, loading: Boolean, autoresize: Boolean },
  emits: ['click'],
  setup(props) {
    return () => {
      const series = (props.option.series ?? []) as { name?: string; data?: unknown[] }[];
      return h(
        'div',
        { 'data-testid': 'chart-stub' },
        series.map((s) => h('p', `${s.name ?? ''}: ${JSON.stringify(s.data)}`)),
      );
    };
  },
});
