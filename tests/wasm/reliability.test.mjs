// Issue 10 through the module (docs/reliability.md): maxBytes and RangeError before any copy
// into wasm, hostile text, malformed dictionaries leaving the analyzer as it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadNewsLens, sample } from './helpers.mjs';
import { validateReport2 } from './report-schema.mjs';

const NewsLens = loadNewsLens();

test('maxBytes counts UTF-8 bytes as the module receives them, and refuses with RangeError', async () => {
  const nl = await NewsLens.create();
  const cases = [
    ['ASCII', 'x', 1],
    ['2-byte', '\u00e9', 2],
    ['3-byte', '\u20ac', 3],
    ['surrogate pair', '\u{1F600}', 4],
    ['lone surrogate', '\uD800', 3],
  ];
  for (const [name, unit, bytes] of cases) {
    const fits = Math.floor(1200 / bytes);
    const text = unit.repeat(fits);
    assert.equal(nl.analyze(text, { maxBytes: fits * bytes }).stats.characters > 0, true, name);
    assert.throws(() => nl.analyze(text, { maxBytes: fits * bytes - 1 }),
                  (e) => e instanceof RangeError && /^newslens: input too large: /.test(e.message), name);
  }
});

test('a text over maxBytes is refused before it is copied into the module', async () => {
  const nl = await NewsLens.create();
  const session = nl._session;
  // analyze() goes through the session's analyzeParts, analyzeToJson() through its analyze.
  const real = { analyze: session.analyze, analyzeParts: session.analyzeParts };
  let calls = 0;
  for (const name of Object.keys(real)) {
    session[name] = function (...args) {
      calls++;
      return real[name].apply(this, args);
    };
  }
  try {
    assert.throws(() => nl.analyze('x'.repeat(2001), { maxBytes: 2000 }), RangeError);
    assert.throws(() => nl.analyzeToJson('\u20ac'.repeat(1000), { maxBytes: 2999 }), RangeError);
    // The module's limit, 12 MiB: 12 MiB + 1 ASCII characters never reach the module, even
    // when maxBytes asks for more; with per-word mentions, 6 MiB (4 MiB as JSON).
    assert.throws(() => nl.analyze('a'.repeat(12 * 1024 * 1024 + 1)), /input too large: at least 12582913 bytes/);
    assert.throws(() => nl.analyze('a'.repeat(12 * 1024 * 1024 + 1), { maxBytes: 2 ** 40 }), RangeError);
    assert.throws(() => nl.analyze('a'.repeat(6 * 1024 * 1024 + 1), { detail: ['mentions'] }),
                  /the limit \(maxBytes\) is 6291456 with per-word mentions$/);
    assert.throws(() => nl.analyze('a'.repeat(6 * 1024 * 1024 + 1), { schema: 1 }), RangeError);
    assert.throws(() => nl.analyzeToJson('a'.repeat(4 * 1024 * 1024 + 1), { schema: 1 }),
                  /the limit \(maxBytes\) is 4194304 with per-word mentions$/);
    assert.equal(calls, 0);
    nl.analyze('Peace.', { maxBytes: 6 });
    nl.analyzeToJson('Peace.', { maxBytes: 6 });
    assert.equal(calls, 2);
  } finally {
    Object.assign(session, real);
  }
});

test('maxBytes must be a positive integer', async () => {
  const nl = await NewsLens.create();
  for (const bad of [0, -1, 1.5, NaN, '100', null, -Infinity]) {
    assert.throws(() => nl.analyze('x', { maxBytes: bad }), /options\.maxBytes must be a positive integer/, String(bad));
  }
  // Above the module's limit (12 MiB), Infinity included, acts as the limit.
  assert.equal(nl.analyze('Peace.', { maxBytes: 2 ** 40 }).stats.words, 1);
  assert.equal(nl.analyze('Peace.', { maxBytes: Infinity }).stats.words, 1);
});

// Hostile text through the module: valid reports, and offsets that index the JS string.
const hostile = {
  empty: '',
  whitespace: ' \n\t\u00a0\u3000\n',
  'lone surrogates': '\uDC00peace \uD800 war\uD800',
  'NUL bytes': 'peace\u0000\u0000war\u0000',
  'a 1 MB word': 'w'.repeat(1 << 20),
  'a million !': '!'.repeat(1000000),
  'nested quotes': '"(\u201c\''.repeat(50000) + 'war' + '\'\u201d)"'.repeat(50000),
  'XSS payloads': '<script>alert(1)</script> war "><img src=x onerror=alert(1)> javascript:alert(1)',
  emoji: '\u{1F600} war \u{1F4A5}\u{1F4A5} peace \u{1F1FA}\u{1F1F8}',
};

test('hostile text gives a valid report whose offsets index the JS string', async () => {
  const nl = await NewsLens.create();
  for (const [name, text] of Object.entries(hostile)) {
    const r = validateReport2(nl.analyze(text, { detail: ['mentions'] }), name);
    for (const m of r.mentions) {
      assert.ok(m.start < m.end && m.end <= text.length, `${name}: ${m.start}-${m.end}`);
      const slice = text.slice(m.start, m.end);
      assert.match(slice, /^[\p{L}\p{N}'-]+( [\p{L}\p{N}'-]+)*$/u, `${name}: ${JSON.stringify(slice)}`);
    }
    if (/war/.test(text)) {
      const war = r.mentions.find((m) => m.kind === 'theme' && text.slice(m.start, m.end) === 'war');
      assert.ok(war, `${name}: "war" found at its place`);
    }
    assert.equal(nl.analyzeToJson(text, { detail: ['mentions'] }), JSON.stringify(r),
                 `${name}: analyzeToJson is the same report`);
  }
  const empty = nl.analyze(hostile.whitespace);
  assert.equal(empty.stats.words, 0);
  assert.equal(empty.primary_theme, undefined);
  assert.deepEqual(empty.top_level, []);
});

