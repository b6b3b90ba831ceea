// The card's numbers, formatted for the element's language without making the host page pay for
// Intl. The first Intl.NumberFormat a page creates loads the browser's locale data: 80–400 ms on
// the main thread with the CPU throttled 4× (bench/embed-polite.mjs), a long task no yielding can
// cut. So the card formats its four kinds of numbers itself, from a small description of the
// language's conventions (its decimal point and group separator, digits and the text around a sign or
// a percentage):
// - English (en, en-US, en-GB, en-CA, en-AU, en-NZ, en-IE, and a page without `lang` in an English
//   browser) is built in: no Intl at all;
// - any other language is described by Intl once per page, where that costs the page nothing: in
//   the analyzer's worker (web/embed/analyzer-entry.js), or, when the analyzer runs on the page
//   (file://), on the main thread — the one case that still pays for the locale data.
// The result is what Intl.NumberFormat gives for the same options (tests/web/embed-numbers.test.mjs
// compares them over many languages and values): the shortest decimal form of the number, rounded
// half away from zero.

/** The card's four formats, as Intl.NumberFormat options. */
export const FORMATS = Object.freeze({
  signed: {minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero'},
  percent: {style: 'percent', maximumFractionDigits: 0},
  integer: {maximumFractionDigits: 0},
  decimal: {minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero'},
});

const FRACTION = {signed: [2, 2], percent: [0, 0], integer: [0, 0], decimal: [1, 1]};

/** English conventions (what Intl gives for 'en'). */
export const ENGLISH = Object.freeze({
  point: '.', group: ',', digits: '0123456789', minGroup: 1, primary: 3, secondary: 3,
  // [prefix, suffix] around the digits, per format and sign.
  signed: {plus: ['+', ''], minus: ['-', ''], zero: ['', '']},
  percent: {plus: ['', '%'], minus: ['-', '%'], zero: ['', '%']},
  integer: {plus: ['', ''], minus: ['-', ''], zero: ['', '']},
  decimal: {plus: ['+', ''], minus: ['-', ''], zero: ['', '']},
});

const ENGLISH_TAGS = new Set(['en', 'en-us', 'en-gb', 'en-ca', 'en-au', 'en-nz', 'en-ie']);

/** True if `lang` (a BCP 47 tag, or undefined for the browser's) formats numbers as ENGLISH. */
export function isEnglish(lang) {
  const tag = lang || (typeof navigator !== 'undefined' && navigator.language) || 'en';
  return ENGLISH_TAGS.has(String(tag).toLowerCase());
}

/**
 * The conventions of `lang`, read from Intl (costly the first time in a thread: see the top).
 * Falls back to the browser's language for a tag Intl does not accept.
 */
export function describeNumbers(lang) {
  const make = (options) => {
    try {
      return new Intl.NumberFormat(lang || undefined, options);
    } catch {
      return new Intl.NumberFormat(undefined, options);
    }
  };
  const plain = make({useGrouping: false, maximumFractionDigits: 0});
  const digits = Array.from({length: 10}, (_, d) => plain.format(d)).join('');
  const integer = make(FORMATS.integer);
  const groups = integer.formatToParts(123456789).filter((p) => p.type === 'integer');
  const group = integer.formatToParts(123456789).find((p) => p.type === 'group');
  const point = make(FORMATS.signed).formatToParts(1.5).find((p) => p.type === 'decimal');
  const out = {
    point: point ? point.value : '.',
    group: group ? group.value : '',
    digits: Array.from(digits).length === 10 ? digits : '0123456789',
    minGroup: integer.formatToParts(1234).some((p) => p.type === 'group') ? 1 : 2,
    primary: groups.length > 1 ? groups[groups.length - 1].value.length : 3,
    secondary: groups.length > 2 ? groups[groups.length - 2].value.length : 3,
  };
  const core = new Set(['integer', 'group', 'decimal', 'fraction']);
  const around = (parts) => {
    const first = parts.findIndex((p) => core.has(p.type));
    let last = parts.length - 1;
    while (last > first && !core.has(parts[last].type)) last--;
    const text = (ps) => ps.map((p) => p.value).join('');
    return [text(parts.slice(0, first)), text(parts.slice(last + 1))];
  };
  for (const [kind, options] of Object.entries(FORMATS)) {
    const f = make(options);
    out[kind] = {plus: around(f.formatToParts(2)), minus: around(f.formatToParts(-2)),
                 zero: around(f.formatToParts(0))};
  }
  return out;
}

/** The decimal digits of |x| in its shortest round-trip form, as [integer digits, fraction digits]. */
function shortestDigits(x) {
  const s = Math.abs(x).toString();
  const e = s.indexOf('e');
  if (e < 0) {
    const dot = s.indexOf('.');
    return dot < 0 ? [s, ''] : [s.slice(0, dot), s.slice(dot + 1)];
  }
  const mantissa = s.slice(0, e).replace('.', '');
  const point = (s.indexOf('.') < 0 || s.indexOf('.') > e ? e : s.indexOf('.')) + Number(s.slice(e + 1));
  if (point <= 0) return ['0', '0'.repeat(-point) + mantissa];
  if (point >= mantissa.length) return [mantissa + '0'.repeat(point - mantissa.length), ''];
  return [mantissa.slice(0, point), mantissa.slice(point)];
}

/** [integer digits, fraction digits] of |x| × 10^shift rounded half away from zero to `max`
 *  fraction digits, trailing zeros kept down to `min`. */
function rounded(x, shift, min, max) {
  let [int, frac] = shortestDigits(x);
  if (shift) {
    frac = frac.padEnd(shift, '0');
    int = (int + frac.slice(0, shift)).replace(/^0+(?=\d)/, '');
    frac = frac.slice(shift);
  }
  let digits = int + frac.padEnd(max, '0').slice(0, max);
  if (frac.length > max && frac[max] >= '5') {
    const up = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
    digits = up;
  }
  const cut = digits.length - max;
  int = digits.slice(0, cut).replace(/^0+(?=\d)/, '') || '0';
  frac = digits.slice(cut).replace(/0+$/, '');
  return [int, frac.padEnd(min, '0')];
}

/** Groups the integer digits as the language does (3s; Indian 3 then 2s; none below minGroup). */
function grouped(int, n) {
  if (!n.group || int.length < n.primary + n.minGroup) return int;
  const parts = [int.slice(-n.primary)];
  let rest = int.slice(0, -n.primary);
  while (rest.length > n.secondary) {
    parts.unshift(rest.slice(-n.secondary));
    rest = rest.slice(0, -n.secondary);
  }
  if (rest) parts.unshift(rest);
  return parts.join(n.group);
}

/** {signed, percent, integer, decimal}: x => string, for the conventions `n`. */
export function numberFormats(n = ENGLISH) {
  const digit = n.digits === '0123456789' ? null : Array.from(n.digits);
  const make = (kind) => {
    const [min, max] = FRACTION[kind];
    const shift = kind === 'percent' ? 2 : 0;
    const exceptZero = FORMATS[kind].signDisplay === 'exceptZero';
    return (x) => {
      if (!Number.isFinite(x)) return String(x);
      const [int, frac] = rounded(x, shift, min, max);
      const isZero = /^0*$/.test(int + frac);
      const negative = x < 0 || Object.is(x, -0);
      const sign = exceptZero ? (isZero ? 'zero' : negative ? 'minus' : 'plus') :
                                (negative ? 'minus' : 'plus');
      let core = grouped(int, n) + (frac ? n.point + frac : '');
      if (digit) core = core.replace(/[0-9]/g, (d) => digit[d]);
      const [before, after] = n[kind][sign];
      return before + core + after;
    };
  };
  return {signed: make('signed'), percent: make('percent'), integer: make('integer'),
          decimal: make('decimal')};
}
