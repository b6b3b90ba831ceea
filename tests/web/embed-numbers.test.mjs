// The widget's number formats (web/embed/numbers.js) write what Intl.NumberFormat writes for the
// same options, without constructing one on the page's main thread: English from the built-in
// conventions, other languages from conventions read once from Intl (in the analyzer's worker).
// Checked here in node, whose Intl has full ICU data, over languages with other separators, digits,
// grouping and sign or percent placement, and values at the rounding edges.
//
//   node --test tests/web/embed-numbers.test.mjs

import assert from 'node:assert/strict';
import {test} from 'node:test';

import {describeNumbers, ENGLISH, FORMATS, isEnglish, numberFormats} from '../../web/embed/numbers.js';

const VALUES = [0, -0, 0.004, -0.004, 0.005, -0.005, 0.125, 1.005, -1.005, 0.6949, 0.695, 0.5, 1,
                12, 999, 1000, 1234, 12345, 123456, 1234567, 1 / 3, -0.7777, 1e-7, 2.5e-3, 99.995,
                0.9999, -12345.55, 0.07, 0.994, 0.995, -0.0449, 3.14159];
// Shares are at most 1 (100 %), so percentages are checked up to there.
const PERCENTS = VALUES.filter((v) => Math.abs(v) <= 1);

const intl = (lang, kind) => {
  try {
    return new Intl.NumberFormat(lang, FORMATS[kind]);
  } catch {
    return new Intl.NumberFormat(undefined, FORMATS[kind]);
  }
};

function assertSameAsIntl(lang, formats) {
  for (const kind of Object.keys(FORMATS)) {
    const f = intl(lang, kind);
    for (const v of kind === 'percent' ? PERCENTS : VALUES) {
      assert.equal(formats[kind](v), f.format(v), `${lang} ${kind} ${v}`);
    }
  }
}

test('the built-in English conventions are what Intl reads for English', () => {
  assert.deepEqual(describeNumbers('en'), JSON.parse(JSON.stringify(ENGLISH)));
  assertSameAsIntl('en', numberFormats(ENGLISH));
  assertSameAsIntl('en-GB', numberFormats(ENGLISH));
});

test('other languages, from conventions read once: separators, digits, grouping, signs', () => {
  for (const lang of ['de', 'fr', 'es', 'pl', 'tr', 'ar-EG', 'hi', 'en-IN', 'de-CH', 'ja', 'he',
                      'fa', 'sv', 'nb', 'pt-BR', 'ru', 'th-TH-u-nu-thai', 'bn']) {
    const n = describeNumbers(lang);
    // What the worker sends back is plain data: it survives structured cloning as JSON does.
    assertSameAsIntl(lang, numberFormats(JSON.parse(JSON.stringify(n))));
  }
});

test('a tag Intl refuses falls back to the default language, as the card did with Intl', () => {
  assertSameAsIntl('not a language tag', numberFormats(describeNumbers('not a language tag')));
});

test('which tags take the built-in English conventions', () => {
  for (const tag of ['en', 'EN-us', 'en-GB', 'en-AU']) assert.equal(isEnglish(tag), true, tag);
  // en-IN groups lakhs, en-ZA and en-DE write a decimal comma: they are read from Intl.
  for (const tag of ['en-IN', 'en-ZA', 'en-DE', 'de', 'fr-CA']) assert.equal(isEnglish(tag), false, tag);
});

test('numbers that are not finite are written as JavaScript writes them, never thrown on', () => {
  const f = numberFormats(ENGLISH);
  assert.equal(f.signed(NaN), 'NaN');
  assert.equal(f.percent(Infinity), 'Infinity');
});
