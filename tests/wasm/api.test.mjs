// The JS API of the wasm build, under node.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadNewsLens, sample } from './helpers.mjs';
import { validateReport2 } from './report-schema.mjs';

const NewsLens = loadNewsLens();

test('create() is memoised and analyze() returns a report@2', async () => {
  const a = await NewsLens.create();
  const b = await NewsLens.create();
  assert.equal(a, b);
  const r = validateReport2(a.analyze(sample));
  assert.equal(r.schema, 'newslens/report@2');
  assert.equal(r.primary_theme, 'politics');
  assert.equal(r.tone.label, 'positive');
  assert.ok(r.stats.words > 1500);
  assert.equal(typeof NewsLens.version, 'string');
});

test('offsets are UTF-16 indices: slices give the words, across emoji and accents', async () => {
  const nl = await NewsLens.create();
  const text = '😀 Café owners in Moscow 🎉 welcome the excellent trade deal.';
  const r = nl.analyze(text, { detail: ['mentions'] });
  const words = r.mentions.map((m) => text.slice(m.start, m.end));
  assert.ok(words.includes('excellent'), words.join('|'));
  assert.ok(words.includes('Moscow'), words.join('|'));
  assert.ok(words.some((w) => /^trade( deal)?$/.test(w)), words.join('|'));
  // The same mentions in UTF-8 byte offsets slice the same words out of the bytes.
  const bytes = nl.analyze(text, { offsets: 'utf8', detail: ['mentions'] });
  const buf = Buffer.from(text, 'utf8');
  assert.equal(bytes.mentions.length, r.mentions.length);
  bytes.mentions.forEach((m, i) => {
    assert.equal(buf.subarray(m.start, m.end).toString(), words[i]);
  });
});

test('lone surrogates and control characters neither crash nor shift offsets', async () => {
  const nl = await NewsLens.create();
  const text = 'bad \uD800 half \u0000 then good news.';
  const r = nl.analyze(text, { detail: ['mentions'] });
  const words = r.mentions.map((m) => text.slice(m.start, m.end));
  assert.ok(words.includes('good'), words.join('|'));
  for (const w of words) assert.match(w, /^[a-z]+$/);
});

test('bad arguments throw clear errors', async () => {
  const nl = await NewsLens.create();
  assert.throws(() => nl.analyze(42), TypeError);
  assert.throws(() => nl.analyze('x', { tone: 'sports' }), /tone must be one of/);
  assert.throws(() => nl.analyze('x', { offsets: 'bytes' }), /offsets must be/);
});

test('custom dictionaries: newslens JSON and LIWC .dic, added or replacing', async () => {
  const themes = JSON.stringify({
    format: 'newslens/themes@1',
    themes: [{ id: 'friendship', label: 'Friendship', terms: ['friend*', 'neighbo*'] }],
  });
  const nl = await NewsLens.create({ dictionaries: [{ name: 'mine.json', text: themes }] });
  const r = nl.analyze(sample);
  assert.ok(r.themes.some((t) => t.id === 'friendship' && t.count >= 3));
  assert.equal(r.primary_theme, 'politics');  // built-ins still there
  nl.dispose();

  const only = await NewsLens.create({
    dictionaries: [{ name: 'mine.dic', text: '%\n1\tFriendship\n%\nfriend*\t1\n' }],
    replaceDefaultThemes: true,
  });
  const r2 = only.analyze(sample);
  assert.deepEqual(r2.top_level.map((t) => t.id), ['friendship']);
  only.dispose();
});

test('a malformed dictionary rejects with its name, line and column', async () => {
  await assert.rejects(
    NewsLens.create({ dictionaries: [{ name: 'broken.json', text: '{\n  "format": "newslens/themes@1",\n  "themes": [,]\n}' }] }),
    /broken\.json:3:\d+: /,
  );
  await assert.rejects(
    NewsLens.create({ dictionaries: [{ name: 'x.dic', text: '%\n1\tA\n%\nword\t9\n' }] }),
    /x\.dic:4:1: unknown category "9"/,
  );
  // The default analyzer still works afterwards.
  const nl = await NewsLens.create();
  assert.equal(nl.analyze('Good trade news.').tone.label, 'positive');
});

test('empty and huge inputs', async () => {
  const nl = await NewsLens.create();
  const empty = nl.analyze('');
  assert.equal(empty.stats.words, 0);
  assert.equal(empty.primary_theme, undefined);
  const big = (sample + '\n\n').repeat(200);  // ~2.4 MB
  const r = nl.analyze(big, { mentions: false, detail: ['mentions'] });
  assert.equal(r.mentions.length, 0);
  assert.equal(nl.analyze(big).mentions, undefined);
  assert.equal(r.stats.paragraphs, 26 * 200);
});

