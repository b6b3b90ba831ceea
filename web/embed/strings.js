// The card's words, in English, and how a page overrides them.
//
// A page overrides any of them with the element's `locale` attribute, a JSON object:
//   <news-lens locale='{"title": "Worum es geht", "positive": "Positiv", "theme.politics": "Politik"}'>
// Keys are the names below; `theme.<id>` renames a theme (ids as in the report: 'politics',
// 'politics.diplomacy'). `{name}` in a string is replaced by a value (numbers are formatted for
// the element's language, from the nearest `lang` attribute).

export const DEFAULT_STRINGS = Object.freeze({
  title: 'About this article',
  tone: 'Tone',
  positive: 'Positive',
  negative: 'Negative',
  neutral: 'Neutral',
  /** The gauge's accessible name. */
  toneGauge: 'Tone: {label}, {value} on a scale from −1 (negative) to +1 (positive)',
  themes: 'Themes',
  /** Text after a theme's share, for screen readers ("69% of theme terms"). */
  themeShare: 'of theme terms',
  noThemes: 'No news themes found.',
  actors: 'Named most',
  /** Spoken after an actor's count ("China, 25 mentions"). */
  mentions: 'mentions',
  details: 'Details',
  toneArc: 'Tone across the article',
  /** The tone arc's accessible name. */
  toneArcLabel: 'Tone of each of {count} sentences, first to last; lowest {min}, highest {max}',
  mostPositive: 'Most positive sentence',
  mostNegative: 'Most negative sentence',
  words: 'Words',
  sentences: 'Sentences',
  toneMix: 'Positive / neutral / negative',
  gdeltTone: 'GDELT tone',
  /** Which analyzer edition made the report (docs/size.md, "The widget edition"). */
  analyzer: 'Analyzer',
  editionWidget: 'newslens widget edition (compact taxonomy)',
  editionFull: 'newslens full edition',
  footer: 'Analysed in your browser by newslens; nothing was sent anywhere.',
});

/**
 * The strings for one element: defaults overlaid with the `locale` attribute's JSON. Only string
 * values for known keys or `theme.*` keys are taken. Throws SyntaxError on malformed JSON.
 */
export function parseLocale(json) {
  const strings = {...DEFAULT_STRINGS};
  if (json == null || json.trim() === '') return strings;
  const given = JSON.parse(json);
  if (!given || typeof given !== 'object' || Array.isArray(given)) {
    throw new SyntaxError('the locale attribute must be a JSON object of strings');
  }
  for (const [key, value] of Object.entries(given)) {
    if (typeof value !== 'string') continue;
    if (Object.prototype.hasOwnProperty.call(DEFAULT_STRINGS, key) || key.startsWith('theme.')) {
      strings[key] = value;
    }
  }
  return strings;
}

/** Replaces `{name}` in `template` with `values[name]` (plain text; never parsed as HTML). */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole);
}
