#!/usr/bin/env node
// Actors at the document level: the two figures SPEC §5 and issue 17 set bars on.
//
//   node bench/actors-eval.mjs [--only conll|reuters] [--errors N] [--no-peers]
//                              [--conll FILE] [--reuters FILE] DEV_DATA_DIR
//
// 1. Mentions (CoNLL-2003, `conll2003-dev.jsonl`): every actor mention newslens reports (kind
//    "entity" in the report's mentions) is scored against the gold spans with exact span and type:
//    person -> PER, organization -> ORG, country or place -> LOC. MISC is left out on both sides:
//    gold MISC spans are not scored, and a prediction whose span is exactly a gold MISC span
//    ("Chinese", "West Indian" as demonyms) is neither right nor wrong. Any other prediction that
//    is not a gold PER/ORG/LOC span of its type is a false positive. Precision, recall and F1 are
//    micro-averaged over mentions, per type and overall, for all documents and for news and sports
//    documents apart (a CoNLL document is a sports one when its first line opens with a sport's
//    name, "SOCCER - ...", "Boxing-...": the RCV1 sports desk's slug).
// 2. Countries per article (Reuters-21578, `reuters21578-modapte-train.jsonl`): the body as the
//    wire printed it — title, blank line, then the dateline opening the body ("NEW YORK, March 3 -
//    Showers continued ...") — against the editors' PLACES. newslens's countries are the codes of
//    its entities of type country or place. PLACES are Reuters slugs ("usa", "west-germany"),
//    mapped to ISO 3166-1 alpha-2 codes by the country names in data/entities/countries-en.json
//    plus the table below for names that are not those (historical states map to the state that
//    holds their territory today, as newslens names it). Micro-averaged over (article, country)
//    pairs; articles without PLACES count too (anything found there is a false positive).
//
// The peer (compromise, a bench dev dependency: `npm ci --prefix bench`) runs in the same process
// on the same texts: #people() -> PER, #organizations() -> ORG, #places() -> LOC for mentions.
// Compromise has no country codes, so it is not scored on (2).
//
// newslens runs as the native CLI (NEWSLENS_CLI, default build/newslens) or, with
// NEWSLENS_MODULE=path/to/newslens.js, as the wasm module. Dev data is third-party: pass its
// directory; --errors prints examples to the terminal only.

import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const USAGE = 'usage: node bench/actors-eval.mjs [--only conll|reuters] [--errors N] ' +
              '[--no-peers] [--conll FILE] [--reuters FILE] DEV_DATA_DIR';

// RCV1 sports slugs that open a CoNLL document's first line.
const SPORTS = /^(soccer|cricket|baseball|tennis|boxing|golf|rugby|basketball|squash|athletics|cycling|nfl|nhl|nba|motor ?racing|motorcycling|horse ?racing|ice hockey|hockey|swimming|skiing|badminton|volleyball|handball|rowing|sailing|alpine|olympics|formula one|american football|football)\b/i;
const TYPE = {person: 'PER', organization: 'ORG', country: 'LOC', place: 'LOC'};
// Reuters PLACES slugs whose names are not a country name newslens carries.
const PLACE_CODES = {
  'usa': 'US', 'uk': 'GB', 'ussr': 'RU', 'west-germany': 'DE', 'east-germany': 'DE',
  'yemen-arab-republic': 'YE', 'yemen-demo-republic': 'YE', 'zaire': 'CD', 'czechoslovakia': 'CZ',
  'yugoslavia': 'RS', 'kampuchea': 'KH', 'trinidad-tobago': 'TT', 'burma': 'MM',
  'ivory-coast': 'CI', 'south-korea': 'KR', 'north-korea': 'KP', 'upper-volta': 'BF',
  'netherlands-antilles': 'CW', 'macau': 'MO', 'vatican': 'VA', 'bahamas': 'BS', 'gambia': 'GM',
  'vietnam': 'VN', 'laos': 'LA', 'syria': 'SY', 'iran': 'IR', 'taiwan': 'TW', 'tanzania': 'TZ',
  'bolivia': 'BO', 'venezuela': 'VE', 'brunei': 'BN', 'cape-verde': 'CV', 'east-timor': 'TL',
};

