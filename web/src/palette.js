// Colours. Okabe & Ito (2008), "Color Universal Design": eight colours that stay distinct for the
// common forms of colour blindness. Themes take them in the order of their score in the current
// report; beyond seven, themes share a neutral grey (their highlights still name the theme).

export const OKABE_ITO = {
  black: '#000000', orange: '#E69F00', skyBlue: '#56B4E9', bluishGreen: '#009E73',
  yellow: '#F0E442', blue: '#0072B2', vermillion: '#D55E00', reddishPurple: '#CC79A7',
};

/** Theme colours by rank; index i matches the CSS classes `.theme-i` in styles.css. */
export const THEME_COLOURS = [
  OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue, OKABE_ITO.vermillion, OKABE_ITO.yellow,
];
export const OTHER_COLOUR = '#999999';

/** Positive / negative tone (a blue-orange diverging pair, safe for deuteranopia and protanopia). */
export const POSITIVE = OKABE_ITO.blue;
export const NEGATIVE = OKABE_ITO.vermillion;
export const NEUTRAL = '#999999';

/**
 * Maps each top-level theme id of `report` to {index, colour, className}; index is the rank by
 * score, or -1 past the palette.
 */
export function themeColours(report) {
  const map = new Map();
  (report.top_level || []).forEach((t, i) => {
    const index = i < THEME_COLOURS.length ? i : -1;
    map.set(t.id, {index, colour: index >= 0 ? THEME_COLOURS[index] : OTHER_COLOUR,
                   className: index >= 0 ? `theme-${index}` : 'theme-other'});
  });
  return map;
}

/**
 * Colour for a tone value in [-1, 1] with the report's ±0.05 neutral band: the page's --pos,
 * --neg and --neu (lighter in dark mode), falling back to the constants above.
 */
export function toneColour(x) {
  if (x >= 0.05) return cssVar('--pos') || POSITIVE;
  if (x <= -0.05) return cssVar('--neg') || NEGATIVE;
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

/** Entity types in the actors chart (its own chart and legend, so sharing hues with themes is
 *  unambiguous). */
export const ENTITY_COLOURS = {
  country: OKABE_ITO.bluishGreen, organization: OKABE_ITO.reddishPurple, person: OKABE_ITO.orange,
};
