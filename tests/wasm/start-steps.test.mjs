// NewsLens.create({pause}): the module's start-up in steps, the caller's `pause` awaited between
// them (the embed widget on a page's main thread: issue 19, no task over 50 ms; the steps are
// core/src/analyzer_build.h's). The analyzer built so gives the same reports as one built at once;
// a bad dictionary still fails with its name; the raw Session builds at once or step by step.
import assert from 'node:assert/strict';
import test from 'node:test';

import { loadNewsLens, sample } from './helpers.mjs';

const NewsLens = loadNewsLens();
// A custom dictionary, so that create() builds a session of its own (the default one is shared).
const desk = {
  name: 'desk.json',
  text: JSON.stringify({format: 'newslens/themes@1', themes: [
    {id: 'maritime', label: 'Maritime', terms: ['shipping lane*', 'port call', 'container ship']}]}),
};
const article = `${sample}\n\nContainer ships queued outside the port for days; two shipping lanes closed.`;

test('create({pause}) pauses between the steps and builds the same analyzer', async () => {
  let pauses = 0;
  const stepped = await NewsLens.create({dictionaries: [desk], pause: () => {
    pauses += 1;
    return new Promise((resolve) => setImmediate(resolve));
  }});
  const whole = await NewsLens.create({dictionaries: [desk]});
  // The packed dictionaries' parts, the taxonomy's slices, the tone lexicons, the actors'.
  assert.ok(pauses >= 12, `only ${pauses} pauses`);
  for (const options of [{}, {tone: 'news', detail: ['mentions', 'sentence_themes']}]) {
    assert.equal(stepped.analyzeToJson(article, options), whole.analyzeToJson(article, options));
  }
  assert.ok(stepped.analyze(article).themes.some((t) => t.id === 'maritime'));
  stepped.dispose();
  whole.dispose();
});

test('create({pause}) fails on a bad dictionary as create() does', async () => {
  const bad = {name: 'broken-desk.json', text: '{"format": "newslens/themes@1", "themes": [{"id": '};
  await assert.rejects(NewsLens.create({dictionaries: [bad], pause: () => undefined}),
                       /newslens: broken-desk\.json/);
  await assert.rejects(NewsLens.create({dictionaries: [bad]}), /newslens: broken-desk\.json/);
});

test('create({pause}) waits for each pause before the next step', async () => {
  // Each pause is released by hand; nothing may call pause again while one is pending.
  let pending = null;
  let calls = 0;
  const created = NewsLens.create({dictionaries: [desk], pause: () => {
    assert.equal(pending, null, 'pause called again before the last one resolved');
    calls += 1;
    return new Promise((resolve) => { pending = resolve; });
  }});
  let settled = false;
  created.then(() => { settled = true; }, () => { settled = true; });
  for (;;) {
    while (!pending && !settled) await new Promise((resolve) => setImmediate(resolve));
    if (settled) break;
    const before = calls;
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls, before, 'a step ran while the pause was pending');
    const release = pending;
    pending = null;
    release();
  }
  const analyzer = await created;
  assert.ok(calls >= 12, `only ${calls} pauses`);
  assert.ok(analyzer.analyze(article).themes.some((t) => t.id === 'maritime'));
  analyzer.dispose();
});

test('create({pause}) rejects with the pause\'s own error, and the module still builds', async () => {
  for (const failAt of [1, 5]) {
    let calls = 0;
    const failing = NewsLens.create({dictionaries: [desk], pause: () => {
      calls += 1;
      return calls === failAt ? Promise.reject(new Error('page unloading')) : undefined;
    }});
    await assert.rejects(failing, /page unloading/);
  }
  const throwing = NewsLens.create({dictionaries: [desk], pause: () => { throw new Error('no yield'); }});
  await assert.rejects(throwing, /no yield/);
  const next = await NewsLens.create({dictionaries: [desk], pause: () => undefined});
  assert.ok(next.analyze(article).themes.some((t) => t.id === 'maritime'));
  next.dispose();
});

test('a raw Session builds in one step() or in many', async () => {
  const module = await NewsLens.moduleFactory();
  const list = new module.DictionarySourceList();
  const atOnce = new module.Session(list, false, 0);
  let whole = 0;
  while (atOnce.step()) whole += 1;
  assert.equal(atOnce.error(), '');
  assert.equal(atOnce.step(), false, 'nothing is left to build');
  const inSteps = new module.Session(list, false, 2000);
  list.delete();
  // Not built yet: an analysis is refused with a clear error, not a crash.
  assert.equal(inSteps.analyze(0, 0, 1024), -1);
  assert.match(inSteps.lastError(), /not built yet/);
  let steps = 0;
  while (inSteps.step()) steps += 1;
  assert.ok(steps >= whole + 6, `${steps} steps, ${whole} in one`);
  assert.equal(inSteps.error(), '');
  atOnce.delete();
  inSteps.delete();
});
