// The card's styles, adopted into each shadow root as ONE shared constructable stylesheet: no
// <style> element and no style="" attribute, so `style-src 'self'` needs no 'unsafe-inline', and
// nothing reaches the host page's styles.
//
// Public CSS custom properties (set them on the element or any ancestor; see docs/embed.md):
//   --newslens-font        font-family            --newslens-font-size   base size (14px)
//   --newslens-radius      corner radius (8px)    --newslens-background  card background
//   --newslens-color       text                   --newslens-muted       secondary text
//   --newslens-border      card border            --newslens-accent      links, the arc, focus
// Theme bars take each theme's own colour, the same as on the page (web/src/theme-colours.js).
//   --newslens-track       empty bar/gauge track  --newslens-positive    positive tone
//   --newslens-negative    negative tone          --newslens-neutral     neutral tone
// The private --_* properties are each theme's defaults behind them.

// Colours: an Okabe-Ito-style blue/vermillion pair for positive/negative (told apart with any
// colour vision, and the label says it in words too); every text colour is >= 4.5:1 on its
// background (WCAG AA), checked by the axe test in tests/web/embed.test.mjs.
const LIGHT = `
  --_bg: #ffffff; --_fg: #1d232b; --_muted: #535d69; --_border: #d5dae1; --_track: #e4e8ee;
  --_accent: #2a5b95; --_pos: #0a5ca3; --_neg: #ad3a08; --_neu: #535d69; color-scheme: light;`;
const DARK = `
  --_bg: #1b1f24; --_fg: #e6e9ed; --_muted: #a7b0bb; --_border: #3a414b; --_track: #323943;
  --_accent: #86b7ea; --_pos: #74b9ff; --_neg: #ff9d6e; --_neu: #a7b0bb; color-scheme: dark;`;

export const CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
[hidden] { display: none !important; }

.card {${LIGHT}
  box-sizing: border-box;
  margin: 0;
  padding: 12px 14px;
  font-family: var(--newslens-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--newslens-font-size, 14px);
  font-style: normal; font-weight: 400; font-variant: normal;
  line-height: 1.4; letter-spacing: normal; word-spacing: normal; text-align: start;
  text-indent: 0; text-transform: none; text-decoration: none; white-space: normal;
  color: var(--newslens-color, var(--_fg));
  background: var(--newslens-background, var(--_bg));
  border: 1px solid var(--newslens-border, var(--_border));
  border-radius: var(--newslens-radius, 8px);
}
:host([theme="dark"]) .card {${DARK} }
@media (prefers-color-scheme: dark) {
  :host([theme="auto"]) .card {${DARK} }
}

.card * { box-sizing: border-box; }
p, ul, dl, dd, figure, blockquote { margin: 0; padding: 0; }
ul { list-style: none; }

.title, .section-title {
  font-size: 0.75em; font-weight: 600; letter-spacing: 0.05em; text-transform: uppercase;
  color: var(--newslens-muted, var(--_muted));
}
.title { margin-bottom: 6px; }
.section-title { margin: 12px 0 4px; }

.tone { display: flex; align-items: center; gap: 12px; }
.gauge { flex: none; display: block; width: 76px; height: 44px; }
.gauge .track { stroke: var(--newslens-track, var(--_track)); }
.gauge .track, .gauge .value { fill: none; stroke-width: 9; }
.gauge .needle { stroke: var(--newslens-color, var(--_fg)); stroke-width: 2.5; stroke-linecap: round; }
.gauge .hub { fill: var(--newslens-color, var(--_fg)); }
.positive .value { stroke: var(--newslens-positive, var(--_pos)); }
.negative .value { stroke: var(--newslens-negative, var(--_neg)); }
.neutral .value { stroke: var(--newslens-neutral, var(--_neu)); }
.tone-text { display: flex; flex-direction: column; }
.tone-label { font-size: 1.2em; font-weight: 700; }
.tone-label.positive { color: var(--newslens-positive, var(--_pos)); }
.tone-label.negative { color: var(--newslens-negative, var(--_neg)); }
.tone-label.neutral { color: var(--newslens-neutral, var(--_neu)); }
.tone-value { font-variant-numeric: tabular-nums; color: var(--newslens-muted, var(--_muted)); }

