#!/usr/bin/env node
// Sentence-level tone accuracy of newslens against its peers, on the same JSONL, in one process.
//
//   node bench/sentiment-eval.mjs [--systems vader,afinn,newslens] [--tones default,news,finance,general]
//                                 [--module PATH | --cli PATH] [--limit N] FILE.jsonl...
//
// Each line of a file is {"text": ..., "score": number} or {"text": ..., "label": "positive" |
// "negative" | "neutral"}; lines with neither are skipped (a file with none is reported as such).
//
// Systems, each giving a compound-like score in [-1, 1] per text:
// - VADER: vader-sentiment's SentimentIntensityAnalyzer.polarity_scores(text).compound.
// - AFINN: the `sentiment` package's analyze(text).score (sum of AFINN-165 word values, -5..+5
//   each), rescaled to VADER's -4..+4 word scale (x 4/5) and squashed with VADER's own
//   normalisation, s / sqrt(s^2 + 15), so that the same +/-0.05 thresholds apply. (Its
//   `comparative`, score per token, shrinks with length and would make fixed thresholds
//   meaningless.) Spearman rho is unaffected by this monotone mapping.
// - newslens: the built JS API — dist/newslens.js, or the wasm build's newslens.js given with
//   --module PATH (or NEWSLENS_MODULE / NEWSLENS_JS in the environment, as the wasm tests take
//   it) — once per tone option: NewsLens.create(), then analyze(text, {tone}).tone.compound. The
//   tone `default` passes no tone option: what a user gets with the default settings. If it is
//   missing or fails to load, the table says so and the other systems still run. With --cli PATH
//   the native CLI (build/newslens) scores the texts instead, `analyze --jsonl --fields tone`
//   once per file and tone: the same numbers (the parity test guards it), without a wasm build.
//
// Per file: for `score` files Pearson r and Spearman rho against the score (and, when every id is
// "EDITORIAL_SENTENCE" as in the NYT set, the same on the two halves by editorial number); for `label` files
// accuracy and macro-F1 (over the three classes) with compound >= 0.05 positive, <= -0.05
// negative, else neutral (VADER's thresholds), plus the best single symmetric threshold t found
// on the same data (compound >= t positive, <= -t negative) — labelled "tuned": it is fitted to
// the data it is reported on and is an upper bound, not a result.
//
// The dev data is third-party and must not be copied into this repository: pass its path.

