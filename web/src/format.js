// How numbers and words are shown. Tests format the report's values with these same rules, so
// keep them simple and documented.

const MINUS = '\u2212';

/** Signed number with `digits` decimals and a true minus sign: 0.4335 → "+0.43", -0.2 → "−0.20". */
export function signed(x, digits = 2) {
  const s = Math.abs(x).toFixed(digits);
  if (Number(s) === 0) return s;
  return (x < 0 ? MINUS : '+') + s;
}

/** Share in [0, 1] as a whole percentage: 0.0444 → "4%". */
export function percent(x) {
  return `${Math.round(x * 100)}%`;
}

/** Count with thousands separators: 12345 → "12,345" (without Intl, whose first use is slow). */
export function count(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Reading time: adults read non-fiction silently at ~238 words per minute (Brysbaert 2019,
 *  "How many words do we read per minute?", J. Memory and Language 109). */
const WORDS_PER_MINUTE = 238;
export function readingTime(words) {
  const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  return `${minutes} min`;
}

/** Above this |compound|, a positive or negative tone is "strong" (VADER's authors' guide to
 *  reading compound scores: ±0.5 and beyond is clearly felt). */
const STRONG_TONE = 0.5;

/**
 * Tone in words from a label and its compound: {label: 'positive', compound: 0.71} → "Strongly
 * positive". The label is the report's (the core's one rule from compound to label), never
 * recomputed here from thresholds of our own.
 */
export function toneWords({label, compound}) {
  if (label === 'positive') return compound >= STRONG_TONE ? 'Strongly positive' : 'Mostly positive';
  if (label === 'negative') return compound <= -STRONG_TONE ? 'Strongly negative' : 'Mostly negative';
  return 'Neutral';
}

function lowerFirst(label) {
  // Keep acronyms ("UN", "COVID") as they are.
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

function list(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The `n` actors the article is most about: by salience (report@2; headline, lead, mentions,
 * the subject of its sentences — docs/report.md), then by mentions; report@1 has no salience
 * and keeps its order (by mentions).
 */
export function mostSalient(entities, n) {
  return entities.map((e, i) => ({e, i}))
      .sort((a, b) => (b.e.salience ?? 0) - (a.e.salience ?? 0) || a.i - b.i)
      .slice(0, n).map(({e}) => e);
}

/**
 * One plain-language sentence: "Mostly positive; mainly about diplomacy and trade; names China
 * and Russia most."
 */
export function summary(report) {
  const parts = [toneWords(report.tone)];
  const subs = (report.themes || []).filter((t) => t.parent).slice(0, 2);
  const themes = subs.length ? subs : (report.top_level || []).slice(0, 2);
  if (themes.length) parts.push(`mainly about ${list(themes.map((t) => lowerFirst(t.label)))}`);
  else parts.push('no theme from the dictionary matched');
  const names = mostSalient(report.entities || [], 2).map((e) => e.name);
  if (names.length) parts.push(`names ${list(names)} most`);
  return parts.join('; ') + '.';
}