function parseArgs(argv) {
  const a = {only: null, errors: 0, peers: true, conll: null, reuters: null, dir: null};
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === '--only') a.only = argv[++i];
    else if (v === '--errors') a.errors = Number(argv[++i]);
    else if (v === '--no-peers') a.peers = false;
    else if (v === '--conll') a.conll = argv[++i];
    else if (v === '--reuters') a.reuters = argv[++i];
    else if (v === '-h' || v === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (!a.dir) a.dir = v;
    else {
      console.error(USAGE);
      process.exit(2);
    }
  }
  if (a.dir) {
    a.conll ??= join(a.dir, 'conll2003-dev.jsonl');
    a.reuters ??= join(a.dir, 'reuters21578-modapte-train.jsonl');
  }
  if ((!a.conll && !a.reuters) || (a.only && !['conll', 'reuters'].includes(a.only)) ||
      !(a.errors >= 0)) {
    console.error(USAGE);
    process.exit(2);
  }
  return a;
}

const readJsonl = (path) =>
  readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

// One report (with mentions) per text, in order.
async function analyzeAll(texts) {
  if (process.env.NEWSLENS_MODULE) {
    const modulePath = resolve(process.env.NEWSLENS_MODULE);
    const {NewsLens} = createRequire(import.meta.url)(modulePath);
    const nl = await NewsLens.create();
    return {system: `wasm ${modulePath}`,
            reports: texts.map((t) => nl.analyze(t, {mentions: true, detail: ['mentions']}))};
  }
  const cli = resolve(process.env.NEWSLENS_CLI || join(ROOT, 'build', 'newslens'));
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build the CLI or set NEWSLENS_CLI`);
  const input = texts.map((text, id) => JSON.stringify({id, text})).join('\n') + '\n';
  // report@2 leaves mentions out unless asked (`--detail mentions`); report@1 has them by default.
  const help = spawnSync(cli, ['analyze', '--help'], {encoding: 'utf8'});
  const extra = /--detail/.test(help.stdout + help.stderr) ? ['--detail', 'mentions'] : [];
  const run = spawnSync(cli, ['analyze', '--jsonl', ...extra],
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

function prf(tp, fp, fn) {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return {tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0};
}
const fmt = (x) => x.toFixed(3);

// ---- 1. CoNLL mentions ------------------------------------------------------------------------

function newslensMentions(report) {
  const out = [];
  // A mention names its entity (report@1: `name`); an index where a schema gives one.
  const byName = new Map(report.entities.map((e) => [e.name, e]));
  for (const m of report.mentions || []) {
    if (m.kind !== 'entity') continue;
    const e = m.name !== undefined ? byName.get(m.name) : report.entities[m.ref ?? m.entity];
    const type = e && TYPE[e.type];
    if (type) out.push({start: m.start, end: m.end, type, name: e.name});
  }
  return out;
}

function compromiseMentions(nlp, text) {
  const out = [];
  const doc = nlp(text);
  for (const [method, type] of [['people', 'PER'], ['organizations', 'ORG'], ['places', 'LOC']]) {
    for (const o of doc[method]().json({offset: true})) {
      // compromise's offsets include trailing punctuation: trim it like a reader would.
      let start = o.offset.start, end = start + o.offset.length;
      while (end > start && /[\s.,;:!?'")\]]/.test(text[end - 1])) --end;
      if (text.slice(end - 2, end) === "'s") end -= 2;
      out.push({start, end, type});
    }
  }
  return out;
}

// Every name the engine's data files carry (countries, their aliases, demonyms and places,
// organizations and their aliases, titles, word lists): a mention whose text is one of them is a
// "known" name; any other is one the engine has to find by context and form. CoNLL's held-back
// test split names more people and companies no list has than its dev split does, so the figure
// on unknown names is the one that says how the rules generalise.
function knownSurfaces() {
  const known = new Set();
  const skip = new Set(['notes', 'note', 'source', 'license', 'attribution', 'format', 'language',
                        'generated', 'code', 'kind', 'parent', 'country']);
  const walk = (v) => {
    if (typeof v === 'string') known.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) if (!skip.has(k)) walk(x);
  };
  for (const f of ['entities/countries-en.json', 'entities/countries-extra-en.json',
                   'entities/organizations-en.json', 'text/en.json'])
    walk(JSON.parse(readFileSync(join(ROOT, 'data', f), 'utf8')));
  return known;
}

function scoreConll(docs, predicted, known = null) {
  const keys = ['PER', 'ORG', 'LOC', 'all'];
  const groups = {all: {}, news: {}, sports: {}};
  if (known) groups.unknown = {};
  for (const g of Object.values(groups)) for (const k of keys) g[k] = {tp: 0, fp: 0, fn: 0};
  const errors = [];
  const confusion = {};  // gold type -> predicted type at the same span
  docs.forEach((doc, d) => {
    const kind = SPORTS.test(doc.text.split('\n')[0].trim()) ? 'sports' : 'news';
    const gold = new Map(), misc = new Set();
    for (const e of doc.entities) {
      const key = `${e.start}:${e.end}`;
      if (e.type === 'MISC') misc.add(key);
      else gold.set(key, e);
    }
    const seen = new Set();
    const add = (type, field, text) => {
      const into = [groups.all, groups[kind]];
      if (known && !known.has(text)) into.push(groups.unknown);
      for (const g of into) {
        g[type][field]++;
        g.all[field]++;
      }
    };
    for (const m of predicted[d]) {
      const key = `${m.start}:${m.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const g = gold.get(key);
      const text = doc.text.slice(m.start, m.end);
      if (g && g.type === m.type) add(m.type, 'tp', text);
      else if (!g && misc.has(key)) continue;
      else {
        add(m.type, 'fp', text);
        if (g) confusion[`${g.type}->${m.type}`] = (confusion[`${g.type}->${m.type}`] || 0) + 1;
        errors.push({d, kind: g ? `${g.type} as ${m.type}` : `extra ${m.type}`,
                     text: doc.text.slice(m.start, m.end), at: m.start});
      }
    }
    for (const [key, g] of gold) {
      const hit = predicted[d].some((m) => `${m.start}:${m.end}` === key && m.type === g.type);
      if (hit) continue;
      add(g.type, 'fn', g.text);
      if (!predicted[d].some((m) => `${m.start}:${m.end}` === key))
        errors.push({d, kind: `missed ${g.type}`, text: g.text, at: g.start});
    }
  });
  return {groups, errors, confusion};
}

