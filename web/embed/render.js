// Builds the card from a report. Every piece of text — theme labels, actor names, excerpts of the
// article — goes in through textContent or setAttribute, never as HTML; the SVG is built node by
// node with numbers only.

import {themeColour} from '../src/theme-colours.js';
import {fill} from './strings.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Excerpts in the details are cut to this many characters (about two lines of the card). */
export const EXCERPT_CHARS = 120;

/**
 * An element with classes `names` (the first is also its `part` name, the styling hook for the
 * page), attributes and children (strings become text nodes).
 */
function el(doc, tag, names, children = [], attrs = {}) {
  const node = doc.createElement(tag);
  if (names) {
    node.className = names;
    node.setAttribute('part', names.split(' ')[0]);
  }
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) {
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

/** Text for screen readers only. */
function sr(doc, text) {
  const node = doc.createElement('span');
  node.className = 'sr';
  node.textContent = text;
  return node;
}

function svg(doc, tag, attrs = {}) {
  const node = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function round(x) {
  return Math.round(x * 100) / 100;
}

/** A point on the gauge's half circle (centre 50,50, radius r) for a tone in [-1, 1]. */
function gaugePoint(value, r) {
  const angle = Math.PI * (1 - value) / 2;  // -1 → left (π), 0 → top (π/2), +1 → right (0)
  return [round(50 + r * Math.cos(angle)), round(50 - r * Math.sin(angle))];
}

/** The tone gauge: a half circle from −1 to +1, the arc from 0 to the tone, and a needle. */
function gauge(doc, tone, label, name) {
  const v = Math.max(-1, Math.min(1, tone));
  const root = svg(doc, 'svg', {viewBox: '0 0 100 56', role: 'img', 'aria-label': name,
                                part: 'gauge', class: `gauge ${label}`});
  root.append(svg(doc, 'path', {class: 'track', d: 'M 10 50 A 40 40 0 0 1 90 50'}));
  const [x, y] = gaugePoint(v, 40);
  if (Math.abs(v) >= 0.005) {
    root.append(svg(doc, 'path', {class: 'value', d: `M 50 10 A 40 40 0 0 ${v > 0 ? 1 : 0} ${x} ${y}`}));
  }
  const [nx, ny] = gaugePoint(v, 30);
  root.append(svg(doc, 'line', {class: 'needle', x1: 50, y1: 50, x2: nx, y2: ny}));
  root.append(svg(doc, 'circle', {class: 'hub', cx: 50, cy: 50, r: 4}));
  return root;
}

/** A bar for a share in [0, 1], in the theme's own colour (the page's too). Decorative: the
 *  share is written beside it. */
function bar(doc, share, themeId) {
  const root = svg(doc, 'svg', {viewBox: '0 0 100 6', preserveAspectRatio: 'none',
                                'aria-hidden': 'true', focusable: 'false', part: 'theme-bar',
                                class: 'theme-bar'});
  root.append(svg(doc, 'rect', {class: 'track', x: 0, y: 0, width: 100, height: 6}));
  root.append(svg(doc, 'rect', {class: 'fill', x: 0, y: 0, height: 6, fill: themeColour(themeId),
                                width: round(Math.max(0, Math.min(1, share)) * 100)}));
  return root;
}

/** The tone arc: one point per sentence, first to last, with the zero line. */
function arc(doc, compounds, name) {
  const W = 240;
  const H = 48;
  const mid = H / 2;
  const amp = H / 2 - 3;
  const root = svg(doc, 'svg', {viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img',
                                'aria-label': name, part: 'arc', class: 'arc'});
  root.append(svg(doc, 'line', {class: 'zero', x1: 0, y1: mid, x2: W, y2: mid,
                                'vector-effect': 'non-scaling-stroke'}));
  const n = compounds.length;
  const points = compounds.map((c, i) => {
    const x = n === 1 ? W / 2 : (i / (n - 1)) * W;
    return `${round(x)},${round(mid - Math.max(-1, Math.min(1, c)) * amp)}`;
  });
  if (n === 1) points.unshift(`0,${points[0].split(',')[1]}`);
  root.append(svg(doc, 'polyline', {class: 'line', points: points.join(' '),
                                    'vector-effect': 'non-scaling-stroke'}));
  return root;
}

function excerpt(text, start, end) {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (s.length <= EXCERPT_CHARS) return s;
  const cut = s.slice(0, EXCERPT_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return (space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '') + '…';
}

/** The label shown for a theme: the page's override (`theme.<id>`) or the report's. */
function themeLabel(strings, theme) {
  return strings[`theme.${theme.id}`] || theme.label;
}

/**
 * The card for `report`, analysed from `text`, built at once.
 * @param {Document} doc
 * @param {object} report  newslens/report@2
 * @param {string} text    the analysed text (for the excerpts; offsets are UTF-16)
 * @param {{themes: number, actors: number, strings: object, formats: object}} options
 *   formats: {signed, percent, integer, decimal}, each x => string (web/embed/numbers.js)
 */
export function renderCard(doc, report, text, options) {
  const {card, steps} = cardInSteps(doc, report, text, options);
  for (const step of steps) step();
  return card;
}

/**
 * The same card in steps, so that the element can give the page its main thread back between
 * them (web/embed/schedule.js): `card` is the frame (its title), and each of `steps` adds the next
 * section to it, top to bottom — tone, themes, actors, then the details and the footer.
 */
const finite = (x) => typeof x === 'number' && Number.isFinite(x);
const nonEmpty = (x) => typeof x === 'string' && x !== '';
const TONE_LABELS = ['positive', 'neutral', 'negative'];

/**
 * What is wrong with `report` for the card, in a few words, or null when the card can draw it:
 * every field the card reads, with its type. The module makes such reports; a report that fails
 * this comes from a page that replaced a built-in the module relies on (JSON.parse, TextDecoder)
 * or from a broken analyzer, and drawing it would show "undefined" or NaN as figures.
 */
export function unreadable(report) {
  if (!report || typeof report !== 'object' || Array.isArray(report)) return 'not an object';
  const {stats, tone} = report;
  if (!stats || !finite(stats.words) || !finite(stats.sentences)) return 'no word and sentence counts';
  if (!tone || !TONE_LABELS.includes(tone.label)) return 'no tone label';
  for (const k of ['compound', 'positive', 'neutral', 'negative', 'gdelt_tone']) {
    if (!finite(tone[k])) return `no tone.${k}`;
  }
  for (const k of ['top_level', 'themes', 'entities']) {
    if (!Array.isArray(report[k])) return `no ${k} list`;
  }
  for (const t of [...report.top_level, ...report.themes]) {
    if (!t || !nonEmpty(t.id) || !nonEmpty(t.label) || !finite(t.share) ||
        (t.parent !== undefined && typeof t.parent !== 'string')) return 'a theme without its id, label or share';
  }
  for (const e of report.entities) {
    if (!e || !nonEmpty(e.name) || !finite(e.count)) return 'an actor without its name or count';
  }
  const sentences = report.sentences === undefined ? [] : report.sentences;
  if (!Array.isArray(sentences)) return 'no sentence list';
  for (const s of sentences) {
    if (!Array.isArray(s) || !finite(s[0]) || !finite(s[1]) || !finite(s[2])) return 'a sentence without its offsets and tone';
  }
  return null;
}

export function cardInSteps(doc, report, text, {themes, actors, strings, formats, edition}) {
  const card = el(doc, 'div', 'card', [el(doc, 'p', 'title', [strings.title], {id: 'title'})],
                  {role: 'group', 'aria-labelledby': 'title'});
  const steps = [
    () => card.append(toneSection(doc, report, strings, formats)),
    () => themesSection(doc, report, themes, strings, formats).forEach((node) => card.append(node)),
    () => card.append(actorsSection(doc, report, actors, strings, formats)),
    () => card.append(detailsSection(doc, report, text, strings, formats, edition),
                      el(doc, 'p', 'footer', [strings.footer])),
  ];
  return {card, steps};
}

function toneSection(doc, report, strings, formats) {
  const tone = report.tone;
  const labelText = strings[tone.label] || tone.label;
  const value = formats.signed(tone.compound);
  return el(doc, 'div', 'tone', [
    gauge(doc, tone.compound, tone.label, fill(strings.toneGauge, {label: labelText, value})),
    el(doc, 'p', 'tone-text', [
      sr(doc, strings.tone + ': '),
      el(doc, 'span', `tone-label ${tone.label}`, [labelText]),
      el(doc, 'span', 'tone-value', [value]),
    ]),
  ]);
}

/** The top-level themes by score, each with its strongest sub-themes named under it. */
function themesSection(doc, report, themes, strings, formats) {
  const top = report.top_level.slice(0, themes);
  const themeItems = top.map((t) => {
    const subs = report.themes.filter((s) => s.parent === t.id).slice(0, 2);
    const children = [
      el(doc, 'span', 'theme-label', [themeLabel(strings, t)]),
      el(doc, 'span', 'theme-share', [formats.percent(t.share),
                                      sr(doc, ' ' + strings.themeShare)]),
      bar(doc, t.share, t.id),
    ];
    if (subs.length) {
      children.push(el(doc, 'span', 'theme-sub', [subs.map((s) => themeLabel(strings, s)).join(', ')]));
    }
    return el(doc, 'li', 'theme', children, {'data-id': t.id});
  });
  const themesTitle = el(doc, 'p', 'section-title themes-title', [strings.themes], {id: 'themes-title'});
  const themesBox = themeItems.length ?
      el(doc, 'ul', 'themes', themeItems, {'aria-labelledby': 'themes-title'}) :
      el(doc, 'p', 'themes empty', [strings.noThemes]);
  return [themesTitle, themesBox];
}

/**
 * The actors the article is most about (report@2 `salience`: headline, lead, mentions, the
 * subject of its sentences; docs/report.md), then the most named.
 */
function actorsSection(doc, report, actors, strings, formats) {
  const named = report.entities.slice()
      .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0) || b.count - a.count).slice(0, actors);
  return el(doc, 'div', 'actors-section', named.length ? [
    el(doc, 'p', 'section-title', [strings.actors], {id: 'actors-title'}),
    el(doc, 'ul', 'actors', named.map((a) => el(doc, 'li', 'actor', [
      el(doc, 'span', 'actor-name', [a.name]),
      el(doc, 'span', 'actor-count', [sr(doc, ', '), formats.integer(a.count),
                                      sr(doc, ' ' + strings.mentions)]),
    ], {'data-type': a.type})), {'aria-labelledby': 'actors-title'}),
  ] : []);
}

/** The tone arc, the most positive and negative sentences, the numbers behind the gauge. */
function detailsSection(doc, report, text, strings, formats, edition) {
  const tone = report.tone;
  const sentences = report.sentences || [];
  const body = [];
  if (sentences.length) {
    const compounds = sentences.map((s) => s[2]);  // report@2: [start, end, compound]
    let hi = 0;
    let lo = 0;
    compounds.forEach((c, i) => {
      if (c > compounds[hi]) hi = i;
      if (c < compounds[lo]) lo = i;
    });
    body.push(el(doc, 'p', 'section-title', [strings.toneArc]));
    body.push(arc(doc, compounds, fill(strings.toneArcLabel, {
      count: formats.integer(sentences.length), min: formats.signed(compounds[lo]),
      max: formats.signed(compounds[hi])})));
    const quote = (label, i, part) => el(doc, 'p', 'excerpt', [
      el(doc, 'span', 'excerpt-label', [`${label} (${formats.signed(compounds[i])})`]),
      el(doc, 'q', `excerpt-text ${part}`, [excerpt(text, sentences[i][0], sentences[i][1])]),
    ]);
    if (compounds[hi] > 0) body.push(quote(strings.mostPositive, hi, 'most-positive'));
    if (compounds[lo] < 0) body.push(quote(strings.mostNegative, lo, 'most-negative'));
  }
  const stat = (term, val, part) => [el(doc, 'dt', null, [term]), el(doc, 'dd', part, [val])];
  body.push(el(doc, 'dl', 'stats', [
    ...stat(strings.words, formats.integer(report.stats.words), 'stat-words'),
    ...stat(strings.sentences, formats.integer(report.stats.sentences), 'stat-sentences'),
    ...stat(strings.toneMix, [tone.positive, tone.neutral, tone.negative].map(formats.percent)
        .join(' / '), 'stat-mix'),
    ...stat(strings.gdeltTone, formats.decimal(tone.gdelt_tone), 'stat-gdelt'),
    // Which analyzer made the report (NewsLens.edition; docs/size.md, "The widget edition").
    ...(edition ? stat(strings.analyzer, edition === 'widget' ? strings.editionWidget : strings.editionFull,
                       'stat-edition') : []),
  ]));
  return el(doc, 'details', 'details', [
    el(doc, 'summary', 'summary', [strings.details]),
    el(doc, 'div', 'details-body', body),
  ]);
}
