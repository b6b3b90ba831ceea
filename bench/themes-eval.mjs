#!/usr/bin/env node
// Theme accuracy of newslens against labelled news: primary top-level theme, and sub-themes where
// the mapping names them.
//
//   node bench/themes-eval.mjs --mapping bench/mappings/reuters.json
//        [--cli PATH | --module PATH] [--dict FILE]... [--dict-only] [--limit N]
//        [--label-field NAME] [--text-field NAME] [--errors N] [--per-label MIN] FILE.jsonl
//
// FILE.jsonl: one JSON object per line with the text (`text`, plus `title` when the text does not
// already start with it) and its labels (`label`, `labels` or `topics`: a string, a number or an
// array; --label-field or the mapping's `label_field` names the field). The data is third-party:
// pass its path, never copy it into the repository.
//
// The mapping (bench/mappings/*.json, format newslens/theme-mapping@1) maps each dataset label to
// a theme id (`top` or `top.sub`) or to a list of ids: the first is the class the label is scored
// as, the others are themes a newsroom would file the same story under and also count as correct.
// `null` maps nothing. `label_aliases` may rename labels first (e.g. numeric class ids).
// Labels are compared case-insensitively.
//
// Engines: the native CLI (`newslens analyze --jsonl --no-mentions`, fed on stdin; default when
// --cli, NEWSLENS_CLI or build/newslens exists) or the wasm module (--module, NEWSLENS_MODULE, or
// dist/newslens.js), with the same custom dictionaries.
//
// What it prints (Markdown, so it can be pasted into docs/accuracy.md):
// - Top level: a document's gold class is the top level of its label's first id; it is correct
//   when its top-level prediction is the top level of any of the label's ids. Two predictions:
//   `primary_theme` as reported (all top levels compete; an article with no theme hit has none
//   and is wrong), and the best-scoring top level among those the mapping uses (a closed set, as a
//   classifier trained on the dataset's classes would be).
// - Sub-themes, for labels mapped to sub-themes: the best-scoring sub-theme of the report (open,
//   all sub-themes compete) and the best-scoring sub-theme among those the mapping uses (closed).
// - For each: accuracy and macro-F1 over the gold classes on documents whose mapped labels agree
//   on one class ("single"), accuracy on every document with a mapped label counting a prediction
//   in any label's ids as correct ("any"), per-class precision/recall/F1 and a confusion table
//   (rows gold, columns predicted; a wrong prediction that is no class of the mapping is `other`,
//   no prediction at all is `none`).
// --errors N lists N wrong documents of the closed sub-theme task (or top-level task when no
// label maps to a sub-theme) with their top terms, for review. --per-label MIN adds a table of
// closed-set accuracy per dataset label with at least MIN documents.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAPPING_FORMAT = 'newslens/theme-mapping@1';
const LABEL_FIELDS = ['label', 'labels', 'topics', 'category'];
// Confusion tables list at most this many gold classes (by support); the rest are summed into
// one `(other classes)` row so the table stays readable on 100-code datasets like Reuters.
const MAX_CONFUSION_ROWS = 16;
const USAGE =
  'usage: node bench/themes-eval.mjs --mapping MAPPING.json [--cli PATH | --module PATH] ' +
  '[--dict FILE]... [--dict-only] [--limit N] [--label-field NAME] [--text-field NAME] ' +
  '[--errors N] [--per-label MIN] FILE.jsonl';

