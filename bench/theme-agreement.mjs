#!/usr/bin/env node
// How often two analyzers agree on an article's primary theme (and its top level): what a lighter
// analyzer (a pruned taxonomy, a widget edition) costs against the full one, article by article.
//
//   node bench/theme-agreement.mjs --base PATH [--base-arg ARG]... --cli PATH [--arg ARG]...
//        [--show N] FILE.jsonl...
//
// PATH is a native CLI (`analyze --jsonl`) or an assembled module (a .js file: build-wasm/newslens.js
// or build-wasm/newslens-widget.js, the widget edition, analyzed in this process with
// NewsLens.analyze() — what the page or the widget would report); --base-arg/--arg add options
// to a CLI side (e.g.
// `--base-arg=--dict --base-arg=data/themes/en.json --base-arg=--dict-only` for the full taxonomy
// as a custom dictionary). FILE.jsonl: `text` and optional `title` per line (the dev corpora's
// format). Prints, per file and in all: articles, primary-theme agreement, top-level agreement,
// articles where only one side has a theme, tone-label agreement (the default 'auto' lexicon reads
// each sentence's theme), and --show N disagreeing articles (their first 80 characters and both
// primary themes). The data is third-party: pass its path, never copy it in.
// --bar P prints whether the primary-theme agreement in all is at least P % (issue 19 asks 97 %
// of the widget edition against the full analyzer: docs/size.md, "The widget edition").
//
//   node bench/theme-agreement.mjs --base build/newslens --cli build-wasm/newslens-widget.js \
//        --bar 97 $DEV/{bbc-news-dev,ag-news-dev,reuters21578-modapte-train,...}.jsonl

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createReadStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const USAGE = 'usage: node bench/theme-agreement.mjs --base PATH [--base-arg ARG]... --cli PATH ' +
  '[--arg ARG]... [--show N] [--bar P] FILE.jsonl...';

function fail(message, code = 2) {
  process.stderr.write(`theme-agreement: ${message}\n`);
  process.exit(code);
}

const args = { files: [], baseArgs: [], args: [], show: 0 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  let a = argv[i];
  let v;
  if (a.startsWith('--') && a.includes('=')) [a, v] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
  const value = () => (v !== undefined ? v : i + 1 < argv.length ? argv[++i] : fail(`${a} needs a value`));
  if (a === '--base') args.base = resolve(value());
  else if (a === '--cli') args.cli = resolve(value());
  else if (a === '--base-arg') args.baseArgs.push(value());
  else if (a === '--arg') args.args.push(value());
  else if (a === '--show') args.show = Number(value());
  else if (a === '--bar') args.bar = Number(value());
  else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
  else args.files.push(resolve(a));
}
if (!args.base || !args.cli || !args.files.length) fail(USAGE);

// The articles of `file` as the CLI is given them: `text`, and `title` when the text does not start
// with it.
async function* articles(file) {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line);
    const rec = { id: ++n, text: doc.text };
    if (doc.title && !doc.text.startsWith(doc.title)) rec.title = doc.title;
    yield rec;
  }
}

const analyzers = new Map();  // module path -> Promise<NewsLens analyzer>
// The primary theme and tone label of every article of `file`, analyzed by the module at `path` in this process.
async function modulePrimaries(path, file) {
  if (!analyzers.has(path)) analyzers.set(path, createRequire(import.meta.url)(path).NewsLens.create());
  const analyzer = await analyzers.get(path);
  const out = [];
  for await (const rec of articles(file)) {
    // The CLI analyzes `text` only; a title is carried in the output (cli/stream.cc).
    const report = analyzer.analyze(rec.text);
    out.push({ primary: report.primary_theme || '', tone: report.tone.label });
  }
  return out;
}

// The primary theme ('' when none) and tone label of every article of `file`, in order.
async function primaries(cli, extra, file) {
  if (cli.endsWith('.js')) return modulePrimaries(cli, file);
  const proc = spawn(cli, ['analyze', '--jsonl', ...extra], { stdio: ['pipe', 'pipe', 'inherit'] });
  const out = [];
  const reading = (async () => {
    for await (const line of createInterface({ input: proc.stdout, crlfDelay: Infinity })) {
      const r = JSON.parse(line);
      if (r.error) fail(`${basename(file)}: ${r.error}`, 1);
      out.push({ primary: r.report.primary_theme || '', tone: r.report.tone.label });
    }
  })();
  for await (const rec of articles(file)) {
    if (!proc.stdin.write(JSON.stringify(rec) + '\n')) await new Promise((r) => proc.stdin.once('drain', r));
  }
  proc.stdin.end();
  const code = await new Promise((r) => proc.on('close', r));
  await reading;
  if (code !== 0) fail(`${cli} exited with ${code}`, 1);
  return out;
}

const texts = async (file) => {
  const t = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity }))
    if (line.trim()) t.push(JSON.parse(line).text);
  return t;
};
const top = (id) => id.split('.')[0];
const pct = (a, n) => (n ? (100 * a / n).toFixed(2) : '—');
const all = { n: 0, same: 0, sameTop: 0, oneSided: 0, sameTone: 0 };
const shown = [];
console.log(`| file | articles | primary agrees | top level agrees | a theme on one side only | tone label agrees |`);
console.log(`|---|---:|---:|---:|---:|---:|`);
for (const f of args.files) {
  const [ra, rb] = await Promise.all([primaries(args.base, args.baseArgs, f), primaries(args.cli, args.args, f)]);
  const a = ra.map((r) => r.primary);
  const b = rb.map((r) => r.primary);
  const s = { n: a.length, same: 0, sameTop: 0, oneSided: 0, sameTone: 0 };
  const t = args.show ? await texts(f) : [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) s.same++;
    else if (shown.length < args.show) shown.push(`${basename(f)}:${i + 1} ${a[i] || '(none)'} -> ${b[i] || '(none)'}: ${t[i].slice(0, 80).replace(/\s+/g, ' ')}`);
    if (top(a[i]) === top(b[i])) s.sameTop++;
    if (!a[i] !== !b[i]) s.oneSided++;
    if (ra[i].tone === rb[i].tone) s.sameTone++;
  }
  for (const k of Object.keys(all)) all[k] += s[k];
  console.log(`| ${basename(f)} | ${s.n} | ${pct(s.same, s.n)} % | ${pct(s.sameTop, s.n)} % | ${s.oneSided} | ${pct(s.sameTone, s.n)} % |`);
}
console.log(`| all | ${all.n} | ${pct(all.same, all.n)} % | ${pct(all.sameTop, all.n)} % | ${all.oneSided} | ${pct(all.sameTone, all.n)} % |`);
if (args.bar !== undefined) {
  const met = all.n && 100 * all.same / all.n >= args.bar;
  console.log(`\nprimary theme agrees on ${pct(all.same, all.n)} % of ${all.n} articles: ` +
              `bar >= ${args.bar} % ${met ? 'met' : 'NOT met'}`);
}
if (shown.length) console.log('\nDisagreements (base -> cli):\n' + shown.map((s) => `- ${s}`).join('\n'));