function printConll(name, res) {
  console.log(`\n### ${name}\n`);
  console.log('| documents | type | gold | found | correct | precision | recall | F1 |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const [g, byType] of Object.entries(res.groups)) {
    for (const [t, c] of Object.entries(byType)) {
      // each mention was added to its type and to "all" once per group
      const s = prf(c.tp, c.fp, c.fn);
      const label = t === 'all' ? '**all**' : t;
      console.log(`| ${g} | ${label} | ${c.tp + c.fn} | ${c.tp + c.fp} | ${c.tp} | ${fmt(s.p)} | ` +
                  `${fmt(s.r)} | ${t === 'all' ? `**${fmt(s.f1)}**` : fmt(s.f1)} |`);
    }
  }
}

// ---- 2. Reuters countries per article ---------------------------------------------------------

function placeCodes() {
  const data = JSON.parse(readFileSync(join(ROOT, 'data/entities/countries-en.json'), 'utf8'));
  const codes = new Map(Object.entries(PLACE_CODES));
  const slug = (s) => s.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
  for (const c of data.countries)
    for (const n of [c.name, ...(c.aliases || [])]) if (!codes.has(slug(n))) codes.set(slug(n), c.code);
  return codes;
}

// The article as the wire printed it: the title line, a blank line, the dateline opening the body.
function asPrinted(item) {
  if (!item.dateline) return item.text;
  const cut = item.text.indexOf('\n\n');
  if (cut < 0) return `${item.dateline} ${item.text}`;
  const body = item.text.slice(cut + 2).replace(/^\s+/, '');
  return `${item.text.slice(0, cut)}\n\n${item.dateline} ${body}`;
}