function fail(message, code = 2) {
  process.stderr.write(`themes-eval: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const args = { dicts: [], dictOnly: false, limit: Infinity, errors: 0, perLabel: 0 };
  const value = (i) => {
    if (i + 1 >= argv.length) fail(`${argv[i]} needs a value\n${USAGE}`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a === '--mapping') args.mapping = value(i++);
    else if (a === '--cli') args.cli = value(i++);
    else if (a === '--module') args.module = value(i++);
    else if (a === '--dict') args.dicts.push(value(i++));
    else if (a === '--dict-only') args.dictOnly = true;
    else if (a === '--limit') args.limit = Number(value(i++));
    else if (a === '--label-field') args.labelField = value(i++);
    else if (a === '--text-field') args.textField = value(i++);
    else if (a === '--errors') args.errors = Number(value(i++));
    else if (a === '--per-label') args.perLabel = Number(value(i++));
    else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
    else if (args.file === undefined) args.file = a;
    else fail(`unexpected argument ${a}\n${USAGE}`);
  }
  if (!args.mapping || !args.file) fail(USAGE);
  if (args.cli && args.module) fail('give --cli or --module, not both');
  if (!(args.limit > 0)) fail('--limit must be a positive number');
  return args;
}

// ---- mapping ----------------------------------------------------------------------------------

const topOf = (id) => id.split('.')[0];
const isSub = (id) => id.includes('.');

// Returns {labelField, aliases, labels: Map(lowercase label -> [ids] | null)}.
function loadMapping(path) {
  let m;
  try {
    m = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`${path}: ${e.message}`);
  }
  if (m.format !== MAPPING_FORMAT) fail(`${path}: expected "format": "${MAPPING_FORMAT}"`);
  if (!m.labels || typeof m.labels !== 'object') fail(`${path}: "labels" must be an object`);
  const labels = new Map();
  for (const [label, target] of Object.entries(m.labels)) {
    const ids = target === null ? null : Array.isArray(target) ? target : [target];
    if (ids !== null && (ids.length === 0 || ids.some((id) => !/^[a-z0-9_]+(\.[a-z0-9_]+)?$/.test(id))))
      fail(`${path}: label "${label}": expected a theme id, a list of theme ids or null`);
    labels.set(label.toLowerCase(), ids);
  }
  const aliases = new Map(
    Object.entries(m.label_aliases ?? {}).map(([k, v]) => [k.toLowerCase(), String(v).toLowerCase()]));
  return { labelField: m.label_field, aliases, labels };
}

// Every theme id a mapping uses must exist in the analyzer's taxonomy (checked on the reports:
// ids are collected from the taxonomy file when it is the built-in one).
function checkIdsExist(mapping, knownIds, path) {
  const missing = new Set();
  for (const ids of mapping.labels.values())
    for (const id of ids ?? []) if (!knownIds.has(id)) missing.add(id);
  if (missing.size) fail(`${path}: unknown theme ids: ${[...missing].join(', ')}`);
}

// ---- data -------------------------------------------------------------------------------------

function readRecords(path, args, mapping) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail(e.message);
  }
  const records = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length && records.length < args.limit; n++) {
    if (!lines[n].trim()) continue;
    let obj;
    try {
      obj = JSON.parse(lines[n]);
    } catch (e) {
      fail(`${path}:${n + 1}: ${e.message}`);
    }
    const field = args.labelField ?? mapping.labelField ?? LABEL_FIELDS.find((f) => f in obj);
    let labels = obj[field];
    if (labels === undefined) fail(`${path}:${n + 1}: no label field (${field ?? LABEL_FIELDS.join('/')})`);
    if (!Array.isArray(labels)) labels = [labels];
    labels = labels.map((l) => {
      const key = String(l).toLowerCase();
      return mapping.aliases.get(key) ?? key;
    });
    let body = String(obj[args.textField ?? 'text'] ?? '');
    const title = typeof obj.title === 'string' ? obj.title.trim() : '';
    if (title && !body.trimStart().startsWith(title)) body = `${title}\n\n${body}`;
    records.push({ id: obj.id ?? n + 1, line: n + 1, text: body, labels });
  }
  return records;
}

// ---- engines ----------------------------------------------------------------------------------

function pickEngine(args) {
  if (args.module) return { kind: 'module', path: resolve(args.module) };
  if (args.cli) return { kind: 'cli', path: resolve(args.cli) };
  if (process.env.NEWSLENS_CLI) return { kind: 'cli', path: resolve(process.env.NEWSLENS_CLI) };
  if (process.env.NEWSLENS_MODULE) return { kind: 'module', path: resolve(process.env.NEWSLENS_MODULE) };
  const cli = join(ROOT, 'build', 'newslens');
  if (existsSync(cli)) return { kind: 'cli', path: cli };
  return { kind: 'module', path: join(ROOT, 'dist', 'newslens.js') };
}

// Reports in input order, each {primary_theme, top_level, themes} or {error}.
async function analyzeWithCli(path, records, args) {
  if (!existsSync(path)) fail(`${path} is missing: build the CLI first`);
  const flags = ['analyze', '--jsonl', '--no-mentions'];
  for (const d of args.dicts) flags.push('--dict', d);
  if (args.dictOnly) flags.push('--dict-only');
  const child = spawn(path, flags, { stdio: ['pipe', 'pipe', 'inherit'] });
  const reports = [];
  const done = new Promise((ok, bad) => {
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const out = JSON.parse(line);
      reports.push(out.report ?? { error: out.error ?? 'no report' });
    });
    child.on('error', bad);
    child.on('close', (code) => (code === 2 ? bad(new Error(`${path} exited with 2 (usage)`)) : ok()));
  });
  // Write with back-pressure so a large corpus does not sit in memory twice.
  for (let i = 0; i < records.length; i++) {
    const line = `${JSON.stringify({ id: String(i), text: records[i].text })}\n`;
    if (!child.stdin.write(line)) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  await done;
  if (reports.length !== records.length)
    fail(`${path} returned ${reports.length} reports for ${records.length} records`, 1);
  return reports;
}

async function analyzeWithModule(path, records, args) {
  if (!existsSync(path)) fail(`${path} is missing: build the wasm module first`);
  const { NewsLens } = createRequire(import.meta.url)(path);
  const dictionaries = args.dicts.map((d) => ({ name: d, text: readFileSync(d, 'utf8') }));
  const nl = await NewsLens.create(
    dictionaries.length ? { dictionaries, replaceDefaultThemes: args.dictOnly } : undefined);
  return records.map((r) => {
    try {
      return nl.analyze(r.text, { mentions: false, sentences: false });
    } catch (e) {
      return { error: e.message };
    }
  });
}

// ---- scoring ----------------------------------------------------------------------------------

// A task: how a label's ids are reduced (top level or sub-themes) and how a report predicts.
function makeTasks(mapping) {
  const tasks = [];
  const reduceTop = (ids) => [...new Set(ids.map(topOf))];
  const reduceSub = (ids) => ids.filter(isSub);
  const candidates = (reduce) => {
    const set = new Set();
    for (const ids of mapping.labels.values()) for (const id of reduce(ids ?? [])) set.add(id);
    return set;
  };
  const topCandidates = candidates(reduceTop);
  const subCandidates = candidates(reduceSub);
  const best = (themes, allowed) => themes.find((t) => allowed(t.id))?.id ?? null;
  tasks.push({
    name: 'Top level: primary_theme (all top levels compete)',
    reduce: reduceTop,
    keepOther: true,
    predict: (r) => r.primary_theme ?? null,
  });
  tasks.push({
    name: `Top level: best of the ${topCandidates.size} mapped top levels (closed set)`,
    reduce: reduceTop,
    predict: (r) => best(r.top_level ?? [], (id) => topCandidates.has(id)),
  });
  if (subCandidates.size) {
    tasks.push({
      name: 'Sub-theme: best-scoring sub-theme (all sub-themes compete)',
      reduce: reduceSub,
      predict: (r) => best(r.themes ?? [], isSub),
    });
    tasks.push({
      name: `Sub-theme: best of the ${subCandidates.size} mapped sub-themes (closed set)`,
      reduce: reduceSub,
      predict: (r) => best(r.themes ?? [], (id) => subCandidates.has(id)),
      review: true,
    });
  }
  return tasks;
}

function score(task, records, reports, mapping) {
  const classes = new Set(); // canonical (first) id of every label, reduced
  for (const ids of mapping.labels.values()) {
    const reduced = task.reduce(ids ?? []);
    if (reduced.length) classes.add(reduced[0]);
  }
  const rows = [];
  for (let i = 0; i < records.length; i++) {
    const golds = records[i].labels
      .map((l) => ({ label: l, ids: task.reduce(mapping.labels.get(l) ?? []) }))
      .filter((g) => g.ids.length);
    if (!golds.length) continue;
    const report = reports[i];
    const pred = report.error ? null : task.predict(report);
    const gold = new Set(golds.map((g) => g.ids[0]));
    const accepted = new Set(golds.flatMap((g) => g.ids));
    const correct = pred !== null && accepted.has(pred);
    const single = gold.size === 1 ? [...gold][0] : null;
    // A top-level prediction outside the mapping's classes keeps its id (17 top levels make a
    // readable table); a sub-theme outside them is `other`.
    let predClass = pred === null ? 'none' : classes.has(pred) || task.keepOther ? pred : 'other';
    if (correct && single) predClass = single;
    rows.push({ i, labels: golds.map((g) => g.label), gold: single, pred, predClass, correct });
  }
  const singles = rows.filter((r) => r.gold);
  const perClass = [...classes]
    .map((c) => {
      const tp = singles.filter((r) => r.gold === c && r.predClass === c).length;
      const support = singles.filter((r) => r.gold === c).length;
      const predicted = singles.filter((r) => r.predClass === c).length;
      const p = predicted ? tp / predicted : 0;
      const rc = support ? tp / support : 0;
      return { c, support, predicted, p, r: rc, f1: p + rc ? (2 * p * rc) / (p + rc) : 0 };
    })
    .filter((x) => x.support > 0)
    .sort((a, b) => b.support - a.support || a.c.localeCompare(b.c));
  const macroF1 = perClass.length ? perClass.reduce((s, x) => s + x.f1, 0) / perClass.length : 0;
  return {
    rows,
    singles,
    perClass,
    macroF1,
    accuracy: singles.length ? singles.filter((r) => r.correct).length / singles.length : 0,
    anyAccuracy: rows.length ? rows.filter((r) => r.correct).length / rows.length : 0,
  };
}

// ---- output -----------------------------------------------------------------------------------

const f3 = (x) => x.toFixed(3);

function printTask(task, s) {
  console.log(`\n### ${task.name}\n`);
  console.log('| documents | n | accuracy | macro-F1 |');
  console.log('|---|---:|---:|---:|');
  console.log(`| single class | ${s.singles.length} | ${f3(s.accuracy)} | ${f3(s.macroF1)} |`);
  console.log(`| all (any label's ids correct) | ${s.rows.length} | ${f3(s.anyAccuracy)} | |`);
  console.log('\n| class | support | predicted | precision | recall | F1 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const x of s.perClass)
    console.log(`| ${x.c} | ${x.support} | ${x.predicted} | ${f3(x.p)} | ${f3(x.r)} | ${f3(x.f1)} |`);

  // Confusion: the most frequent gold classes as rows, the rest summed.
  const shown = s.perClass.slice(0, MAX_CONFUSION_ROWS).map((x) => x.c);
  const rowOf = (r) => (shown.includes(r.gold) ? r.gold : '(other classes)');
  const colCount = new Map();
  for (const r of s.singles) colCount.set(r.predClass, (colCount.get(r.predClass) ?? 0) + 1);
  const cols = [...shown.filter((c) => colCount.has(c))];
  for (const c of [...colCount.keys()].sort())
    if (!cols.includes(c) && c !== 'other' && c !== 'none') cols.push(c);
  for (const c of ['other', 'none']) if (colCount.has(c)) cols.push(c);
  const rowNames = [...shown];
  if (s.singles.some((r) => !shown.includes(r.gold))) rowNames.push('(other classes)');
  console.log('\nConfusion (rows: gold, columns: predicted; single-class documents):\n');
  console.log(`| gold \\ predicted | ${cols.join(' | ')} |`);
  console.log(`|---|${cols.map(() => '---:').join('|')}|`);
  for (const name of rowNames) {
    const cells = cols.map((c) => s.singles.filter((r) => rowOf(r) === name && r.predClass === c).length);
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}

function printPerLabel(s, min) {
  const by = new Map();
  for (const r of s.rows)
    for (const l of r.labels) {
      const e = by.get(l) ?? { n: 0, ok: 0 };
      e.n++;
      e.ok += r.correct ? 1 : 0;
      by.set(l, e);
    }
  const list = [...by].filter(([, e]) => e.n >= min).sort((a, b) => b[1].n - a[1].n);
  console.log(`\nPer dataset label (documents carrying it, any label's ids correct; n >= ${min}):\n`);
  console.log('| label | n | accuracy |');
  console.log('|---|---:|---:|');
  for (const [l, e] of list) console.log(`| ${l} | ${e.n} | ${f3(e.ok / e.n)} |`);
}

function printErrors(s, records, reports, n) {
  const wrong = s.rows.filter((r) => !r.correct).slice(0, n);
  console.log(`\nFirst ${wrong.length} wrong documents:\n`);
  for (const r of wrong) {
    const rec = records[r.i];
    const rep = reports[r.i];
    const terms = (rep.themes ?? [])
      .filter((t) => t.id === r.pred)
      .flatMap((t) => t.terms.slice(0, 6).map((x) => `${x.term}:${x.count}`));
    const head = rec.text.replace(/\s+/g, ' ').slice(0, 90);
    console.log(`- line ${rec.line} [${r.labels.join(',')}] -> ${r.pred ?? 'none'} (${terms.join(' ')}): ${head}`);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const mapping = loadMapping(args.mapping);
  const records = readRecords(args.file, args, mapping);
  if (!args.dictOnly) {
    const taxonomy = JSON.parse(readFileSync(join(ROOT, 'data/themes/en.json'), 'utf8'));
    const known = new Set(taxonomy.themes.map((t) => t.id));
    if (!args.dicts.length) checkIdsExist(mapping, known, args.mapping);
  }
  const unknown = new Map();
  let unmapped = 0;
  for (const r of records) {
    let any = false;
    for (const l of r.labels) {
      if (!mapping.labels.has(l)) unknown.set(l, (unknown.get(l) ?? 0) + 1);
      else if (mapping.labels.get(l)) any = true;
    }
    if (!any) unmapped++;
  }
  const engine = pickEngine(args);
  const started = process.hrtime.bigint();
  const reports = engine.kind === 'cli'
    ? await analyzeWithCli(engine.path, records, args)
    : await analyzeWithModule(engine.path, records, args);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const errors = reports.filter((r) => r.error).length;
  const noTheme = reports.filter((r) => !r.error && !r.primary_theme).length;

  console.log(`## ${args.file.split('/').pop()} with ${args.mapping.split('/').pop()}\n`);
  console.log(`- engine: ${engine.kind} ${engine.path}${args.dicts.length ? ` + ${args.dicts.join(', ')}` : ''}${args.dictOnly ? ' (dict only)' : ''}`);
  console.log(`- documents: ${records.length}; with no mapped label (skipped): ${unmapped}; analysis errors: ${errors}; no theme hit (no primary_theme): ${noTheme}`);
  if (unknown.size)
    console.log(`- labels missing from the mapping: ${[...unknown].map(([l, n]) => `${l} (${n})`).join(', ')}`);
  console.log(`- analysis time: ${seconds.toFixed(1)} s (not a benchmark)`);

  const tasks = makeTasks(mapping);
  let review = null;
  for (const task of tasks) {
    const s = score(task, records, reports, mapping);
    printTask(task, s);
    if (task.review || (!review && task === tasks[1])) review = s;
  }
  if (args.perLabel > 0 && review) printPerLabel(review, args.perLabel);
  if (args.errors > 0 && review) printErrors(review, records, reports, args.errors);
}

main().catch((e) => fail(e.stack ?? String(e), 1));
