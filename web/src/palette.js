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

let cachedStyle = null;

/**
 * Reads a CSS custom property of the document (charts follow the page's light/dark colours).
 * Values are cached until forgetCssVars(), so drawing charts does not force style recalculation.
 */
export function cssVar(name) {
  if (!cachedStyle) cachedStyle = new Map();
  if (!cachedStyle.has(name)) {
    cachedStyle.set(name, getComputedStyle(document.documentElement).getPropertyValue(name).trim());
  }
  return cachedStyle.get(name);
}

/** Call when the colour scheme changes. */
export function forgetCssVars() {
  cachedStyle = null;
}

/** Entity types in the actors chart: neutral inks of three lightnesses, told apart without hue
 *  (and so never read as a theme or a tone); the legend names them. */
export const ENTITY_COLOURS = {country: '#3D4650', organization: '#77808B', person: '#AEB5BE'};
