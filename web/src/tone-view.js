// The tone figure: a semicircular gauge from −1 to +1 with the neutral band of the core's label
// rule, the compound score and label in large type, the positive/neutral/negative word shares as one stacked bar,
// and GDELT-style tone. Built as SVG and text nodes; colours come from styles.css classes.

import {clear, el, svg} from './dom.js';
import {percent, signed} from './format.js';
import {neutralBand} from './palette.js';


// Gauge geometry in SVG user units.
const CX = 100;
const CY = 100;
const R = 80;

function point(value, radius = R) {
  const theta = Math.PI * (1 - (value + 1) / 2);  // −1 → left, +1 → right, over the top
  return [CX + radius * Math.cos(theta), CY - radius * Math.sin(theta)];
}

function arc(from, to, cls) {
  const [x0, y0] = point(from);
  const [x1, y1] = point(to);
  const d = `M ${x0.toFixed(2)} ${y0.toFixed(2)} A ${R} ${R} 0 0 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
  return svg('path', {d, class: `gauge-arc ${cls}`});
}

function gauge(compound, label) {
  const [low, high] = neutralBand();  // the core's rule from compound to label
  const v = Math.max(-1, Math.min(1, compound));
  const [nx, ny] = point(v, R - 14);
  return svg('svg', {viewBox: '0 0 200 112', class: 'gauge', role: 'img',
                     'aria-label': `Tone gauge: ${signed(compound)} on a scale from −1 to +1, ${label}`},
      arc(-1, low, 'neg'), arc(low, high, 'neu'), arc(high, 1, 'pos'),
      svg('line', {x1: CX, y1: CY, x2: nx.toFixed(2), y2: ny.toFixed(2), class: 'gauge-needle'}),
      svg('circle', {cx: CX, cy: CY, r: 5, class: 'gauge-hub'}),
      svg('text', {x: 14, y: 111, class: 'gauge-tick', text: '−1'}),
      svg('text', {x: 186, y: 111, class: 'gauge-tick', 'text-anchor': 'end', text: '+1'}));
}

function sharesBar(tone) {
  const parts = [['pos', tone.positive], ['neu', tone.neutral], ['neg', tone.negative]];
  let x = 0;
  return svg('svg', {viewBox: '0 0 200 10', preserveAspectRatio: 'none', class: 'shares-bar',
                     'aria-hidden': 'true'},
      parts.map(([cls, share]) => {
        const w = Math.max(0, share) * 200;
        const rect = svg('rect', {x: x.toFixed(2), y: 0, width: w.toFixed(2), height: 10, class: cls});
        x += w;
        return rect;
      }));
}

function figure(testid, value, text, cls) {
  return el('span', {class: cls, dataset: {testid, value: String(value)}, text});
}

/** Fills `container` (the <figure>) with the tone of `report`. */
export function renderTone(container, report) {
  const {tone} = report;
  const caption = container.querySelector('figcaption') || el('figcaption', {text: 'Tone'});
  clear(container).append(caption);
  container.append(
      gauge(tone.compound, tone.label),
      el('p', {class: `tone-main tone-${tone.label}`},
         figure('tone-compound', tone.compound, signed(tone.compound), 'tone-compound'), ' ',
         figure('tone-label', tone.label, tone.label, 'tone-label')),
      sharesBar(tone),
      el('dl', {class: 'tone-shares'},
         el('div', {class: 'pos'}, el('dt', {text: 'Positive'}),
            el('dd', {}, figure('tone-positive', tone.positive, percent(tone.positive)))),
         el('div', {class: 'neu'}, el('dt', {text: 'Neutral'}),
            el('dd', {}, figure('tone-neutral', tone.neutral, percent(tone.neutral)))),
         el('div', {class: 'neg'}, el('dt', {text: 'Negative'}),
            el('dd', {}, figure('tone-negative', tone.negative, percent(tone.negative)))),
         el('div', {class: 'gdelt'},
            el('dt', {title: '(positive − negative words) per 100 words, as GDELT computes it',
                      text: 'GDELT tone'}),
            el('dd', {}, figure('tone-gdelt', tone.gdelt_tone, signed(tone.gdelt_tone, 1))))));
}
