#!/usr/bin/env node
// Which theme terms disagree with the desk that filed the story, and a random sample of theme
// hits for a hand audit.
//
//   node bench/themes-terms.mjs --mapping bench/mappings/bbc-news.json [--cli PATH]
//        [--disagree N] [--sample N --seed S] FILE.jsonl...
//
// Each FILE.jsonl is labelled news (the format bench/themes-eval.mjs reads: `text`, optional
// `title`, `label`); one --mapping per run, so run once per dataset. The analyzer is the native
// CLI (`analyze --jsonl`, with mentions), default build/newslens.
//
// --disagree N (default 60): the N terms, by the text they matched (lowercased), whose hits most
//   often fall in a top level that the document's label does not accept, while that top level is
//   the class of another label of the mapping (a "politics" hit in a sport story counts; a
//   "weather" hit in a sport story does not, since no desk files weather and the hit may be
//   right). Columns: hits, hits in documents of another desk, that share, the themes hit, and
//   the desks of the disagreeing documents. This is the audit list of docs/themes.md: terms
//   with many disagreeing hits are read in their sentences and fixed (a context requirement, a
//   lower weight, a move to the right theme, or removal).
// --sample N --seed S: N theme hits drawn uniformly (seeded, reproducible) from all hits of the
//   files, each as a Markdown row: document line, theme, matched text, its sentence, and an
//   empty column for the reviewer's right/wrong.
//
// The data is third-party: pass its path, never copy it into the repository.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node bench/themes-terms.mjs --mapping MAPPING.json [--cli PATH] ' +
  '[--disagree N] [--sample N --seed S] FILE.jsonl...';

function fail(message, code = 2) {
  process.stderr.write(`themes-terms: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const args = { files: [], disagree: 60, sample: 0, seed: 1, cli: join(ROOT, 'build', 'newslens') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : fail(`${a} needs a value`));
    if (a === '--mapping') args.mapping = value();
    else if (a === '--cli') args.cli = resolve(value());
    else if (a === '--disagree') args.disagree = Number(value());
    else if (a === '--sample') args.sample = Number(value());
    else if (a === '--seed') args.seed = Number(value());
    else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
    else args.files.push(a);
  }
  if (!args.mapping || !args.files.length) fail(USAGE);
  return args;
}

function loadMapping(path) {
  const m = JSON.parse(readFileSync(path, 'utf8'));
  const labels = new Map();
  for (const [label, target] of Object.entries(m.labels))
    labels.set(label.toLowerCase(), target === null ? [] : [].concat(target));
  const aliases = new Map(Object.entries(m.label_aliases ?? {}).map(([k, v]) => [k.toLowerCase(), String(v).toLowerCase()]));
  return { field: m.label_field ?? 'label', labels, aliases };
}

function readRecords(path, mapping) {
  const out = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let n = 0; n < lines.length; n++) {
    if (!lines[n].trim()) continue;
    const obj = JSON.parse(lines[n]);
    const label = String(obj[mapping.field] ?? '').toLowerCase();
    let text = String(obj.text ?? '');
    const title = typeof obj.title === 'string' ? obj.title.trim() : '';
    if (title && !text.trimStart().startsWith(title)) text = `${title}\n\n${text}`;
    out.push({ file: path.split('/').pop(), line: n + 1, text, label: mapping.aliases.get(label) ?? label });
  }
  return out;
}

async function analyze(cli, records) {
  if (!existsSync(cli)) fail(`${cli} is missing: build the CLI first`);
  // report@2 leaves mentions and sentence spans out unless asked for (--detail).
  const help = spawnSync(cli, ['--help'], { encoding: 'utf8' }).stdout ?? '';
  // report@1 carries every mention and sentence span; report@2 (the default) leaves them out.
  const flags = ['analyze', '--jsonl', ...(help.includes('--schema') ? ['--schema', '1'] :
    help.includes('--detail') ? ['--detail'] : [])];
  const child = spawn(cli, flags, { stdio: ['pipe', 'pipe', 'inherit'] });
  const reports = [];
  const done = new Promise((ok, bad) => {
    createInterface({ input: child.stdout, crlfDelay: Infinity })
      .on('line', (line) => reports.push(JSON.parse(line).report ?? {}));
    child.on('error', bad);
    child.on('close', ok);
  });
  for (let i = 0; i < records.length; i++) {
    if (!child.stdin.write(`${JSON.stringify({ id: String(i), text: records[i].text })}\n`))
      await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  await done;
  return reports;
}

// A small seeded generator (mulberry32) so a sample can be drawn again.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cell = (s) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const mapping = loadMapping(args.mapping);
  const classTops = new Set([...mapping.labels.values()].map((ids) => ids[0]?.split('.')[0]).filter(Boolean));
  const records = args.files.flatMap((f) => readRecords(f, mapping));
  const reports = await analyze(args.cli, records);
  const hits = [];
  const terms = new Map();
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    const rep = reports[i];
    const accepted = new Set((mapping.labels.get(rec.label) ?? []).map((id) => id.split('.')[0]));
    const sentences = rep.sentences ?? [];
    for (const m of rep.mentions ?? []) {
      if (m.kind !== 'theme') continue;
      const top = m.id.split('.')[0];
      const text = rec.text.slice(m.start, m.end);
      const s = sentences.find((x) => x.start <= m.start && m.end <= x.end);
      hits.push({ i, id: m.id, text, sentence: s ? rec.text.slice(s.start, s.end) : '' });
      const key = text.toLowerCase();
      const e = terms.get(key) ?? { hits: 0, against: 0, themes: new Map(), desks: new Map() };
      e.hits++;
      e.themes.set(m.id, (e.themes.get(m.id) ?? 0) + 1);
      if (accepted.size && !accepted.has(top) && classTops.has(top)) {
        e.against++;
        e.desks.set(rec.label, (e.desks.get(rec.label) ?? 0) + 1);
      }
      terms.set(key, e);
    }
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${v}`).join(', ');
  if (args.disagree > 0) {
    console.log(`\n### Terms whose hits most often disagree with the desk (${args.files.map((f) => f.split('/').pop()).join(', ')})\n`);
    console.log('| term | hits | against the desk | share | themes | desks of those documents |');
    console.log('|---|---:|---:|---:|---|---|');
    const list = [...terms].filter(([, e]) => e.against > 0)
      .sort((a, b) => b[1].against - a[1].against || a[0].localeCompare(b[0])).slice(0, args.disagree);
    for (const [k, e] of list)
      console.log(`| ${cell(k)} | ${e.hits} | ${e.against} | ${(e.against / e.hits).toFixed(2)} | ${top(e.themes, 3)} | ${top(e.desks, 3)} |`);
  }
  if (args.sample > 0) {
    const rnd = random(args.seed);
    const chosen = new Set();
    while (chosen.size < Math.min(args.sample, hits.length)) chosen.add(Math.floor(rnd() * hits.length));
    console.log(`\n### ${chosen.size} random theme hits (seed ${args.seed}) of ${hits.length}\n`);
    console.log('| # | document | theme | term | sentence | right? |');
    console.log('|---:|---|---|---|---|---|');
    let n = 0;
    for (const k of [...chosen].sort((a, b) => a - b)) {
      const h = hits[k];
      const rec = records[h.i];
      console.log(`| ${++n} | ${rec.file}:${rec.line} | ${h.id} | ${cell(h.text)} | ${cell(h.sentence).slice(0, 240)} | |`);
    }
  }
}

main().catch((e) => fail(e.stack ?? String(e), 1));