import {readFileSync, existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {basename, dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The built JS API; --module PATH, NEWSLENS_MODULE or NEWSLENS_JS override it (e.g. to compare
// two builds, or to use build-wasm/newslens.js without building dist/).
const DEFAULT_MODULE = process.env.NEWSLENS_MODULE || process.env.NEWSLENS_JS || join(HERE, '..', 'dist', 'newslens.js');

const LABEL_THRESHOLD = 0.05; // vaderSentiment README: compound >= 0.05 positive, <= -0.05 negative
const VADER_ALPHA = 15; // vaderSentiment.py normalize(score, alpha=15)
const AFINN_TO_VADER_SCALE = 4 / 5; // AFINN words are rated -5..+5, VADER's -4..+4
const THRESHOLD_GRID_STEP = 0.005; // tuned-threshold search: 0, 0.005, ..., 0.995
const CLASSES = ['negative', 'neutral', 'positive'];
const USAGE =
  'usage: node bench/sentiment-eval.mjs [--systems vader,afinn,newslens] [--tones default,news,finance,general] [--module PATH | --cli PATH] [--limit N] FILE.jsonl...';

function parseArgs(argv) {
  const args = {files: [], systems: ['vader', 'afinn', 'newslens'], tones: ['default', 'news', 'finance', 'general'], limit: Infinity, module: DEFAULT_MODULE, cli: null};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--systems') args.systems = argv[++i].split(',').filter(Boolean);
    else if (argv[i] === '--module') args.module = argv[++i];
    else if (argv[i] === '--cli') args.cli = argv[++i];
    else if (argv[i] === '--tones') args.tones = argv[++i].split(',').filter(Boolean);
    else if (argv[i] === '--limit') args.limit = Number(argv[++i]);
    else if (argv[i] === '-h' || argv[i] === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else args.files.push(argv[i]);
  }
  if (args.files.length === 0) {
    console.error(USAGE);
    process.exit(2);
  }
  return args;
}

// ---- systems ----------------------------------------------------------------------------------

function packageVersion(name) {
  try {
    return require(`${name}/package.json`).version;
  } catch {
    return '?';
  }
}

function vaderSystem() {
  const vader = require('vader-sentiment');
  return {
    name: `VADER (vader-sentiment ${packageVersion('vader-sentiment')})`,
    score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
  };
}

function afinnSystem() {
  const Sentiment = require('sentiment');
  const analyzer = new Sentiment();
  return {
    name: `AFINN (sentiment ${packageVersion('sentiment')})`,
    score: (text) => {
      const s = analyzer.analyze(text).score * AFINN_TO_VADER_SCALE;
      return s / Math.sqrt(s * s + VADER_ALPHA);
    },
  };
}

// Returns {systems, note}: one system per tone, or none and a note saying why.
async function newslensSystems(tones, modulePath) {
  const path = resolve(modulePath);
  if (!existsSync(path)) return {systems: [], note: `newslens: not built (${path} is missing)`};
  try {
    const {NewsLens} = require(path);
    const nl = await NewsLens.create();
    const systems = tones.map((tone) => ({
      name: `newslens (tone: ${tone})`,
      score: (text) => nl.analyze(text, tone === 'default' ? {} : {tone}).tone.compound,
    }));
    // Fail early, once, rather than on every line.
    for (const s of systems) {
      const v = s.score('The talks were a success.');
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`tone.compound is ${v}`);
    }
    return {systems, note: null};
  } catch (e) {
    return {systems: [], note: `newslens: failed to load or run ${path} (${e.message ?? e})`};
  }
}

// The native CLI as a system: every text of a file in one `analyze --jsonl` run per tone, the
// compounds memoised by text (the driver asks for them one at a time).
function cliSystems(tones, cliPath) {
  const path = resolve(cliPath);
  if (!existsSync(path)) return {systems: [], note: `newslens: no CLI at ${path}`};
  const {execFileSync} = require('node:child_process');
  const systems = tones.map((tone) => {
    const memo = new Map();
    return {
      name: `newslens (tone: ${tone})`,
      prepare: (texts) => {
        const todo = [...new Set(texts.filter((t) => !memo.has(t)))];
        if (todo.length === 0) return;
        const input = todo.map((text, i) => JSON.stringify({id: String(i), text})).join('\n') + '\n';
        const argv = ['analyze', '--jsonl', '--fields', 'tone', '--threads', '1'];
        if (tone !== 'default') argv.push('--tone', tone);
        const out = execFileSync(path, argv, {input, maxBuffer: 1 << 30, encoding: 'utf8'});
        for (const line of out.split('\n')) {
          if (!line) continue;
          const row = JSON.parse(line);
          memo.set(todo[Number(row.id)], row.report ? row.report.tone.compound : NaN);
        }
      },
      score: (text) => memo.get(text),
    };
  });
  return {systems, note: null};
}

// ---- metrics ----------------------------------------------------------------------------------

export function pearson(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

// Ranks 1..n, ties get the mean of the ranks they span.
export function ranks(xs) {
  const order = xs.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]);
  const r = new Array(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const mean = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k][1]] = mean;
    i = j + 1;
  }
  return r;
}

export function spearman(xs, ys) {
  return pearson(ranks(xs), ranks(ys));
}

// A compound of exactly 0 (no sentiment words) is neutral even when the tuned threshold is 0.
export function toLabel(compound, threshold = LABEL_THRESHOLD) {
  if (compound > 0 && compound >= threshold) return 'positive';
  if (compound < 0 && compound <= -threshold) return 'negative';
  return 'neutral';
}

// Accuracy and macro-F1 over the three classes.
export function classify(compounds, gold, threshold = LABEL_THRESHOLD) {
  const counts = Object.fromEntries(CLASSES.map((c) => [c, {tp: 0, fp: 0, fn: 0}]));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const p = toLabel(compounds[i], threshold);
    const g = gold[i];
    if (p === g) {
      correct++;
      counts[g].tp++;
    } else {
      counts[p].fp++;
      if (counts[g]) counts[g].fn++;
    }
  }
  const f1s = CLASSES.map((c) => {
    const {tp, fp, fn} = counts[c];
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  });
  return {accuracy: correct / gold.length, macroF1: f1s.reduce((a, b) => a + b, 0) / CLASSES.length};
}

// The symmetric threshold with the best macro-F1 on these very items (ties: the smaller t).
export function bestThreshold(compounds, gold) {
  let best = null;
  for (let k = 0; k * THRESHOLD_GRID_STEP < 1; k++) {
    const t = Math.round(k * THRESHOLD_GRID_STEP * 1000) / 1000;
    const m = classify(compounds, gold, t);
    if (!best || m.macroF1 > best.macroF1) best = {threshold: t, ...m};
  }
  return best;
}

