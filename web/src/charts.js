// The Chart.js charts. Only the pieces used are registered, so esbuild drops the rest of
// Chart.js from dist/app.js.

import {
  BarController, BarElement, BasicPlatform, CategoryScale, Chart, LinearScale, LineController,
  LineElement, PointElement, Tooltip,
} from 'chart.js';
import {signed} from './format.js';
import {cssVar, toneColour} from './palette.js';
import {SVG_NS, SvgContext, svgElement, svgPaint} from './svg-context.js';

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
/** Lines of a category label at most; a longer name ends in "…" (the tooltip has it whole). */
const LABEL_MAX_LINES = 2;
/** Height of one line of a category label, px (12 px type). */
const LABEL_LINE_PX = 15;

/** Height of a bar's row: room for its label's lines, so two labels never overlap. */
function rowHeight(labels) {
  const lines = labels.reduce((most, l) => Math.max(most, Array.isArray(l) ? l.length : 1), 1);
  return Math.max(BAR_ROW_PX, lines * LABEL_LINE_PX + 8);
}

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
  if (lines.length > LABEL_MAX_LINES) {
    lines.length = LABEL_MAX_LINES;
    lines[LABEL_MAX_LINES - 1] = `${lines[LABEL_MAX_LINES - 1].slice(0, width - 1)}…`;
  }
  return lines.length > 1 ? lines : lines[0] && lines[0].length > width ? `${lines[0].slice(0, width - 1)}…` : label;
}

/** Alpha appended to a #rrggbb colour for whatever is not in focus (linked views). */
const FADED_ALPHA = '40';

function faded(colour, alpha = FADED_ALPHA) {
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour + alpha : colour;
}

/** Side of a pattern tile, CSS px (drawn at 2x for sharp exports). */
const PATTERN_PX = 6;
const patternCache = new Map();
let patternTile = null;

/**
 * A bar's fill: the colour alone (`solid`), or the colour with stripes, dots or cross-hatching
 * drawn over it (theme-colours.js: two themes of one hue differ by pattern, not lightness alone).
 */