.theme { display: grid; grid-template-columns: 1fr auto; column-gap: 8px; margin: 5px 0; }
.theme-share { font-variant-numeric: tabular-nums; color: var(--newslens-muted, var(--_muted)); }
.theme-bar { grid-column: 1 / -1; display: block; width: 100%; height: 6px; margin-top: 2px;
             border-radius: 3px; overflow: hidden; }
.theme-bar .track { fill: var(--newslens-track, var(--_track)); }
/* .theme-bar .fill: each theme's own colour, from its fill attribute (web/src/theme-colours.js),
   the same as on the page; no CSS rule here, since any would override the attribute. */
.theme-sub { grid-column: 1 / -1; font-size: 0.85em; color: var(--newslens-muted, var(--_muted)); }
.empty { color: var(--newslens-muted, var(--_muted)); }

.actors { display: flex; flex-wrap: wrap; gap: 4px 6px; }
.actor { padding: 1px 8px; border: 1px solid var(--newslens-border, var(--_border));
         border-radius: 999px; font-size: 0.9em; }
.actor-count { margin-left: 4px; font-variant-numeric: tabular-nums;
               color: var(--newslens-muted, var(--_muted)); }

.details { margin-top: 12px; }
.summary { cursor: pointer; font-weight: 600; color: var(--newslens-accent, var(--_accent));
           border-radius: 3px; }
.summary:focus-visible { outline: 2px solid var(--newslens-accent, var(--_accent)); outline-offset: 2px; }
.details-body { padding-top: 4px; }
.arc { display: block; width: 100%; height: 48px; margin: 2px 0 6px; }
.arc .zero { stroke: var(--newslens-border, var(--_border)); stroke-width: 1; stroke-dasharray: 3 3; }
.arc .line { fill: none; stroke: var(--newslens-accent, var(--_accent)); stroke-width: 1.5;
             stroke-linejoin: round; }
.excerpt { margin: 6px 0; }
.excerpt-label { display: block; font-size: 0.85em; color: var(--newslens-muted, var(--_muted)); }
.excerpt-text { display: block; font-style: italic; overflow-wrap: anywhere; }
.stats { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin-top: 8px;
         font-size: 0.9em; }
.stats dt { color: var(--newslens-muted, var(--_muted)); }
.stats dd { font-variant-numeric: tabular-nums; }

.footer { margin-top: 10px; font-size: 0.75em; color: var(--newslens-muted, var(--_muted)); }

.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
      clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

/* compact: one line — gauge, label, the themes inline; no actors, details or footer. */
:host([compact]) .card { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 16px;
                         padding: 6px 12px; }
:host([compact]) .tone { gap: 8px; }
:host([compact]) .tone-text { flex-direction: row; align-items: baseline; gap: 6px; }
:host([compact]) .tone-label { font-size: 1em; }
:host([compact]) .title, :host([compact]) .actors-section, :host([compact]) .details,
:host([compact]) .footer, :host([compact]) .theme-bar, :host([compact]) .theme-sub,
:host([compact]) .themes-title { display: none; }
:host([compact]) .gauge { width: 52px; height: 30px; }
:host([compact]) .themes { display: flex; flex-wrap: wrap; gap: 2px 12px; }
:host([compact]) .theme { display: flex; gap: 4px; margin: 0; }
`;

let shared = null;

/**
 * Gives `root` the card's styles: the one shared CSSStyleSheet where constructable stylesheets
 * exist (Chrome 73, Firefox 101, Safari 16.4); elsewhere a <style> element, which works unless the
 * page's CSP forbids inline styles (then the card renders unstyled, still readable).
 */
export function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' &&
      'replaceSync' in CSSStyleSheet.prototype) {
    if (!shared) {
      shared = new CSSStyleSheet();
      shared.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [shared];
    return;
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = CSS;
  root.appendChild(style);
}
