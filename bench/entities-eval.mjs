#!/usr/bin/env node
// Country detection accuracy of newslens against hand labels.
//
//   node bench/entities-eval.mjs [--labels bench/entities-labels.jsonl] [--split all|tune|check]
//                                [--errors] DEV_DATA_DIR
//
// Each line of the labels file names one sentence of a third-party dev file by reference only
// — {"file", "line" (1-based JSONL line), "start", "end" (JS string indices into its "text"),
// "sha1" (first 12 hex digits of the SHA-1 of the sentence's UTF-8, to detect a changed file),
// "split", "countries" (ISO 3166-1 alpha-2 codes, hand-labelled)} — so no dev text is stored in
// this repository. How the sentences were sampled and labelled: docs/accuracy.md, "Actors
// (countries)".
//
// Each sentence is analysed on its own. newslens's countries for a sentence are the `code`s of
// its entities of type country or place. Counts are micro-averaged over (sentence, country)
// pairs: precision = correct / detected, recall = correct / labelled, F1 their harmonic mean.
// Labels with codes newslens has no entry for (historical states: SU, YU, DD) stay in the
// denominators: they are misses.
//
// newslens runs as the native CLI (NEWSLENS_CLI, default build/newslens, in --jsonl mode) or, with
// NEWSLENS_MODULE=path/to/newslens.js, as the wasm module.
//
// The dev data is third-party and must not be copied into this repository: pass its directory.

import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: node bench/entities-eval.mjs [--labels FILE] [--split all|tune|check] ' +
              '[--errors] DEV_DATA_DIR';
const COUNTRY_TYPES = new Set(['country', 'place']);

function parseArgs(argv) {
  const args = {labels: join(HERE, 'entities-labels.jsonl'), split: 'all', errors: false,
                dir: null};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--labels') args.labels = argv[++i];
    else if (argv[i] === '--split') args.split = argv[++i];
    else if (argv[i] === '--errors') args.errors = true;
    else if (argv[i] === '-h' || argv[i] === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (!args.dir) args.dir = argv[i];
    else {
      console.error(USAGE);
      process.exit(2);
    }
  }
  if (!args.dir || !['all', 'tune', 'check'].includes(args.split)) {
    console.error(USAGE);
    process.exit(2);
  }
  return args;
}

function loadItems(args) {
  const files = new Map();
  const lines = (path) => {
    if (!files.has(path)) files.set(path, readFileSync(path, 'utf8').split('\n'));
    return files.get(path);
  };
  const items = [];
  for (const raw of readFileSync(args.labels, 'utf8').split('\n')) {
    if (!raw.trim()) continue;
    const label = JSON.parse(raw);
    if (args.split !== 'all' && label.split !== args.split) continue;
    const line = lines(join(args.dir, label.file))[label.line - 1];
    if (line === undefined) throw new Error(`${label.file}: no line ${label.line}`);
    const text = JSON.parse(line).text.slice(label.start, label.end);
    const sha1 = createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 12);
    if (sha1 !== label.sha1) {
      throw new Error(`${label.file}:${label.line} [${label.start}, ${label.end}): the text ` +
                      `differs from the one labelled (sha1 ${sha1}, expected ${label.sha1})`);
    }
    items.push({...label, text});
  }
  return items;
}

// Returns one report per text, in order.
async function analyzeAll(texts) {
  if (process.env.NEWSLENS_MODULE) {
    const modulePath = resolve(process.env.NEWSLENS_MODULE);
    const {NewsLens} = createRequire(import.meta.url)(modulePath);
    const nl = await NewsLens.create();
    return {system: `wasm ${modulePath}`, reports: texts.map((t) => nl.analyze(t))};
  }
  const cli = resolve(process.env.NEWSLENS_CLI || join(HERE, '..', 'build', 'newslens'));
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build the CLI or set NEWSLENS_CLI`);
  const input = texts.map((text, id) => JSON.stringify({id, text})).join('\n') + '\n';
  const run = spawnSync(cli, ['analyze', '--jsonl', '--no-mentions'],
                        {input, maxBuffer: 1 << 30, encoding: 'utf8'});
  if (run.status !== 0) throw new Error(`${cli} exited with ${run.status}: ${run.stderr}`);
  const reports = [];
  for (const line of run.stdout.split('\n')) {
    if (!line) continue;
    const out = JSON.parse(line);
    if (out.error) throw new Error(`item ${out.id}: ${out.error}`);
    reports[out.id] = out.report;
  }
  return {system: `cli ${cli}`, reports};
}

function score(items, predicted) {
  let tp = 0, fp = 0, fn = 0;
  const errors = [];
  items.forEach((item, k) => {
    const gold = new Set(item.countries);
    const got = predicted[k];
    const missed = [...gold].filter((c) => !got.has(c));
    const extra = [...got].filter((c) => !gold.has(c));
    tp += gold.size - missed.length;
    fn += missed.length;
    fp += extra.length;
    if (missed.length || extra.length) errors.push({item, missed, extra});
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {n: items.length, labels: tp + fn, tp, fp, fn, precision, recall, f1, errors};
}

const args = parseArgs(process.argv.slice(2));
const items = loadItems(args);
const {system, reports} = await analyzeAll(items.map((i) => i.text));
const countriesOf = (r) => r.entities.filter((e) => COUNTRY_TYPES.has(e.type) && e.code);
const predicted = reports.map((r) => new Set(countriesOf(r).map((e) => e.code)));
console.log(`newslens country detection (${system}), labels ${args.labels}, split ${args.split}\n`);
console.log('| set | sentences | labelled | detected | correct | precision | recall | F1 |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
const groups = new Map([['all', items.map((_, k) => k)]]);
for (const [k, item] of items.entries()) {
  for (const key of [item.file, `split ${item.split}`]) {
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(k);
  }
}
const fmt = (x) => x.toFixed(3);
for (const [name, ks] of groups) {
  const s = score(ks.map((k) => items[k]), ks.map((k) => predicted[k]));
  console.log(`| ${name} | ${s.n} | ${s.labels} | ${s.tp + s.fp} | ${s.tp} | ` +
              `${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)} |`);
}
if (args.errors) {
  // Sentences are printed to the terminal only: they are dev data and stay out of the repository.
  console.log('\nErrors (missed = labelled but not detected; extra = detected but not labelled):');
  for (const {item, missed, extra} of score(items, predicted).errors) {
    console.log(`- ${item.file}:${item.line} [${item.start}, ${item.end}) ` +
                `missed ${missed.join(' ') || '-'} extra ${extra.join(' ') || '-'}\n` +
                `    ${item.text.replace(/\s+/g, ' ')}`);
  }
}
