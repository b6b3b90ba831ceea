// The Chart.js charts. Only the pieces used are registered, so esbuild drops the rest of
// Chart.js from dist/app.js.

import {
  BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement,
  PointElement, Tooltip,
} from 'chart.js';
import {signed} from './format.js';
import {cssVar, toneColour} from './palette.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement,
               PointElement, Tooltip);

/** Height of one bar row in the theme chart, px (fits a 12 px label with padding). */
const BAR_ROW_PX = 34;
/** Room for the value axis below the bars, px. */
const BAR_AXIS_PX = 36;

/**
 * Axis tick labels: up to two decimals, a true minus sign. Chart.js's default formatter builds an
 * Intl.NumberFormat, whose first use costs ~20 ms of the page's start.
 */
export function tickLabel(value) {
  if (typeof value !== 'number') return value;
  const s = String(Math.abs(Math.round(value * 100) / 100));
  return value < 0 && s !== '0' ? `\u2212${s}` : s;
}

export function baseOptions() {
  const fg = cssVar('--fg-muted') || '#555';
  const grid = cssVar('--grid') || 'rgba(0,0,0,0.1)';
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.color = fg;
  const ticks = () => ({color: fg, callback(value) {
    return this.type === 'category' ? this.getLabelForValue(value) : tickLabel(value);
  }});
  return {
    responsive: true,
    maintainAspectRatio: false,
    // Charts appear at once: nothing to wait for before reading them (and the start-time budget).
    animation: false,
    plugins: {tooltip: {enabled: true}},
    scales: {
      x: {grid: {color: grid}, ticks: ticks()},
      y: {grid: {color: grid}, ticks: ticks()},
    },
  };
}

/** Longest category label line, in characters, before it wraps (keeps bars wide on phones). */
const LABEL_LINE_CHARS = 18;

/** "Economy, business and finance" → ["Economy, business", "and finance"] (Chart.js draws arrays
 *  as lines). */
export function wrapLabel(label, width = LABEL_LINE_CHARS) {
  const lines = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 1 ? lines : label;
}

/** Alpha appended to a #rrggbb colour for whatever is not in focus (linked views). */
const FADED_ALPHA = '40';

function faded(colour) {
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour + FADED_ALPHA : colour;
}

// Options shared by the horizontal bar charts: one labelled row per bar, the value axis titled,
// and a stronger zero line when the scale diverges (tone from -1 to +1).
function horizontalBarOptions({valueLabel, min, max}) {
  const options = baseOptions();
  options.indexAxis = 'y';
  options.scales.y.grid.display = false;
  options.scales.y.ticks.autoSkip = false;  // every bar keeps its label
  options.scales.x.beginAtZero = true;
  if (min !== undefined) options.scales.x.min = min;
  if (max !== undefined) options.scales.x.max = max;
  if (min !== undefined && min < 0) {
    const fg = options.scales.x.ticks.color;
    options.scales.x.grid.color = (ctx) => (ctx.tick && ctx.tick.value === 0 ? fg : cssVar('--grid'));
  }
  options.scales.x.title = {display: true, text: valueLabel, color: options.scales.x.ticks.color};
  return options;
}

/**
 * Horizontal bars. `rows` = [{label, value, colour}]; `onSelect(index)` when a bar is clicked.
 * `min`/`max` fix the value axis (a diverging chart passes −1 and 1). Returns the Chart.
 */
export function barChart(canvas, rows, {onSelect, valueLabel = 'Score', min, max,
                                        format = String} = {}) {
  canvas.parentElement.style.height = `${Math.max(1, rows.length) * BAR_ROW_PX + BAR_AXIS_PX}px`;
  const options = horizontalBarOptions({valueLabel, min, max});
  options.plugins.tooltip.callbacks = {
    title: (items) => rows[items[0].dataIndex].label,
    label: (ctx) => `${valueLabel}: ${format(ctx.parsed.x)}`,
  };
  options.onClick = (event, elements, chart) => {
    const hit = chart.getElementsAtEventForMode(event, 'y', {intersect: false}, true)[0];
    if (hit && onSelect) onSelect(hit.index);
  };
  options.onHover = (event, elements, chart) => {
    chart.canvas.style.cursor = onSelect && elements.length ? 'pointer' : 'default';
  };
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => wrapLabel(r.label)),
      datasets: [{
        label: valueLabel,
        data: rows.map((r) => r.value),
        backgroundColor: rows.map((r) => r.colour),
        borderWidth: 0,
        barPercentage: 0.8,
      }],
    },
    options,
  });
  chart.$rows = rows;
  return chart;
}

/** Linked views: bars for which `inFocus(row)` is false fade; `inFocus` null shows all. */
export function setBarFocus(chart, inFocus) {
  if (!chart) return;
  chart.data.datasets[0].backgroundColor =
      chart.$rows.map((r) => (!inFocus || inFocus(r) ? r.colour : faded(r.colour)));
  chart.update('none');
}

/** Sentences beyond which the tone arc draws no points (the line alone; hover still shows one). */
const MAX_POINTS_DRAWN = 1000;

/** Point radius on the tone arc: small when there are many sentences, none past a thousand. */
function pointRadius(n) {
  return n > MAX_POINTS_DRAWN ? 0 : n > 200 ? 1.5 : 3;
}