test('fields: only the parts asked for, the same values as a full report', async () => {
  const nl = await NewsLens.create();
  const detail = ['mentions', 'sentence_themes'];
  const full = nl.analyze(sample, { detail });
  const tone = nl.analyze(sample, { fields: ['tone'], detail });
  assert.deepEqual(tone.tone, full.tone);
  assert.deepEqual(tone.stats, full.stats);
  assert.equal(tone.primary_theme, undefined);
  for (const key of ['top_level', 'themes', 'entities', 'co_mentions', 'sentences', 'mentions']) {
    assert.deepEqual(tone[key], [], key);
  }
  const themes = nl.analyze(sample, { fields: ['themes', 'sentences'], detail });
  assert.deepEqual(themes.themes, full.themes);
  assert.deepEqual(themes.sentences, full.sentences);
  assert.deepEqual(themes.entities, []);
  const actors = nl.analyze(sample, { fields: ['entities', 'mentions'], detail });
  assert.deepEqual(actors.entities, full.entities);
  assert.ok(actors.mentions.length > 0);
  assert.ok(actors.mentions.every((m) => m.kind !== 'theme'));
  assert.deepEqual(JSON.parse(nl.analyzeToJson(sample, { fields: ['tone'], detail })), tone);
  assert.throws(() => nl.analyze(sample, { fields: ['tone', 'topics'] }), RangeError);
  assert.throws(() => nl.analyze(sample, { fields: 'tone' }), TypeError);
});

test('report@2: details when asked for, report@1 on request, the same values where they overlap', async () => {
  const nl = await NewsLens.create();
  const lean = validateReport2(nl.analyze(sample));
  assert.equal(lean.mentions, undefined);
  assert.equal(lean.sentence_themes, undefined);
  assert.ok(lean.themes.every((t) => t.sentences === undefined));
  // The default tone is auto: each sentence names the lexicon that scored it.
  assert.equal(lean.tone.lexicon, 'auto');
  assert.ok(lean.sentences.every((s) => s.length === 4 && s[0] <= s[1] && Math.abs(s[2]) <= 1 &&
                                        ['news', 'finance'].includes(s[3])));
  const counts = lean.tone.lexicon_sentences;
  assert.equal(counts.news, lean.sentences.filter((s) => s[3] === 'news').length);
  assert.equal(counts.finance, lean.sentences.filter((s) => s[3] === 'finance').length);
  assert.ok(counts.news > 0 && counts.finance > 0, JSON.stringify(counts));
  const forced = validateReport2(nl.analyze(sample, { tone: 'news' }));
  assert.equal(forced.tone.lexicon, 'news');
  assert.deepEqual(forced.tone.lexicon_sentences, { news: forced.sentences.length, finance: 0, general: 0 });
  assert.ok(forced.sentences.every((s) => s.length === 3));
  assert.ok(lean.entities.every((e) => e.salience >= 0 && e.salience <= 1));
  const full = validateReport2(nl.analyze(sample, { detail: ['mentions', 'sentence_themes'] }));
  const one = nl.analyze(sample, { schema: 1 });
  assert.equal(one.schema, 'newslens/report@1');
  for (const key of ['stats', 'primary_theme', 'top_level', 'themes', 'co_mentions', 'mentions']) {
    assert.deepEqual(full[key], one[key], key);
  }
  const { lexicon, lexicon_sentences: bySentences, ...tone2 } = full.tone;
  assert.deepEqual(tone2, one.tone);
  assert.deepEqual(full.entities.map(({ salience, ...rest }) => rest), one.entities);
  assert.deepEqual(full.sentences.map((s) => s.slice(0, 3)), one.sentences.map((s) => [s.start, s.end, s.compound]));
  assert.deepEqual(full.sentence_themes, one.sentences.map((s) => s.themes));
  // The default report leaves the per-word lists out: at most twice the article's size.
  const size = Buffer.byteLength(nl.analyzeToJson(sample));
  assert.ok(size <= 2 * Buffer.byteLength(sample), `${size} bytes for a ${sample.length}-character article`);
  assert.throws(() => nl.analyze('x', { schema: 3 }), /schema must be 1/);
  assert.throws(() => nl.analyze('x', { detail: ['words'] }), /unknown detail "words"/);
  assert.throws(() => nl.analyze('x', { detail: 'mentions' }), TypeError);
});

