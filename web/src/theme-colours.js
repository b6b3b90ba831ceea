// One colour per top-level theme, the same in every article, view, export and the embed widget
// (web/embed/render.js imports this module): Politics is purple wherever it appears, whatever
// its rank in the article. Defined here only; the page's CSS classes for highlights and swatches
// are generated from this table (themeCss), never written out by hand.
//
// The 17 IPTC Media Topics top levels cannot each have a hue that every reader tells apart, so a
// theme's colour has three channels:
//   - hue from Okabe & Ito (2008), "Color Universal Design" (orange, bluish green, sky blue,
//     yellow, reddish purple), which stay apart for the common colour-vision deficiencies;
//   - lightness: a base, a darker and a lighter step of each hue;
//   - a fill pattern (solid, stripes, dots, cross-hatch) in charts and legend swatches, so that
//     two themes of one hue family never differ by lightness alone.
// Blue (#0072B2) and vermillion (#D55E00) are kept out: they mean positive and negative tone
// (palette.js). Actor types (palette.js) are neutral inks told apart by pattern, not hues.
// The most frequent themes in news (politics, economy, conflict, society, crime) take the
// solid base colours.

/** Fill patterns, drawn by charts.js (canvas) and styles generated below (CSS gradients). */
export const PATTERNS = ['solid', 'stripes', 'dots', 'cross'];

/** id → {colour, pattern}: the 17 top-level themes of data/themes/en.json. */
export const THEME_STYLES = Object.freeze({
  politics: {colour: '#CC79A7', pattern: 'solid'},        // reddish purple
  economy: {colour: '#009E73', pattern: 'solid'},         // bluish green
  conflict: {colour: '#E69F00', pattern: 'solid'},        // orange
  society: {colour: '#56B4E9', pattern: 'solid'},         // sky blue
  crime: {colour: '#F0E442', pattern: 'solid'},           // yellow
  disaster: {colour: '#B07400', pattern: 'stripes'},      // orange, darker
  health: {colour: '#00785A', pattern: 'stripes'},        // bluish green, darker
  religion: {colour: '#A0558A', pattern: 'stripes'},      // reddish purple, darker
  education: {colour: '#ADA200', pattern: 'stripes'},     // yellow, darker (olive)
  environment: {colour: '#7BD3B4', pattern: 'dots'},      // bluish green, lighter
  lifestyle: {colour: '#F5C55E', pattern: 'dots'},        // orange, lighter
  arts: {colour: '#E6AECD', pattern: 'dots'},             // reddish purple, lighter
  weather: {colour: '#A3D5F3', pattern: 'dots'},          // sky blue, lighter
  sport: {colour: '#F4EC8E', pattern: 'dots'},            // yellow, lighter
  science: {colour: '#7FA7BF', pattern: 'cross'},         // sky blue, greyed (not tone blue)
  human_interest: {colour: '#94704A', pattern: 'cross'},  // orange, darkest (brown)
  labour: {colour: '#6E7F2B', pattern: 'cross'},          // yellow-green, darkest (olive)
});

/** A theme from a custom dictionary (not one of the 17): neutral grey, cross-hatched. */
export const OTHER_THEME = Object.freeze({colour: '#8E8E8E', pattern: 'cross'});

/** Style of the top-level theme of `id` ("politics" or "politics.diplomacy"). */
export function themeStyle(id) {
  const top = String(id).split('.')[0];
  return Object.prototype.hasOwnProperty.call(THEME_STYLES, top) ? THEME_STYLES[top] : OTHER_THEME;
}

/** Colour (#RRGGBB) of the top-level theme of `id`. */
export function themeColour(id) {
  return themeStyle(id).colour;
}

/** CSS class naming the theme's colour (`theme-politics`; `theme-other` for custom themes). */
export function themeClass(id) {
  const top = String(id).split('.')[0];
  return Object.prototype.hasOwnProperty.call(THEME_STYLES, top) ? `theme-${top}` : 'theme-other';
}

/** "#CC79A7" → "rgba(204, 121, 167, a)". */
export function withAlpha(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** A CSS background for a swatch: the colour with its pattern drawn in a darker ink over it. */
function swatchBackground({colour, pattern}) {
  const ink = 'rgba(0, 0, 0, 0.45)';
  if (pattern === 'stripes') {
    return `repeating-linear-gradient(45deg, ${ink} 0 2px, transparent 2px 5px), ${colour}`;
  }
  if (pattern === 'dots') return `radial-gradient(${ink} 1.2px, transparent 1.4px) 0 0 / 5px 5px, ${colour}`;
  if (pattern === 'cross') {
    return `repeating-linear-gradient(45deg, ${ink} 0 1.5px, transparent 1.5px 5px), ` +
           `repeating-linear-gradient(-45deg, ${ink} 0 1.5px, transparent 1.5px 5px), ${colour}`;
  }
  return colour;
}

/**
 * The page's rules for theme colours: highlight tints in the article (`mark.hl-theme.theme-x`,
 * `--hl-alpha` keeps body text readable over them) and legend swatches (`.swatch.theme-x`).
 */
export function themeCss() {
  const rules = [];
  const add = (cls, style) => {
    const n = parseInt(style.colour.slice(1), 16);
    const rgb = `${n >> 16}, ${(n >> 8) & 255}, ${n & 255}`;
    rules.push(`mark.hl-theme.${cls} { background: rgba(${rgb}, var(--hl-alpha)); }`);
    rules.push(`.swatch.${cls} { background: ${swatchBackground(style)}; }`);
  };
  for (const id of Object.keys(THEME_STYLES)) add(`theme-${id}`, THEME_STYLES[id]);
  add('theme-other', OTHER_THEME);
  return rules.join('\n');
}
