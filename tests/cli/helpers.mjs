// Shared by the CLI tests: running the native CLI, generated corpora, output parsing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cliPath, sample } from '../wasm/helpers.mjs';

export { cliPath, root, sample } from '../wasm/helpers.mjs';

// Runs the CLI with `input` on stdin; never throws on a non-zero exit.
export function run(args, input, env) {
  return spawnSync(cliPath, args, {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: env ? { ...process.env, ...env } : process.env,
  });
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'newslens-cli-'));

export const parseLines = (stdout) =>
  stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

// Sentences with themes, tone and actors: the sample's, plus a few with a clear tone.
const sentences = [
  ...sample.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20),
  'Shelling killed at least 12 people in Kharkiv, Ukrainian officials said.',
  'Shares in Nokia fell 4.5% after the company cut its outlook.',
  'The central bank raised interest rates to fight inflation.',
  'The team won the championship in a thrilling final.',
  'Floods destroyed hundreds of homes and the government declared an emergency.',
  'Scientists welcomed the new vaccine as a remarkable success.',
];

// `n` articles of very different lengths (1 to ~60 sentences), so that under threads later
// articles often finish before earlier ones. Deterministic.
export function generateArticles(n) {
  const articles = [];
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  for (let i = 0; i < n; i++) {
    const count = i % 7 === 0 ? 40 + (next() % 20) : 1 + (next() % 6);
    const parts = [];
    for (let k = 0; k < count; k++) parts.push(sentences[next() % sentences.length]);
    articles.push({ id: `a${i}`, text: parts.join(separator(i)) });
  }
  return articles;
}
// Sentence separators vary: same line, new line, new paragraph.
const separator = (i) => [' ', '\n', '\n\n'][i % 3];

export const toJsonl = (articles) => articles.map((a) => JSON.stringify(a)).join('\n') + '\n';
