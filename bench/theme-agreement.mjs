#!/usr/bin/env node
// How often two analyzers agree on an article's primary theme (and its top level): what a lighter
// analyzer (a pruned taxonomy, a widget edition) costs against the full one, article by article.
//
//   node bench/theme-agreement.mjs --base PATH [--base-arg ARG]... --cli PATH [--arg ARG]...
//        [--show N] FILE.jsonl...
//
// PATH is a native CLI (`analyze --jsonl`); --base-arg/--arg add options to one side (e.g.
// `--base-arg=--dict --base-arg=data/themes/en.json --base-arg=--dict-only` for the full taxonomy
// as a custom dictionary). FILE.jsonl: `text` and optional `title` per line (the dev corpora's
// format). Prints, per file and in all: articles, primary-theme agreement, top-level agreement,
// articles where only one side has a theme, and --show N disagreeing articles (their first 80
// characters and both primary themes). The data is third-party: pass its path, never copy it in.

import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const USAGE = 'usage: node bench/theme-agreement.mjs --base PATH [--base-arg ARG]... --cli PATH ' +
  '[--arg ARG]... [--show N] FILE.jsonl...';

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
  else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
  else args.files.push(resolve(a));
}
if (!args.base || !args.cli || !args.files.length) fail(USAGE);

// The primary theme of every article of `file`, in order ('' when none).
async function primaries(cli, extra, file) {
  const proc = spawn(cli, ['analyze', '--jsonl', ...extra], { stdio: ['pipe', 'pipe', 'inherit'] });
  const out = [];
  const reading = (async () => {
    for await (const line of createInterface({ input: proc.stdout, crlfDelay: Infinity })) {
      const r = JSON.parse(line);
      if (r.error) fail(`${basename(file)}: ${r.error}`, 1);
      out.push(r.report.primary_theme || '');
    }
  })();
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line);
    const rec = { id: ++n, text: doc.text };
    if (doc.title && !doc.text.startsWith(doc.title)) rec.title = doc.title;
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
const all = { n: 0, same: 0, sameTop: 0, oneSided: 0 };
const shown = [];
console.log(`| file | articles | primary agrees | top level agrees | a theme on one side only |`);
console.log(`|---|---:|---:|---:|---:|`);
for (const f of args.files) {
  const [a, b] = await Promise.all([primaries(args.base, args.baseArgs, f), primaries(args.cli, args.args, f)]);
  const s = { n: a.length, same: 0, sameTop: 0, oneSided: 0 };
  const t = args.show ? await texts(f) : [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) s.same++;
    else if (shown.length < args.show) shown.push(`${basename(f)}:${i + 1} ${a[i] || '(none)'} -> ${b[i] || '(none)'}: ${t[i].slice(0, 80).replace(/\s+/g, ' ')}`);
    if (top(a[i]) === top(b[i])) s.sameTop++;
    if (!a[i] !== !b[i]) s.oneSided++;
  }
  for (const k of Object.keys(all)) all[k] += s[k];
  console.log(`| ${basename(f)} | ${s.n} | ${pct(s.same, s.n)} % | ${pct(s.sameTop, s.n)} % | ${s.oneSided} |`);
}
console.log(`| all | ${all.n} | ${pct(all.same, all.n)} % | ${pct(all.sameTop, all.n)} % | ${all.oneSided} |`);
if (shown.length) console.log('\nDisagreements (base -> cli):\n' + shown.map((s) => `- ${s}`).join('\n'));
