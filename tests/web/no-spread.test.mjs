// No spread of a list into a call's arguments in the page's or the widget's code (issue 23): a
// spread passes each item as one argument, and past about 100,000 of them — the highlights of a
// 5 MB article, the repeated paragraphs of a long file — Chromium throws "Maximum call stack
// size exceeded". Lists go in with a loop, dom.js appendAll() or reduce() instead. The behaviour
// itself is tested in Chromium (tests/web/limits.test.mjs, a 5 MB file opened as a reader would).
//
//   node --test tests/web/no-spread.test.mjs

import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';

import {root} from './harness.mjs';

/** Calls that take any number of arguments, written with a spread. */
const SPREAD_CALL = new RegExp([
  String.raw`\.(?:push|unshift|append|prepend|replaceChildren|splice|concat|add)\(\s*\.\.\.`,
  String.raw`\bMath\.(?:max|min|hypot)\([^)]*\.\.\.`,
  String.raw`\bString\.from(?:CharCode|CodePoint)\(\s*\.\.\.`,
  String.raw`\.apply\(`,
].join('|'));

for (const dir of ['web/src', 'web/embed']) {
  test(`${dir}: no list spread into a call`, () => {
    const found = [];
    for (const name of readdirSync(join(root, dir)).filter((f) => f.endsWith('.js'))) {
      readFileSync(join(root, dir, name), 'utf8').split('\n').forEach((line, i) => {
        if (!/^\s*(\/\/|\*)/.test(line) && SPREAD_CALL.test(line)) found.push(`${dir}/${name}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, []);
  });
}