export function barFill(colour, pattern = 'solid') {
  if (!pattern || pattern === 'solid' || typeof document === 'undefined') return colour;
  const key = `${colour}/${pattern}`;
  if (patternCache.has(key)) return patternCache.get(key);
  const scale = 2;
  // One tile canvas for every pattern (createPattern copies its pixels): a canvas and its 2D
  // context are made once, not once per colour.
  if (!patternTile) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = PATTERN_PX * scale;
    patternTile = canvas.getContext('2d');
  }
  const ctx = patternTile;
  const tile = ctx.canvas;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, PATTERN_PX, PATTERN_PX);
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, PATTERN_PX, PATTERN_PX);
  ctx.strokeStyle = ctx.fillStyle = colour.length === 9 ? 'rgba(0, 0, 0, 0.18)' : 'rgba(0, 0, 0, 0.42)';
  ctx.lineWidth = 1.2;
  const line = (x0, y0, x1, y1) => {
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
  };
  const n = PATTERN_PX;
  if (pattern === 'stripes' || pattern === 'cross') {
    line(-1, n + 1, n + 1, -1);
    line(-1, 1, 1, -1);
    line(n - 1, n + 1, n + 1, n - 1);
  }
  if (pattern === 'cross') {
    line(-1, -1, n + 1, n + 1);
    line(n - 1, -1, n + 1, 1);
    line(-1, n - 1, 1, n + 1);
  }
  if (pattern === 'dots') {
    ctx.beginPath();
    ctx.arc(n / 2, n / 2, 1.3, 0, 2 * Math.PI);
    ctx.fill();
  }
  const fill = ctx.createPattern(tile, 'repeat');
  fill.setTransform(new DOMMatrix([1 / scale, 0, 0, 1 / scale, 0, 0]));
  fill.$colour = colour;  // what tests and the legend read
  patternCache.set(key, fill);
  return fill;
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
  const labels = rows.map((r) => wrapLabel(r.label));
  canvas.parentElement.style.height =
      `${Math.max(1, rows.length) * rowHeight(labels) + BAR_AXIS_PX}px`;
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
      labels,
      datasets: [{
        label: valueLabel,
        data: rows.map((r) => r.value),
        backgroundColor: rows.map((r) => barFill(r.colour, r.pattern)),
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
  chart.data.datasets[0].backgroundColor = chart.$rows.map((r) =>
    barFill(!inFocus || inFocus(r) ? r.colour : faded(r.colour), r.pattern));
  chart.update('none');
}

/** Past this many sentences the arc shows bins (consecutive sentences averaged), not sentences:
 *  a 390 px wide phone chart has ~300 px of plot, so more points than this overlap into a block. */
export const MAX_ARC_POINTS = 240;

/**
 * The arc's points: one per sentence, or — for long texts — one per bin of `size` consecutive
 * sentences with its mean, lowest and highest tone. [{first, last, value, min, max}] (0-based,
 * inclusive sentence indexes).
 */
export function arcPoints(sentences, maxPoints = MAX_ARC_POINTS) {
  const n = sentences.length;
  const size = n > maxPoints ? Math.ceil(n / maxPoints) : 1;
  const points = [];
  for (let first = 0; first < n; first += size) {
    const last = Math.min(n, first + size) - 1;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let lowest = first;
    for (let i = first; i <= last; i++) {
      const c = sentences[i][2];
      sum += c;
      if (c < min) {
        min = c;
        lowest = i;
      }
      if (c > max) max = c;
    }
    points.push({first, last, value: Math.round((sum / (last - first + 1)) * 1e4) / 1e4, min, max,
                 lowest});
  }
  return points;
}

/** Point radius on the tone arc: smaller as points get denser. */
function pointRadius(n) {
  return n > 120 ? 2 : 3.5;
}

/** "a long sentence ..." → lines of at most `width` characters, `maxLines` at most (tooltips). */
export function wrapText(text, width = 56, maxLines = 4) {
  const lines = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
      if (lines.length === maxLines) break;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (lines.length < maxLines && line) lines.push(line);
  else if (lines.length === maxLines) lines[maxLines - 1] = `${lines[maxLines - 1]} …`;
  return lines;
}

/**
 * The tone arc: each sentence's compound tone in reading order, as points joined by steps (a
 * sentence has one value; nothing lies between two sentences, so no curve). Long texts show bins
 * (arcPoints). The tooltip quotes the sentence and names the lexicon that scored it.
 * `sentenceText(i)` gives sentence i's text, `sentenceLexicon(i)` its lexicon;
 * `onSelect(sentenceIndex)` on click. Returns the Chart.
 */
export function toneArcChart(canvas, sentences,
                             {onSelect, sentenceText = () => '', sentenceLexicon = null} = {}) {
  const options = baseOptions();
  const fg = options.scales.x.ticks.color;
  const points = arcPoints(sentences);
  const binned = points.length < sentences.length;
  options.scales.y.min = -1;
  options.scales.y.max = 1;
  options.scales.y.ticks.stepSize = 0.5;
  options.scales.y.title = {display: true, text: binned ? 'Mean tone' : 'Tone', color: fg};
  options.scales.x.title = {display: true, color: fg, text: binned ?
    `Sentence (each point: ${points[0].last - points[0].first + 1} sentences averaged)` : 'Sentence'};
  options.scales.x.ticks.maxTicksLimit = 10;
  options.scales.x.ticks.maxRotation = 0;
  options.scales.x.grid.display = false;
  options.scales.y.grid.color = (ctx) => (ctx.tick && ctx.tick.value === 0 ? fg : cssVar('--grid'));
  options.interaction = {mode: 'nearest', axis: 'x', intersect: false};
  options.plugins.tooltip.callbacks = {
    title: (items) => {
      const p = points[items[0].dataIndex];
      const lexicon = sentenceLexicon ? ` · ${sentenceLexicon(p.first)} lexicon` : '';
      return p.first === p.last ? `Sentence ${p.first + 1} · tone ${signed(p.value)}${lexicon}` :
        `Sentences ${p.first + 1}–${p.last + 1} · mean tone ${signed(p.value)} ` +
        `(${signed(p.min)} to ${signed(p.max)})`;
    },
    label: (ctx) => {
      const p = points[ctx.dataIndex];
      const quote = wrapText(`“${sentenceText(p.first === p.last ? p.first : p.lowest)}”`);
      return p.first === p.last ? quote : ['Most negative of them:', ...quote];
    },
  };
  options.plugins.tooltip.displayColors = false;
  options.onClick = (event, elements) => {
    if (elements.length && onSelect) {
      const p = points[elements[0].index];
      onSelect(p.first === p.last ? p.first : p.lowest);
    }
  };
  options.onHover = (event, elements, chart) => {
    chart.canvas.style.cursor = onSelect && elements.length ? 'pointer' : 'default';
  };
  const values = points.map((p) => p.value);
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map((p) => String(p.first + 1)),
      datasets: [{
        label: binned ? 'Mean sentence tone' : 'Sentence tone',
        data: values,
        borderColor: faded(cssVar('--fg-muted') || '#4f5661', '66'),
        borderWidth: 1,
        stepped: 'middle',
        tension: 0,
        pointBackgroundColor: values.map(toneColour),
        pointBorderColor: values.map(toneColour),
        pointRadius: pointRadius(points.length),
        pointHoverRadius: 6,
        normalized: true,
      }],
    },
    options,
  });
  chart.$values = values;
  chart.$points = points;
  return chart;
}

