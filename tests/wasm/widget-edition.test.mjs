// The widget edition of the module (build-wasm/newslens-widget.js, bundled as the embed widget's
// dist/newslens-analyzer.js; docs/size.md, "The widget edition") beside the full one, under node:
// it says which it is, refuses custom dictionaries clearly, and differs from the full edition only
// where its compact taxonomy can reach. Its agreement with the full analyzer over the dev corpora
// is bench/theme-agreement.mjs's (the data is not the repository's); its loading under the CSP,
// over http and from file://, is tests/web/embed.test.mjs's.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { validateReport2 } from './report-schema.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const WIDGET = join(root, 'build-wasm/newslens-widget.js');
const FULL = join(root, 'build-wasm/newslens.js');
assert.ok(existsSync(WIDGET), `${WIDGET} is missing: run \`make wasm\` first`);
const Widget = require(WIDGET).NewsLens;
const Full = require(FULL).NewsLens;
const sample = readFileSync(join(root, 'data/samples/china-russia-letter.txt'), 'utf8');

test('each module says which edition it is', () => {
  assert.equal(Widget.edition, 'widget');
  assert.equal(Full.edition, 'full');
  assert.equal(Widget.version, Full.version);
});

test('the widget edition refuses a custom dictionary, naming the full edition; the full one takes it', async () => {
  const dic = { name: 'hedges.dic', text: '%\n1\tHedges\n%\nkind of\t1\nmaybe\t1\n' };
  await assert.rejects(Widget.create({ dictionaries: [dic] }),
                       /hedges\.dic: this is the widget edition of newslens, which has no custom dictionaries \(use newslens\.js, the full edition\)/);
  const full = await Full.create({ dictionaries: [dic] });
  assert.ok(full.analyze('Maybe it is kind of late.').themes.some((t) => t.id === 'hedges'));
  // The refusal leaves the widget's default analyzer working.
  assert.equal((await Widget.create()).analyze(sample).schema, 'newslens/report@2');
});

test('a valid report@2 that differs from the full edition\'s only where the themes reach', async () => {
  const widget = await Widget.create();
  const full = await Full.create();
  const texts = [
    sample,
    'The central bank raised interest rates on Tuesday, and shares in London fell sharply.',
    'Arsenal beat Chelsea 2-1 at the Emirates; Mikel Arteta praised his young defenders.',
    '',
  ];
  for (const text of texts) {
    const w = validateReport2(widget.analyze(text, { detail: ['mentions'] }));
    const f = full.analyze(text, { detail: ['mentions'] });
    // The text, its sentences and its actors are read the same way: the same words, sentences,
    // names and counts. Tone, under the default 'auto' lexicon, reads each sentence's theme (the
    // finance lexicon for business sentences), so its figures may move with the taxonomy.
    assert.deepEqual(w.stats, f.stats);
    assert.deepEqual(w.sentences.map((s) => [s[0], s[1]]), f.sentences.map((s) => [s[0], s[1]]));
    assert.deepEqual(w.entities.map((e) => [e.name, e.type, e.count]),
                     f.entities.map((e) => [e.name, e.type, e.count]));
  }
  // On the reviewed sample the lead theme is the same.
  assert.equal(widget.analyze(sample).primary_theme, full.analyze(sample).primary_theme);
});

test('the widget edition has no JSON report writer: analyzeToJson names the full edition, analyze works', async () => {
  const widget = await Widget.create();
  const json = widget.analyzeToJson(sample);
  assert.throws(() => JSON.parse(json));
  assert.match(json, /widget edition, which writes no JSON report \(use newslens\.js, the full edition\)/);
  assert.equal(widget.analyze(sample).primary_theme, JSON.parse((await Full.create()).analyzeToJson(sample)).primary_theme);
});
