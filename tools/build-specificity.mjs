#!/usr/bin/env node
// Builds data/themes/specificity-en.json: how specific each one-word term of the theme taxonomy
// is, from word statistics (document frequencies) over news corpora. No label is read: a word
// that turns up in a large share of all news articles ("government", "market", "said") tells
// little about what one article is about, whatever its desk (docs/themes.md, "Specificity").
//
//   node tools/build-specificity.mjs --cli build/newslens CORPUS.jsonl...
//
// Each CORPUS.jsonl holds news articles (`text`, optional `title`); the dev corpora were
// ../shared/dev-data/{bbc-news-dev,ag-news-dev,reuters21578-modapte-train,conll2003-dev}.jsonl.
// They are third-party: pass their paths, never copy them into the repository; only the
// per-term figures below are committed.
//
// How: every one-word term and wildcard of data/themes/en.json becomes a theme of its own in a
// throwaway dictionary, and the analyzer (`analyze --jsonl --summary --dict-only`) counts, per
// corpus, the articles in which each one matches, with the analyzer's own matching (stemming,
// capitals, wildcards). A term's document frequency df is the mean over the corpora of the share
// of articles it matches in (each corpus weighs the same, however many articles it has), and its
// specificity is
//
//   s = clamp(ln(1 / df) / ln(1 / DF_SPECIFIC), S_MIN, 1)
//
// so a word found in at most DF_SPECIFIC of articles keeps its weight and a more common word
// weighs less, in proportion to its inverse document frequency (Sparck Jones 1972). Multi-word
// phrases are left at 1: a phrase is specific by construction. The analyzer multiplies each
// built-in term's weight by its specificity when the taxonomy is loaded (core/src/builtin.cc).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// A word in at most 1 % of news articles is as specific as a term gets (s = 1): the document
// share at which a word stops being everyday news vocabulary. An article of ~400 words (BBC)
// meets ~100 such words, so they still separate subjects.
const DF_SPECIFIC = 0.05;
// The floor: even the commonest term ("said"-like frequencies) keeps a tenth of its weight, so
// no hit disappears from the explanation.
const S_MIN = 0.1;
const OUT = join(ROOT, 'data/themes/specificity-en.json');

function fail(message) {
  process.stderr.write(`build-specificity: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let cli = join(ROOT, 'build', 'newslens');
const corpora = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--cli') cli = resolve(args[++i] ?? fail('--cli needs a path'));
  else corpora.push(args[i]);
}
if (!corpora.length) fail('usage: node tools/build-specificity.mjs [--cli PATH] CORPUS.jsonl...');

const taxonomy = JSON.parse(readFileSync(join(ROOT, 'data/themes/en.json'), 'utf8'));
const words = [...new Set(taxonomy.themes.flatMap((t) => (t.terms ?? []).map((x) => (typeof x === 'string' ? x : x.term)))
  .filter((w) => !w.trim().includes(' ')))].sort();
const dir = mkdtempSync(join(tmpdir(), 'newslens-specificity-'));
const dictPath = join(dir, 'words.json');
writeFileSync(dictPath, JSON.stringify({
  format: 'newslens/themes@1',
  // Each word a sub-theme of one parent: the summary lists every sub-theme that matched, while
  // its top_level leaves out weak themes (a word named in one sentence beside many others).
  themes: [{ id: 'w', label: 'words' },
    ...words.map((w, i) => ({ id: `w.t${i}`, parent: 'w', label: w, terms: [w] }))],
}));

async function documentFrequencies(path) {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
  const child = spawn(cli, ['analyze', '--jsonl', '--summary', '--dict-only', '--dict', dictPath],
    { stdio: ['pipe', 'pipe', 'inherit'] });
  const df = new Map();
  let n = 0;
  const done = new Promise((ok, bad) => {
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const out = JSON.parse(line);
      n++;
      for (const t of out.themes ?? []) {
        const id = t.id.slice(2);  // "w.t12" -> "t12"
        df.set(id, (df.get(id) ?? 0) + 1);
      }
    });
    child.on('error', bad);
    child.on('close', ok);
  });
  for (const line of lines) {
    const obj = JSON.parse(line);
    let text = String(obj.text ?? '');
    if (typeof obj.title === 'string' && !text.startsWith(obj.title)) text = `${obj.title}\n\n${text}`;
    if (!child.stdin.write(`${JSON.stringify({ id: null, text })}\n`))
      await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  await done;
  if (n !== lines.length) fail(`${path}: ${n} reports for ${lines.length} articles`);
  return { name: basename(path), documents: n, df };
}

const stats = [];
for (const c of corpora) stats.push(await documentFrequencies(c));
rmSync(dir, { recursive: true, force: true });

const terms = {};
let lowered = 0;
for (let i = 0; i < words.length; i++) {
  const share = stats.reduce((s, c) => s + (c.df.get(`t${i}`) ?? 0) / c.documents, 0) / stats.length;
  if (share <= DF_SPECIFIC) continue;
  const s = Math.max(S_MIN, Math.min(1, Math.log(1 / share) / Math.log(1 / DF_SPECIFIC)));
  const rounded = Math.round(s * 100) / 100;
  if (rounded >= 1) continue;
  terms[words[i]] = rounded;
  lowered++;
}
const out = {
  generated: 'GENERATED BY tools/build-specificity.mjs; DO NOT EDIT',
  format: 'newslens/term-specificity@1',
  source: 'document frequencies of the taxonomy\'s one-word terms over news corpora (no labels read)',
  corpora: stats.map((c) => ({ name: c.name, documents: c.documents })),
  constants: { DF_SPECIFIC, S_MIN },
  notes: 'specificity = clamp(ln(1/df) / ln(1/DF_SPECIFIC), S_MIN, 1), df the mean share of articles a term matches in over the corpora; terms not listed are 1. Multiplies the term\'s weight in data/themes/en.json (every theme listing it) when the built-in taxonomy is loaded.',
  terms,
};
// One key per line, the terms one per line: diffs show what a corpus change moved.
const head = Object.entries(out).filter(([k]) => k !== 'terms')
  .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
const body = Object.entries(terms).map(([k, v]) => `    ${JSON.stringify(k)}: ${v}`);
writeFileSync(OUT, `{\n${head.join('\n')}\n  "terms": {\n${body.join(',\n')}\n  }\n}\n`);
console.log(`build-specificity: ${lowered} of ${words.length} one-word terms weigh less than 1; wrote ${OUT}`);