/** Linked views: points whose sentences `inFocus(index)` holds are drawn large, the rest faded. */
export function setArcFocus(chart, inFocus) {
  if (!chart) return;
  const ds = chart.data.datasets[0];
  const r = pointRadius(chart.$values.length);
  const hit = (p) => {
    for (let i = p.first; i <= p.last; i++) if (inFocus(i)) return true;
    return false;
  };
  const on = chart.$points.map((p) => !inFocus || hit(p));
  ds.pointBackgroundColor = chart.$values.map((v, i) => (on[i] ? toneColour(v) : faded(toneColour(v))));
  ds.pointBorderColor = ds.pointBackgroundColor;
  ds.pointRadius = chart.$values.map((v, i) => (inFocus && on[i] ? r + 2 : r));
  chart.update('none');
}

/** Layout of an exported chart's frame, CSS px: margin, title, subtitle, source line. */
const FRAME = {pad: 16, title: 26, subtitle: 22, gap: 8, footLine: 17};
const EXPORT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Export scale: 2x, sharp on high-density screens and in print at the chart's size. */
export const EXPORT_SCALE = 2;

/**
 * The chart drawn again by Chart.js at EXPORT_SCALE on a canvas of its own (the same data and
 * options, nothing interactive), so an export is sharp whatever the screen's pixel ratio.
 */
function redrawAt(chart, scale) {
  const width = Math.round(chart.width);
  const height = Math.round(chart.height);
  const canvas = document.createElement('canvas');
  const box = document.createElement('div');
  // Laid out off screen at the chart's CSS size: Chart.js measures its canvas's container.
  box.className = 'export-stage';
  box.style.width = `${width}px`;
  box.style.height = `${height}px`;
  box.append(canvas);
  document.body.append(box);
  const options = {...chart.config.options, responsive: false, animation: false,
                   devicePixelRatio: scale, onHover: undefined, onClick: undefined};
  canvas.width = width;
  canvas.height = height;
  const copy = new Chart(canvas, {type: chart.config.type, data: chart.config.data, options});
  return {canvas, done: () => {
    copy.destroy();
    box.remove();
  }};
}

/**
 * A chart fit to publish, as a PNG data URL: at 2x, on the page's card colour, with a title, a
 * subtitle (what was analysed), and a source and credit line under it — what a newsroom's
 * graphics desk needs before a chart goes out (Datawrapper's habit).
 * `text`: {title, subtitle, source, credit}.
 */
export function chartPng(chart, text = {}) {
  const scale = EXPORT_SCALE;
  const {canvas: src, done} = redrawAt(chart, scale);
  const chartW = Math.round(chart.width);
  const chartH = Math.round(chart.height);
  try {
    const fg = cssVar('--fg') || '#1b1e23';
    const muted = cssVar('--fg-muted') || '#4f5661';
    const {pad} = FRAME;
    const font = EXPORT_FONT;
    const lines = [
      text.title ? {text: text.title, font: `600 18px ${font}`, colour: fg, height: 26} : null,
      text.subtitle ? {text: text.subtitle, font: `14px ${font}`, colour: muted, height: 22} : null,
    ].filter(Boolean);
    const foot = [text.source, text.credit].filter(Boolean);  // a line each: charts are narrow
    const width = chartW + 2 * pad;
    const headH = lines.reduce((h, l) => h + l.height, 0) + (lines.length ? FRAME.gap : 0);
    const footH = foot.length ? FRAME.gap + foot.length * FRAME.footLine : 0;
    const height = pad + headH + chartH + footH + pad;
    const out = document.createElement('canvas');
    out.width = width * scale;
    out.height = height * scale;
    const ctx = out.getContext('2d');
    ctx.scale(scale, scale);
    ctx.fillStyle = cssVar('--bg-card') || '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.textBaseline = 'top';
    let y = pad;
    const fitText = (t, max) => {
      if (ctx.measureText(t).width <= max) return t;
      let cut = t;
      while (cut.length > 1 && ctx.measureText(`${cut}…`).width > max) cut = cut.slice(0, -1);
      return `${cut.trimEnd()}…`;
    };
    for (const l of lines) {
      ctx.font = l.font;
      ctx.fillStyle = l.colour;
      ctx.fillText(fitText(l.text, width - 2 * pad), pad, y);
      y += l.height;
    }
    y += lines.length ? FRAME.gap : 0;
    ctx.drawImage(src, pad, y, chartW, chartH);
    y += chartH;
    ctx.font = `12px ${font}`;
    ctx.fillStyle = muted;
    y += FRAME.gap;
    for (const line of foot) {
      ctx.fillText(fitText(line, width - 2 * pad), pad, y + 2);
      y += FRAME.footLine;
    }
    return out.toDataURL('image/png');
  } finally {
    done();
  }
}