// ---- driver -----------------------------------------------------------------------------------

function loadJsonl(path, limit) {
  const items = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const line of lines) {
    if (items.length >= limit) break;
    if (line.trim() === '') continue;
    const row = JSON.parse(line);
    if (typeof row.text !== 'string') continue;
    if (typeof row.score === 'number') items.push({text: row.text, score: row.score, id: row.id});
    else if (typeof row.label === 'string' && CLASSES.includes(row.label)) items.push({text: row.text, label: row.label});
  }
  return items;
}

const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function evaluateFile(path, systems, notes, limit) {
  const items = loadJsonl(path, limit);
  const scored = items.filter((it) => 'score' in it);
  const labelled = items.filter((it) => 'label' in it);
  const out = [];
  if (scored.length === 0 && labelled.length === 0) {
    out.push(`### ${basename(path)}`, '', 'no `score` or `label` lines: skipped', '');
    return out;
  }
  const kind = scored.length >= labelled.length ? 'score' : 'label';
  const rows = kind === 'score' ? scored : labelled;
  for (const s of systems) if (s.prepare) s.prepare(rows.map((r) => r.text));
  out.push(`### ${basename(path)} (${kind}, n = ${rows.length})`, '');
  if (kind === 'score') {
    out.push('| system | Pearson r | Spearman rho |', '|---|---:|---:|');
    const gold = rows.map((r) => r.score);
    // NYT editorial ids are "EDITORIAL_SENTENCE" (VADER's other sets "ITEM_PART"): the halves by
    // that number (even: half A, odd: half B) show whether a rule helps both or only the half it
    // was read on, without splitting an editorial.
    const halves = rows.every((r) => typeof r.id === 'string' && /^\d+_\d+$/.test(r.id));
    const half = (r) => (parseInt(r.id, 10) % 2 === 0 ? 'A' : 'B');
    for (const s of systems) {
      const pred = rows.map((r) => s.score(r.text));
      out.push(`| ${s.name} | ${f3(pearson(pred, gold))} | ${f3(spearman(pred, gold))} |`);
      if (!halves) continue;
      for (const h of ['A', 'B']) {
        const idx = rows.map((r, i) => (half(r) === h ? i : -1)).filter((i) => i >= 0);
        const p = idx.map((i) => pred[i]);
        const g = idx.map((i) => gold[i]);
        out.push(`| ${s.name}, half ${h} (${h === 'A' ? 'even' : 'odd'} id numbers, n = ${idx.length}) | ${f3(pearson(p, g))} | ${f3(spearman(p, g))} |`);
      }
    }
  } else {
    out.push(
      `| system | accuracy (±${LABEL_THRESHOLD}) | macro-F1 (±${LABEL_THRESHOLD}) | tuned t | tuned accuracy | tuned macro-F1 |`,
      '|---|---:|---:|---:|---:|---:|',
    );
    const gold = rows.map((r) => r.label);
    for (const s of systems) {
      const pred = rows.map((r) => s.score(r.text));
      const m = classify(pred, gold);
      const b = bestThreshold(pred, gold);
      out.push(`| ${s.name} | ${f3(m.accuracy)} | ${f3(m.macroF1)} | ${b.threshold.toFixed(3)} | ${f3(b.accuracy)} | ${f3(b.macroF1)} |`);
    }
  }
  const columns = kind === 'score' ? 3 : 6;
  for (const note of notes) out.push(`| ${note} |${' |'.repeat(columns - 1)}`);
  out.push('');
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const systems = [];
  if (args.systems.includes('vader')) systems.push(vaderSystem());
  if (args.systems.includes('afinn')) systems.push(afinnSystem());
  const notes = [];
  if (args.systems.includes('newslens')) {
    const {systems: nlSystems, note} = args.cli
      ? cliSystems(args.tones, args.cli)
      : await newslensSystems(args.tones, args.module);
    systems.push(...nlSystems);
    if (note) notes.push(note);
  }
  for (const note of notes) console.error(note);
  for (const file of args.files) {
    console.log(evaluateFile(file, systems, notes, args.limit).join('\n'));
  }
  console.log(
    `Label files: compound >= ${LABEL_THRESHOLD} positive, <= -${LABEL_THRESHOLD} negative. "tuned" columns use the ` +
      'single symmetric threshold t with the best macro-F1 on the same items (the smallest such t; a compound of 0 is always ' +
      'neutral, so t = 0 means "any non-zero compound"): fitted to the data, an upper bound, not a result.',
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