/** Sentence tone line, y in [-1, 1]. `onSelect(sentenceIndex)` on click. Returns the Chart. */
export function toneArcChart(canvas, sentences, {onSelect} = {}) {
  const options = baseOptions();
  const fg = options.scales.x.ticks.color;
  options.scales.y.min = -1;
  options.scales.y.max = 1;
  options.scales.y.ticks.stepSize = 0.5;
  options.scales.y.title = {display: true, text: 'Tone', color: fg};
  options.scales.x.title = {display: true, text: 'Sentence', color: fg};
  options.scales.x.ticks.maxTicksLimit = 12;
  options.scales.x.grid.display = false;
  options.scales.y.grid.color = (ctx) => (ctx.tick && ctx.tick.value === 0 ? fg : cssVar('--grid'));
  options.interaction = {mode: 'index', intersect: false};
  options.plugins.tooltip.callbacks = {
    title: (items) => `Sentence ${items[0].dataIndex + 1}`,
    label: (ctx) => `Tone ${signed(ctx.parsed.y)}`,
  };
  options.onClick = (event, elements) => {
    if (elements.length && onSelect) onSelect(elements[0].index);
  };
  options.onHover = (event, elements, chart) => {
    chart.canvas.style.cursor = onSelect && elements.length ? 'pointer' : 'default';
  };
  const values = sentences.map((s) => s.compound);
  const many = values.length > MAX_POINTS_DRAWN;
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: sentences.map((s, i) => String(i + 1)),
      datasets: [{
        label: 'Sentence tone',
        data: values,
        borderColor: cssVar('--fg-muted') || '#555',
        borderWidth: many ? 1 : 1.5,
        pointBackgroundColor: many ? cssVar('--fg-muted') : values.map(toneColour),
        pointBorderColor: many ? cssVar('--fg-muted') : values.map(toneColour),
        pointRadius: pointRadius(sentences.length),
        pointHoverRadius: 6,
        // Curves cost time on thousands of points and add nothing there.
        tension: sentences.length > MAX_POINTS_DRAWN ? 0 : 0.2,
        normalized: true,
      }],
    },
    options,
  });
  chart.$values = values;
  return chart;
}

/** Linked views: sentences where `inFocus(index)` is true are drawn large, the rest faded. */
export function setArcFocus(chart, inFocus) {
  if (!chart) return;
  const ds = chart.data.datasets[0];
  const r = pointRadius(chart.$values.length);
  ds.pointBackgroundColor = chart.$values.map((v, i) =>
    (!inFocus || inFocus(i) ? toneColour(v) : faded(toneColour(v))));
  ds.pointBorderColor = ds.pointBackgroundColor;
  ds.pointRadius = chart.$values.map((v, i) => (inFocus && inFocus(i) ? r + 2 : r));
  chart.update('none');
}

/** The chart as a PNG data URL on the page's background colour (canvases are transparent). */
export function chartPng(chart) {
  const src = chart.canvas;
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height;
  const ctx = out.getContext('2d');
  ctx.fillStyle = cssVar('--bg-card') || '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(src, 0, 0);
  return out.toDataURL('image/png');
}

/**
 * Horizontal grouped bars on one shared axis: `labels` per row, `series` = [{label, values,
 * colour}]. Used to compare two articles.
 */
export function groupedBarChart(canvas, labels, series, {valueLabel, min, max, format = String} = {}) {
  canvas.parentElement.style.height =
      `${Math.max(1, labels.length) * (BAR_ROW_PX + 10 * (series.length - 1)) + BAR_AXIS_PX}px`;
  const options = horizontalBarOptions({valueLabel, min, max});
  options.plugins.tooltip.callbacks = {
    title: (items) => labels[items[0].dataIndex],
    label: (ctx) => `${ctx.dataset.label}: ${format(ctx.parsed.x)}`,
  };
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: labels.map((l) => wrapLabel(l)),
      datasets: series.map((s) => ({label: s.label, data: s.values, backgroundColor: s.colour,
                                    borderWidth: 0, barPercentage: 0.9, categoryPercentage: 0.8})),
    },
    options,
  });
}

/** Several tone arcs on one axis: x is the position in the article (0–100 %), y the tone. */
export function arcOverlayChart(canvas, series) {
  const options = baseOptions();
  const fg = options.scales.x.ticks.color;
  options.scales.x.type = 'linear';
  options.scales.x.min = 0;
  options.scales.x.max = 100;
  options.scales.x.title = {display: true, text: 'Position in the article (%)', color: fg};
  options.scales.y.min = -1;
  options.scales.y.max = 1;
  options.scales.y.ticks.stepSize = 0.5;
  options.scales.y.title = {display: true, text: 'Tone', color: fg};
  options.scales.y.grid.color = (ctx) => (ctx.tick && ctx.tick.value === 0 ? fg : cssVar('--grid'));
  options.interaction = {mode: 'nearest', intersect: false};
  options.plugins.tooltip.callbacks = {
    label: (ctx) => `${ctx.dataset.label}: sentence ${ctx.dataIndex + 1}, tone ${signed(ctx.parsed.y)}`,
  };
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: series.map((s, i) => ({
        label: s.label, data: s.points, borderColor: s.colour, backgroundColor: s.colour,
        borderWidth: 2, borderDash: i ? [6, 4] : [], pointRadius: 2, tension: 0.2,
      })),
    },
    options,
  });
}