/**
 * The chart as an SVG document (text): Chart.js draws it once more onto a recording context
 * (svg-context.js), inside the same frame as the PNG — title, subtitle, source and credit as
 * SVG text — so a graphics desk can restyle it in a vector editor.
 */
export function chartSvg(chart, text = {}) {
  const width = Math.round(chart.width);
  const height = Math.round(chart.height);
  const ctx = new SvgContext(width, height, document.createElement('canvas').getContext('2d'));
  const options = {...chart.config.options, responsive: false, animation: false,
                   devicePixelRatio: 1, events: [], onHover: undefined, onClick: undefined};
  // A line's path is drawn through a cached Path2D, which a recorder cannot read; a `segment`
  // option makes Chart.js draw it with moveTo/lineTo on the context instead.
  const data = {...chart.config.data, datasets: chart.config.data.datasets.map((d) =>
    ({...d, segment: d.segment || {}}))};
  const copy = new Chart(ctx, {type: chart.config.type, data, options, platform: BasicPlatform});
  copy.draw();
  const drawing = ctx.root;
  ctx.root = document.createElementNS(SVG_NS, 'g');  // destroy() clears the canvas: not this one
  const {pad} = FRAME;
  const node = (tag, attrs, content) => {
    const n = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
    if (content !== undefined) n.textContent = content;
    return n;
  };
  const fg = svgPaint(cssVar('--fg') || '#1b1e23')[0];
  const muted = svgPaint(cssVar('--fg-muted') || '#4f5661')[0];
  const measure = document.createElement('canvas').getContext('2d');
  const fit = (t, font) => {
    measure.font = font;
    const max = width;
    if (measure.measureText(t).width <= max) return t;
    let cut = t;
    while (cut.length > 1 && measure.measureText(`${cut}…`).width > max) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  };
  const parts = [];
  let y = pad;
  if (text.title) {
    parts.push(node('text', {x: pad, y: y + 18, fill: fg, 'font-family': EXPORT_FONT,
                             'font-size': 18, 'font-weight': 600},
                    fit(text.title, `600 18px ${EXPORT_FONT}`)));
    y += FRAME.title;
  }
  if (text.subtitle) {
    parts.push(node('text', {x: pad, y: y + 14, fill: muted, 'font-family': EXPORT_FONT,
                             'font-size': 14}, fit(text.subtitle, `14px ${EXPORT_FONT}`)));
    y += FRAME.subtitle;
  }
  if (text.title || text.subtitle) y += FRAME.gap;
  drawing.setAttribute('transform', `translate(${pad} ${y})`);
  parts.push(drawing);
  y += height;
  const foot = [text.source, text.credit].filter(Boolean);
  y += foot.length ? FRAME.gap : 0;
  for (const line of foot) {
    parts.push(node('text', {x: pad, y: y + 14, fill: muted, 'font-family': EXPORT_FONT,
                             'font-size': 12}, fit(line, `12px ${EXPORT_FONT}`)));
    y += FRAME.footLine;
  }
  const total = {w: width + 2 * pad, h: y + pad};
  const bg = node('rect', {x: 0, y: 0, width: total.w, height: total.h,
                           fill: svgPaint(cssVar('--bg-card') || '#ffffff')[0]});
  const svg = svgElement(total.w, total.h, [bg, ...parts]);
  if (text.alt) svg.prepend(node('title', {}, text.alt));
  copy.destroy();
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg) + '\n';
}

/**
 * Horizontal grouped bars on one shared axis: `labels` per row, `series` = [{label, values,
 * colour}]. Used to compare two articles.
 */
export function groupedBarChart(canvas, labels, series, {valueLabel, min, max, format = String} = {}) {
  const wrapped = labels.map((l) => wrapLabel(l));
  canvas.parentElement.style.height =
      `${Math.max(1, labels.length) * (rowHeight(wrapped) + 10 * (series.length - 1)) + BAR_AXIS_PX}px`;
  const options = horizontalBarOptions({valueLabel, min, max});
  options.plugins.tooltip.callbacks = {
    title: (items) => labels[items[0].dataIndex],
    label: (ctx) => `${ctx.dataset.label}: ${format(ctx.parsed.x)}`,
  };
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: wrapped,
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
        borderWidth: 2, borderDash: i ? [6, 4] : [], pointRadius: 2, tension: 0, stepped: 'middle',
      })),
    },
    options,
  });
}
