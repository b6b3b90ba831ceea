// The widget's check of a report before it draws a card (web/embed/render.js unreadable()): a
// report the module made passes; one with a field the card reads missing or of the wrong type —
// what a host page that replaced JSON.parse or TextDecoder would hand it — is named, so the
// widget fails with newslens-error instead of drawing "undefined" (tests/web/embed.test.mjs has
// the same in Chromium).
//
//   node --test tests/web/embed-report.test.mjs      (after `make wasm`)

import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {before, test} from 'node:test';

import {unreadable} from '../../web/embed/render.js';
import {root} from './harness.mjs';

const WASM_JS = join(root, 'build-wasm/newslens.js');
let report;

before(async () => {
  assert.ok(existsSync(WASM_JS), `${WASM_JS} is missing: run \`make wasm\` first`);
  const {NewsLens} = createRequire(import.meta.url)(WASM_JS);
  const nl = await NewsLens.create();
  report = nl.analyze('Rescue crews reached the flooded villages of Kenya on Friday. The United Nations ' +
                      'praised their courage, but aid groups warned that disease could spread in the camps.');
});

test('a report the module made can be drawn', () => {
  assert.equal(unreadable(report), null);
  assert.ok(report.top_level.length && report.entities.length && report.sentences.length);
});

/** [what the host broke, how, the problem named] */
const BROKEN = [
  ['nothing at all', () => undefined, 'not an object'],
  ['an empty object (a JSON.parse that returns {})', () => ({}), 'no word and sentence counts'],
  ['the word count', (r) => ({...r, stats: {...r.stats, words: undefined}}), 'no word and sentence counts'],
  ['the tone label', (r) => ({...r, tone: {...r.tone, label: undefined}}), 'no tone label'],
  ['a tone label that names Object.prototype', (r) => ({...r, tone: {...r.tone, label: 'constructor'}}), 'no tone label'],
  ['the compound as a string', (r) => ({...r, tone: {...r.tone, compound: '0.4'}}), 'no tone.compound'],
  ['a NaN share', (r) => ({...r, top_level: [{...r.top_level[0], share: NaN}]}), 'a theme without its id, label or share'],
  ['the themes list', (r) => ({...r, themes: null}), 'no themes list'],
  ['an actor\'s name', (r) => ({...r, entities: [{...r.entities[0], name: undefined}]}), 'an actor without its name or count'],
  ['a sentence\'s offsets', (r) => ({...r, sentences: [[0, undefined, 0.1]]}), 'a sentence without its offsets and tone'],
];
for (const [what, breakIt, problem] of BROKEN) {
  test(`refused: ${what}`, () => assert.equal(unreadable(breakIt(report)), problem));
}
