// Colours. Okabe & Ito (2008), "Color Universal Design": colours that stay distinct for the
// common forms of colour blindness. Each colour means one thing on the page:
//   - themes: one colour (and fill pattern) per top-level theme, the same in every article, view
//     and the widget (theme-colours.js);
//   - tone: blue for positive, vermillion for negative, grey for neutral (no theme uses them);
//   - actor types: neutral inks of three lightnesses (no hue at all, so never a theme or a tone).

import {themeClass, themeStyle} from './theme-colours.js';

export const OKABE_ITO = {
  black: '#000000', orange: '#E69F00', skyBlue: '#56B4E9', bluishGreen: '#009E73',
  yellow: '#F0E442', blue: '#0072B2', vermillion: '#D55E00', reddishPurple: '#CC79A7',
};
export const OTHER_COLOUR = '#999999';

/** Positive / negative tone (a blue-orange diverging pair, safe for deuteranopia and protanopia). */
export const POSITIVE = OKABE_ITO.blue;
export const NEGATIVE = OKABE_ITO.vermillion;
export const NEUTRAL = '#999999';

/**
 * Maps each top-level theme id of `report` to {colour, pattern, className}: the theme's own
 * colour (theme-colours.js), the same whatever its rank in this report.
 */
export function themeColours(report) {
  const map = new Map();
  for (const t of report.top_level || []) {
    const style = themeStyle(t.id);
    map.set(t.id, {colour: style.colour, pattern: style.pattern, className: themeClass(t.id)});
  }
  return map;
}

/** The report@1 rule, used until the module exports the core's own (NewsLens.toneLabel). */
const LEGACY_NEUTRAL_BAND = 0.05;

/**
 * Label of a compound score ('positive' | 'neutral' | 'negative') by the core's one rule from
 * compound to label, as the module exports it (NewsLens.toneLabel(compound), or its band as
 * NewsLens.toneNeutralBand); the report's own `tone.label` is used wherever there is one (a
 * sentence has only its compound).
 */
export function toneLabelOf(x) {
  // Before newslens.js has run (the page draws the sample first: web/src/module-script.js), the
  // band web/build.mjs read from the same module and wrote into sample.js.
  /* eslint-disable no-undef */
  const api = typeof NewsLens !== 'undefined' ? NewsLens :
    typeof NewsLensSample !== 'undefined' ? NewsLensSample : null;
  /* eslint-enable no-undef */
  if (api && typeof api.toneLabel === 'function') return api.toneLabel(x);
  const band = api && typeof api.toneNeutralBand === 'number' ? api.toneNeutralBand : LEGACY_NEUTRAL_BAND;
  return x >= band ? 'positive' : x <= -band ? 'negative' : 'neutral';
}

/**
 * The neutral band [low, high] of that rule, found by bisection (to 1e-4), for drawing it on the
 * gauge: wherever the rule puts its thresholds, the gauge shows them.
 */
export function neutralBand() {
  const edge = (sign) => {
    let inside = 0;
    let outside = sign;
    if (toneLabelOf(outside) === 'neutral') return outside;
    for (let i = 0; i < 14; i++) {
      const mid = (inside + outside) / 2;
      if (toneLabelOf(mid) === 'neutral') inside = mid;
      else outside = mid;
    }
    return Math.round(outside * 1e4) / 1e4;
  };
  return [edge(-1), edge(1)];
}

/**
 * Colour for a tone value in [-1, 1], by its label: the page's --pos, --neg and --neu (lighter in
 * dark mode), falling back to the constants above.
 */
export function toneColour(x) {
  const label = toneLabelOf(x);
  if (label === 'positive') return cssVar('--pos') || POSITIVE;
  if (label === 'negative') return cssVar('--neg') || NEGATIVE;
  return cssVar('--neu') || NEUTRAL;
}

/**
 * The page's chart colours as web/styles.css defines them, by colour scheme (:root, and
 * :root[data-scheme="dark"]). The first charts take them from here: reading a CSS variable
 * (getComputedStyle) in the middle of drawing forces a style recalculation of the whole page, the
 * first one before the first paint (bench/page-start.mjs). styles.css stays the authority: once
 * the page has painted, readCssColours() reads the variables once and, when a stylesheet says
 * otherwise, the charts are drawn again in its colours. tests/web/start.test.mjs checks that this
 * table and styles.css agree.
 */
export const SCHEME_COLOURS = Object.freeze({
  light: Object.freeze({'--bg-card': '#f6f7f9', '--fg': '#1b1e23', '--fg-muted': '#4f5661',
                        '--grid': 'rgba(0, 0, 0, 0.1)', '--pos': '#0072b2', '--neg': '#d55e00',
                        '--neu': '#999999'}),
  dark: Object.freeze({'--bg-card': '#1f2228', '--fg': '#e8eaed', '--fg-muted': '#aab1bc',
                       '--grid': 'rgba(255, 255, 255, 0.12)', '--pos': '#7aa7ff', '--neg': '#ff8c5a',
                       '--neu': '#999999'}),
});

/** The colours in use: the scheme's table above, replaced by what the CSS says once read. */
let colours = null;

function schemeOf(doc) {
  return doc.documentElement.dataset.scheme === 'dark' ? 'dark' : 'light';
}

/**
 * A chart colour of the page (one of SCHEME_COLOURS' names), in the colour scheme in use. Until
 * readCssColours() has run, the table's value (no style is read); a name the table lacks is read
 * from the CSS, once.
 */
export function cssVar(name) {
  if (!colours) colours = {...SCHEME_COLOURS[schemeOf(document)]};
  if (!Object.prototype.hasOwnProperty.call(colours, name)) {
    colours[name] = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }
  return colours[name];
}

/**
 * Reads the chart colours from the page's CSS, all in one style read (call it after the first
 * paint). Returns true when the CSS differs from what the charts were drawn with (the charts
 * must be drawn again), false when they agree.
 */
export function readCssColours(doc = document) {
  const table = SCHEME_COLOURS[schemeOf(doc)];
  const style = getComputedStyle(doc.documentElement);
  const read = {};
  for (const name of Object.keys(table)) read[name] = style.getPropertyValue(name).trim() || table[name];
  const before = colours || table;
  colours = read;
  return Object.keys(read).some((name) => !sameColour(read[name], before[name]));
}

let colourCanvas = null;

/** "#0072B2" and "#0072b2", "rgba(0,0,0,.1)" and "rgba(0, 0, 0, 0.1)" (the CSS minifier's form):
 *  the same colour, as a canvas reads them. */
function sameColour(a, b) {
  if (a === b) return true;
  if (!colourCanvas) colourCanvas = document.createElement('canvas').getContext('2d');
  const canonical = (c) => {
    colourCanvas.fillStyle = '#000000';
    colourCanvas.fillStyle = c;
    return colourCanvas.fillStyle;
  };
  return canonical(a) === canonical(b);
}

/** Call when the colour scheme changes (the table of the new scheme is used until the CSS is read). */
export function forgetCssVars() {
  colours = null;
}

/** Entity types in the actors chart: neutral inks of three lightnesses, told apart without hue
 *  (and so never read as a theme or a tone); the legend names them. */
export const ENTITY_COLOURS = {country: '#3D4650', organization: '#77808B', person: '#AEB5BE'};