test('the same text gives byte-identical JSON on every call', async () => {
  const nl = await NewsLens.create();
  for (const text of [...Object.values(hostile), sample]) {
    const first = nl.analyzeToJson(text);
    for (let i = 0; i < 3; i++) assert.equal(nl.analyzeToJson(text), first);
  }
});

test('malformed dictionaries reject with file:line:column and leave the analyzer as it was', async () => {
  const nl = await NewsLens.create();
  const before = nl.analyzeToJson(sample);
  const themes = (terms) => `{"format":"newslens/themes@1","themes":[\n{"id":"beats","terms":[${terms}]}]}`;
  const cases = [
    ['deep.json', '{"format":"newslens/themes@1","x":' + '['.repeat(100000) + ']'.repeat(100000) + '}', /deep\.json:1:\d+: nested deeper than 64/],
    ['star.json', themes('"*"'), /star\.json:2:24: theme beats: term "\*": a wildcard needs a stem/],
    ['mid.json', themes('"a*b"'), /mid\.json:2:24: theme beats: term "a\*b": '\*' must end the term/],
    ['lead.dic', '%\n1\tA\n%\n*foo\t1\n', /lead\.dic:4:1: word "\*foo"/],
    ['dup.json', '{"format":"newslens/themes@1","themes":[\n{"id":"a"},\n{"id":"a"}]}', /dup\.json:3:7: duplicate theme id "a" \(first at 2:7\)/],
    ['dup.dic', '%\n1\tA\n1\tB\n%\n', /dup\.dic:3:1: duplicate category number "1"/],
  ];
  for (const [name, text, message] of cases) {
    await assert.rejects(NewsLens.create({ dictionaries: [{ name, text }] }), message, name);
    assert.equal(nl.analyzeToJson(sample), before, `${name}: the analyzer is unchanged`);
  }
});

test('lone surrogates become U+FFFD in place, with or without String.prototype.isWellFormed', async () => {
  // Emscripten's encoder would join a lone high surrogate with the next unit, swallowing it.
  const nl = await NewsLens.create();
  const text = 'war\uD800 peace \uDC00talks \uD83D\uDE00 \uDBFF';
  const expected = nl.analyzeToJson(text.replace(/\uD800|\uDC00|\uDBFF/g, '\uFFFD'));
  assert.equal(nl.analyzeToJson(text), expected);
  const { isWellFormed } = String.prototype;
  delete String.prototype.isWellFormed;
  try {
    assert.equal(nl.analyzeToJson(text), expected);
  } finally {
    String.prototype.isWellFormed = isWellFormed;  // eslint-disable-line no-extend-native
  }
  const r = nl.analyze(text, { detail: ['mentions'] });
  assert.deepEqual(r.mentions.filter((m) => m.kind === 'theme').map((m) => text.slice(m.start, m.end)),
                   ['war', 'peace', 'talks']);
});

// Issue 23: the module's limits are set by the worst text measured, short sentences that each
// name an organisation (docs/reliability.md): at each limit such a text returns a report (32 MiB
// of short sentences used to abort with RuntimeError: Aborted() and keep 2 GB), a 16 MB hyphen
// chain or sentence is refused with a RangeError before any work, and the module analyses an
// article correctly afterwards. About 1.6 GB of module memory.
test('the worst text at the module\'s limits: a report; 16 MB: a RangeError; then an article', async () => {
  const nl = await NewsLens.create();
  const article = 'China and Russia signed a trade deal in Moscow on Tuesday, officials said.';
  const expected = JSON.stringify(nl.analyze(article));
  const organisations = (bytes) => 'EU! '.repeat(bytes / 4);
  const plain = nl.analyze(organisations(12 * 1024 * 1024));
  assert.equal(plain.stats.sentences, 3 * 1024 * 1024);
  assert.equal(plain.entities[0].count, 3 * 1024 * 1024);
  const withMentions = nl.analyze(organisations(6 * 1024 * 1024), { detail: ['mentions'] });
  assert.ok(withMentions.mentions.length >= 1.5 * 1024 * 1024);
  const tooLarge = /^newslens: input too large: at least 16777216 bytes, the limit \(maxBytes\) is 12582912$/;
  assert.throws(() => nl.analyze('war-'.repeat(4 * 1024 * 1024)), (e) => e instanceof RangeError && tooLarge.test(e.message));
  const sentence = 'the ceasefire held and talks resumed in Geneva '.repeat(360000).slice(0, 16 * 1024 * 1024);
  assert.throws(() => nl.analyze(sentence), RangeError);
  // Half of each still gives a report.
  assert.ok(nl.analyze('war-'.repeat(2 * 1024 * 1024)).stats.sentences > 1);
  assert.ok(nl.analyze(sentence.slice(0, 8 * 1024 * 1024)).stats.words > 1400000);
  assert.equal(JSON.stringify(nl.analyze(article)), expected);
  const report = nl.analyze(article);
  assert.deepEqual(report.entities.map((e) => e.name).sort(), ['China', 'Moscow', 'Russia']);
  assert.equal(report.primary_theme, 'economy');
});