function scoreReuters(items, reports, codes) {
  let tp = 0, fp = 0, fn = 0;
  const unknown = new Map(), errors = [], extra = new Map(), missed = new Map();
  items.forEach((item, k) => {
    const gold = new Set();
    for (const p of item.places || []) {
      const c = codes.get(p);
      if (c) gold.add(c);
      else {
        unknown.set(p, (unknown.get(p) || 0) + 1);
        gold.add(`?${p}`);
      }
    }
    const got = new Set(reports[k].entities.filter((e) => (e.type === 'country' || e.type ===
                                                           'place') && e.code).map((e) => e.code));
    const m = [...gold].filter((c) => !got.has(c)), x = [...got].filter((c) => !gold.has(c));
    tp += gold.size - m.length;
    fn += m.length;
    fp += x.length;
    for (const c of m) missed.set(c, (missed.get(c) || 0) + 1);
    for (const c of x) extra.set(c, (extra.get(c) || 0) + 1);
    if (m.length || x.length) errors.push({k, missed: m, extra: x});
  });
  return {s: prf(tp, fp, fn), unknown, errors, missed, extra};
}

// Salience against the editors' PLACES: of the countries an article names, those the editors
// filed it under are what it is about; the others are named in passing. A country's salience is
// the highest of its actors' (the country and its places). Scored on the even and the odd
// articles apart, so that a rule fitted on one half can be read on the other:
// - pairs: within each article, the share of (filed, passing) pairs where the filed country has
//   the higher salience (a tie counts half) — 0.5 is chance;
// - top: the share of articles whose most salient country is one they are filed under;
// - F1 at 0.5: countries with salience >= 0.5 against PLACES.
function scoreSalience(items, reports, codes, half) {
  let pairs = 0, won = 0, tops = 0, topRight = 0, tp = 0, fp = 0, fn = 0;
  items.forEach((item, k) => {
    if (k % 2 !== half) return;
    const gold = new Set((item.places || []).map((p) => codes.get(p) || `?${p}`));
    const best = new Map();
    for (const e of reports[k].entities) {
      if ((e.type !== 'country' && e.type !== 'place') || !e.code) continue;
      best.set(e.code, Math.max(best.get(e.code) ?? 0, e.salience ?? 0));
    }
    const filed = [...best].filter(([c]) => gold.has(c)).map(([, v]) => v);
    const passing = [...best].filter(([c]) => !gold.has(c)).map(([, v]) => v);
    for (const a of filed) for (const b of passing) {
      ++pairs;
      won += a > b ? 1 : a === b ? 0.5 : 0;
    }
    if (best.size) {
      ++tops;
      const top = [...best].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
      topRight += gold.has(top[0]);
    }
    const kept = new Set([...best].filter(([, v]) => v >= 0.5).map(([c]) => c));
    for (const c of kept) (gold.has(c) ? ++tp : ++fp);
    for (const c of gold) if (!kept.has(c)) ++fn;
  });
  return {pairs, pairAcc: pairs ? won / pairs : 0, tops, top: tops ? topRight / tops : 0,
          at5: prf(tp, fp, fn)};
}

// ---- main -------------------------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
let nlp = null;
if (args.peers) {
  try {
    nlp = createRequire(join(HERE, 'package.json'))('compromise');
  } catch {
    console.error('compromise is not installed (npm ci --prefix bench): peers skipped');
  }
}