test('NewsLens.toneLabel is the core\'s label rule, usable before the module loads', async () => {
  // The facade's synchronous copy against the module's own ToneLabel over a grid.
  assert.equal(NewsLens.toneLabel(0.06), 'neutral');  // the "Mostly positive" at +0.06
  assert.equal(NewsLens.toneLabel(-0.3, 0.2, 0.05), 'neutral');  // the numbers disagree
  assert.equal(NewsLens.toneLabel(0.3), 'positive');
  const module = (await NewsLens.create())._module;
  assert.equal(NewsLens.toneNeutralBand, module.toneNeutralBand());
  const band = NewsLens.toneNeutralBand;
  const compounds = [-1, -0.5, -band - 1e-9, -band, -band + 1e-9, -0.05, 0, 0.05, band - 1e-9, band, band + 1e-9, 0.5, 1];
  const shares = [0, 0.05, 0.1, 0.3];
  for (const c of compounds) {
    assert.equal(NewsLens.toneLabel(c), module.toneLabel(c, 0, 0), `${c}`);
    for (const p of shares) {
      for (const n of shares) assert.equal(NewsLens.toneLabel(c, p, n), module.toneLabel(c, p, n), `${c} ${p} ${n}`);
    }
  }
  // The report's label is the same rule.
  const r = (await NewsLens.create()).analyze('The talks were a great success and both sides welcomed the deal.');
  assert.equal(r.tone.label, NewsLens.toneLabel(r.tone.compound, r.tone.positive, r.tone.negative));
});

test('every report@2 of varied text and options is valid against docs/report.schema.json', async () => {
  const nl = await NewsLens.create();
  const texts = [sample, '', 'Good.', 'NOT BAD!!! :) The \u201cdeal\u201d was hardly a success, but Mr. Smith met the UN in Paris.',
                 sample.slice(0, 2000) + '\n\n- a bullet\n- another'];
  for (const text of texts) {
    for (const detail of [[], ['mentions'], ['sentence_themes'], ['mentions', 'sentence_themes']]) {
      for (const fields of [undefined, ['tone'], ['themes'], ['entities', 'mentions']]) {
        for (const offsets of ['utf16', 'utf8']) {
          const options = { detail, fields, offsets, tone: offsets === 'utf8' ? 'finance' : 'auto' };
          validateReport2(nl.analyze(text, options), JSON.stringify({ ...options, text: text.slice(0, 20) }));
        }
      }
    }
  }
});

test('one script: the wasm and the dictionaries inside; a damaged copy fails clearly', async () => {
  const { readFileSync, writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { modulePath } = await import('./helpers.mjs');
  const source = readFileSync(modulePath, 'utf8');
  // wasm/assemble.mjs put the wasm bytes and the packed dictionaries in as string literals (the
  // dictionaries as a template literal: their TABs and line breaks as themselves).
  // (assert.ok, not assert.match: a failure would print the whole megabyte script)
  assert.ok(/var newslensWasmText = "[^"]{100000,}";/.test(source), 'the wasm text is in the script');
  assert.ok(/var newslensDictionaries = `newslens\/packed@2\n/.test(source), 'the dictionaries too');
  assert.ok(!/@NEWSLENS_[A-Z_]+@/.test(source), 'a placeholder was left in the script');
  assert.ok(!/base64,[A-Za-z0-9+/]/.test(source), 'a base64 data: URL is in the script');
  assert.ok(!/[^\x00-\x7f]/.test(source), 'the script is ASCII, so any page charset reads it');
  // The factory supplies the wasm bytes and the dictionaries to a fresh instance by itself.
  const module = await NewsLens.moduleFactory();
  const list = new module.DictionarySourceList();
  const session = new module.Session(list, false, 0);  // 0: the whole analyzer in one step()
  list.delete();
  while (session.step()) { /* built */ }
  assert.equal(session.error(), '');
  session.delete();
  // One character of the wasm text dropped: the size check catches it before instantiation.
  const dir = mkdtempSync(join(tmpdir(), 'newslens-damaged-'));
  try {
    const damaged = join(dir, 'newslens.js');
    writeFileSync(damaged, source.replace(/(var newslensWasmText = ")(.)/, '$1'));
    const broken = createRequire(import.meta.url)(damaged).NewsLens;
    await assert.rejects(broken.create(), /could not load the WebAssembly module: the wasm bytes in the script are damaged/);
    // Damaged dictionaries: the analyzer is not built, and the error says why.
    const wrongPath = join(dir, 'newslens-wrong.js');  // another path: require() caches by path
    writeFileSync(wrongPath, source.replace('newslens/packed@2\n', 'newslens/packed@0\n'));
    const wrong = createRequire(import.meta.url)(wrongPath).NewsLens;
    await assert.rejects(wrong.create(), /packed dictionaries: line 1: expected newslens\/packed@2/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
