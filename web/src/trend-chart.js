// Line charts over time (corpus trends): Chart.js's time axis with the page's own UTC adapter.

import {Chart, TimeScale} from 'chart.js';
import {baseOptions} from './charts.js';
import {cssVar} from './palette.js';
import './time-adapter.js';

Chart.register(TimeScale);

/** Dash patterns by series, so lines differ by more than colour (colour-blind readers, print). */
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 2]];

/**
 * series: [{label, colour, points: [{x: ms at UTC midnight, y}]}]; unit: 'day' | 'week'.
 * y axis: [min, max] with `yLabel`, values shown with `format`. Returns the Chart.
 */
export function trendChart(canvas, series, {unit, min, max, yLabel, format = String}) {
  const options = baseOptions();
  const fg = options.scales.x.ticks.color;
  options.scales.x = {
    type: 'time',
    time: {unit, isoWeekday: true, tooltipFormat: 'datetime'},
    grid: {display: false},
    ticks: {color: fg, maxTicksLimit: 10, autoSkip: true, source: 'auto'},
    title: {display: true, text: unit === 'week' ? 'Week (starting Monday)' : 'Day', color: fg},
  };
  if (min !== undefined) options.scales.y.min = min;
  if (max !== undefined) options.scales.y.max = max;
  options.scales.y.title = {display: true, text: yLabel, color: fg};
  if (min !== undefined && min < 0) {
    options.scales.y.grid.color = (ctx) => (ctx.tick && ctx.tick.value === 0 ? fg : cssVar('--grid'));
  }
  options.interaction = {mode: 'nearest', axis: 'x', intersect: false};
  options.plugins.tooltip.callbacks = {
    label: (ctx) => `${ctx.dataset.label}: ${format(ctx.parsed.y)}`,
  };
  const one = series.every((s) => s.points.length <= 1);
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: series.map((s, i) => ({
        label: s.label, data: s.points, borderColor: s.colour, backgroundColor: s.colour,
        borderWidth: 2, borderDash: DASHES[i % DASHES.length], pointRadius: one ? 4 : 2.5,
        tension: 0, spanGaps: false,
      })),
    },
    options,
  });
}