if (args.conll && args.only !== 'reuters') {
  const docs = readJsonl(args.conll);
  const {system, reports} = await analyzeAll(docs.map((d) => d.text));
  console.log(`## Actors at the mention level: ${args.conll} (${docs.length} documents)`);
  console.log(`newslens: ${system}`);
  const res = scoreConll(docs, reports.map(newslensMentions), knownSurfaces());
  printConll('newslens', res);
  // The two halves of the documents apart (the file's order: RCV1 stories of consecutive days):
  // how much a figure moves between two sets of this size, and a half to read errors on while
  // the other stays unread.
  const mid = Math.ceil(docs.length / 2);
  console.log('\n| half | documents | PER F1 | ORG F1 | LOC F1 | all F1 |\n|---|---:|---:|---:|---:|---:|');
  for (const [label, from, to] of [['first', 0, mid], ['second', mid, docs.length]]) {
    const half = scoreConll(docs.slice(from, to), reports.slice(from, to).map(newslensMentions));
    const f = (t) => fmt(prf(half.groups.all[t].tp, half.groups.all[t].fp, half.groups.all[t].fn).f1);
    console.log(`| ${label} | ${to - from} | ${f('PER')} | ${f('ORG')} | ${f('LOC')} | ${f('all')} |`);
  }
  console.log('\nSame span, other type (gold->newslens): ' +
              Object.entries(res.confusion).map(([k, v]) => `${k} ${v}`).join(', '));
  if (nlp) {
    const t0 = performance.now();
    const peer = docs.map((d) => compromiseMentions(nlp, d.text));
    const ms = performance.now() - t0;
    printConll(`compromise ${nlp.version} (${(ms / 1000).toFixed(1)} s)`, scoreConll(docs, peer));
  }
  if (args.errors) {
    console.log('\nErrors (dev text, terminal only):');
    const byKind = new Map();
    for (const e of res.errors) {
      if (!byKind.has(e.kind)) byKind.set(e.kind, []);
      byKind.get(e.kind).push(e);
    }
    for (const [kind, list] of [...byKind].sort((x, y) => y[1].length - x[1].length)) {
      const counts = new Map();
      for (const e of list) counts.set(e.text, (counts.get(e.text) || 0) + 1);
      const top = [...counts].sort((x, y) => y[1] - x[1]).slice(0, args.errors);
      console.log(`- ${kind} (${list.length}): ` + top.map(([t, n]) => `${t}${n > 1 ? ` ×${n}` : ''}`)
                                                       .join('; '));
    }
  }
}

if (args.reuters && args.only !== 'conll') {
  const items = readJsonl(args.reuters);
  const {system, reports} = await analyzeAll(items.map(asPrinted));
  const res = scoreReuters(items, reports, placeCodes());
  console.log(`\n## Countries per article: ${args.reuters} (${items.length} articles, dateline ` +
              'opening the body)');
  console.log(`newslens: ${system}\n`);
  console.log('| articles | gold | found | correct | precision | recall | F1 |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  const {s} = res;
  console.log(`| ${items.length} | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${fmt(s.p)} | ` +
              `${fmt(s.r)} | **${fmt(s.f1)}** |`);
  if (reports.some((r) => r.entities.some((e) => e.salience !== undefined))) {
    console.log('\nSalience of the countries found, against PLACES (filed vs named in passing):\n');
    console.log('| half | (filed, passing) pairs | filed ranked higher | articles | top country filed | ' +
                'F1 at salience >= 0.5 |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const half of [0, 1]) {
      const r = scoreSalience(items, reports, placeCodes(), half);
      console.log(`| ${half ? 'odd' : 'even'} | ${r.pairs} | ${fmt(r.pairAcc)} | ${r.tops} | ` +
                  `${fmt(r.top)} | ${fmt(r.at5.f1)} |`);
    }
  }
  if (res.unknown.size)
    console.log(`\nPLACES with no code (misses): ${[...res.unknown].map(([p, n]) => `${p} ${n}`)
                                                      .join(', ')}`);
  if (args.errors) {
    const top = (m) => [...m].sort((x, y) => y[1] - x[1]).slice(0, args.errors)
                            .map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(`\nMost missed: ${top(res.missed)}\nMost extra: ${top(res.extra)}`);
  }
}
