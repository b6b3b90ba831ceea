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

/** Tone label in words, from the compound score; thresholds match the report's label (±0.05). */
export function toneWords(compound) {
  if (compound >= 0.5) return 'Strongly positive';
  if (compound >= 0.05) return 'Mostly positive';
  if (compound > -0.05) return 'Neutral';
  if (compound > -0.5) return 'Mostly negative';
  return 'Strongly negative';
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
 * One plain-language sentence: "Mostly positive; mainly about diplomacy and trade; names China
 * and Russia most."
 */
export function summary(report) {
  const parts = [toneWords(report.tone.compound)];
  const subs = (report.themes || []).filter((t) => t.parent).slice(0, 2);
  const themes = subs.length ? subs : (report.top_level || []).slice(0, 2);
  if (themes.length) parts.push(`mainly about ${list(themes.map((t) => lowerFirst(t.label)))}`);
  else parts.push('no theme from the dictionary matched');
  const names = (report.entities || []).slice(0, 2).map((e) => e.name);
  if (names.length) parts.push(`names ${list(names)} most`);
  return parts.join('; ') + '.';
}
