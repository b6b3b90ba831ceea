#!/usr/bin/env node
// Validates a newslens theme dictionary (format newslens/themes@1, see docs/dictionaries.md)
// and prints coverage statistics.
//
//   node tools/validate-themes.mjs [THEMES_JSON] [--iptc IPTC_SUBSET_JSON] [--quiet]
//
// Defaults: data/themes/en.json and data/iptc/media-topics-subset.json (made by
// tools/extract-iptc.mjs). On any problem it prints one line per problem to stderr as
// `file: theme id: problem` and exits 1; otherwise it prints the statistics and exits 0.
// Exit 2 means bad usage. Node built-ins only, so it runs before `npm install`.

import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const FORMAT = 'newslens/themes@1';
// `top` or `top.sub`: lowercase ASCII letters, digits and `_` (docs/dictionaries.md).
const ID_RE = /^[a-z0-9_]+(\.[a-z0-9_]+)?$/;
const QCODE_RE = /^medtop:\d{8}$/;
// A wildcard is `stem*` on the last word only, with a stem of at least this many letters.
const MIN_WILDCARD_STEM = 4;
// Acronyms that are also common English words. In lowercase they would match the word
// ("us", "who"), so they must be written in capitals, which the matcher treats as
// case-sensitive.
const COLLIDING_ACRONYMS = new Map([
  ['us', 'US'], ['who', 'WHO'], ['it', 'IT'], ['aids', 'AIDS'],
]);

function usage(message) {
  if (message) process.stderr.write(`validate-themes: ${message}\n`);
  process.stderr.write(
    'usage: node tools/validate-themes.mjs [THEMES_JSON] [--iptc IPTC_SUBSET_JSON] [--quiet]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { themes: null, iptc: resolve(repoRoot, 'data/iptc/media-topics-subset.json'),
                 quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') usage();
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--iptc') {
      if (i + 1 >= argv.length) usage('--iptc needs a file');
      args.iptc = resolve(argv[++i]);
    } else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (args.themes === null) args.themes = resolve(a);
    else usage(`unexpected argument ${a}`);
  }
  args.themes ??= resolve(repoRoot, 'data/themes/en.json');
  return args;
}

// A token "in capitals" has at least one uppercase letter and no lowercase one (US, G20, AI).
function isCapitalToken(token) {
  return /\p{Lu}/u.test(token) && !/\p{Ll}/u.test(token);
}

// The identity of a term for duplicate detection: case-folded except for tokens in capitals,
// curly apostrophes straightened, and hyphen/space variants merged (e-commerce = ecommerce =
// e commerce), mirroring how the matcher normalises text.
function termKey(term) {
  return term.replace(/[\u2018\u2019\u02bc]/g, "'")
    .split(/[\s-]+/u)
    .filter(Boolean)
    .map((t) => (isCapitalToken(t) ? t : t.toLowerCase()))
    .join('');
}

// Context-requiring terms (docs/dictionaries.md): where the context is looked for, and the
// name of a cue set of the file's "cues".
const CONTEXTS = new Set(['sentence', 'paragraph']);
const CUE_SET_RE = /^[a-z0-9_]{1,64}$/;

function checkTerm(raw, report, cueSets = new Map()) {
  let text;
  let weight = 1;
  let context = null;
  if (typeof raw === 'string') text = raw;
  else if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    text = raw.term;
    if ('weight' in raw) weight = raw.weight;
    if (typeof text !== 'string') return report(`term object without a "term" string: ${JSON.stringify(raw)}`);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0 || weight > 1) {
      report(`term "${text}": weight ${JSON.stringify(raw.weight)} is not in (0, 1]`);
    }
    if ('context' in raw) {
      context = raw.context;
      if (!CONTEXTS.has(context)) report(`term "${text}": context must be "sentence" or "paragraph"`);
    }
    if ('cues' in raw) {
      context ??= 'sentence';
      if (!cueSets.has(raw.cues)) report(`term "${text}": unknown cue set ${JSON.stringify(raw.cues)}`);
      else cueSets.get(raw.cues).used = true;
    }
  } else {
    return report(`term must be a string or {"term", "weight"}: ${JSON.stringify(raw)}`);
  }
  if (text.trim() === '') return report('empty term');
  if (text !== text.trim() || /\s{2,}/u.test(text) || /[\t\n\r]/.test(text)) {
    report(`term "${text}": stray whitespace`);
  }
  if (/\p{Cc}/u.test(text)) report(`term "${text}": contains a control character`);
  const words = text.trim().split(/\s+/u);
  const stars = (text.match(/\*/g) ?? []).length;
  if (stars > 0) {
    const last = words[words.length - 1];
    const stem = last.slice(0, -1);
    if (stars > 1 || !last.endsWith('*')) {
      report(`term "${text}": a wildcard is a single trailing * on the last word`);
    } else if ([...stem].filter((c) => /\p{L}/u.test(c)).length < MIN_WILDCARD_STEM) {
      report(`term "${text}": wildcard stem "${stem}" is shorter than ${MIN_WILDCARD_STEM} letters`);
    }
  }
  // Hyphenated compounds are single tokens (do-it-yourself), so only whole words collide.
  for (const word of words) {
    const capital = COLLIDING_ACRONYMS.get(word);
    if (capital) report(`term "${text}": write the acronym in capitals (${capital}); lowercase "${word}" is an English word`);
  }
  return { text, weight, context, key: termKey(text), wildcard: stars > 0, phrase: words.length > 1 };
}

function loadIptc(path, problems) {
  let data;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push(`${path}: -: cannot read the IPTC subset: ${err.message}`);
    return null;
  }
  if (!Array.isArray(data.topics)) {
    problems.push(`${path}: -: expected a "topics" array`);
    return null;
  }
  return new Map(data.topics.map((t) => [t.qcode, t]));
}

// The top-level ancestor of a qcode, or null when the chain is broken or loops.
function topOf(iptc, qcode) {
  const seen = new Set();
  let q = qcode;
  while (q && !seen.has(q)) {
    seen.add(q);
    const topic = iptc.get(q);
    if (!topic) return null;
    if (!topic.parent) return q;
    q = topic.parent;
  }
  return null;
}

export function validate(themesPath, iptcPath) {
  const problems = [];
  const file = relative(process.cwd(), themesPath) || themesPath;
  const at = (id) => (msg) => { problems.push(`${file}: ${id}: ${msg}`); };

  let text;
  let doc;
  try {
    text = readFileSync(themesPath, 'utf8');
    doc = JSON.parse(text);
  } catch (err) {
    return { problems: [`${file}: -: ${err.message}`] };
  }
  const iptc = loadIptc(iptcPath, problems);
  if (doc?.format !== FORMAT) at('-')(`format must be "${FORMAT}", got ${JSON.stringify(doc?.format)}`);
  if (!Array.isArray(doc?.themes)) {
    at('-')('expected a "themes" array');
    return { problems };
  }

  const byId = new Map();
  doc.themes.forEach((theme, index) => {
    const id = typeof theme?.id === 'string' ? theme.id : `#${index}`;
    const report = at(id);
    if (typeof theme?.id !== 'string') return report('missing id');
    if (!ID_RE.test(id)) report('id must be `top` or `top.sub` in lowercase letters, digits and _');
    if (byId.has(id)) report('duplicate id');
    else byId.set(id, theme);
  });

  // Named cue sets: lists of words, each a valid term.
  const cueSets = new Map();
  if (doc.cues !== undefined) {
    if (!doc.cues || typeof doc.cues !== 'object' || Array.isArray(doc.cues)) at('cues')('"cues" must be an object of word lists');
    else for (const [name, words] of Object.entries(doc.cues)) {
      const report = at(`cues.${name}`);
      if (!CUE_SET_RE.test(name)) report('a cue set name is lowercase letters, digits and _');
      if (!Array.isArray(words) || !words.length) { report('a cue set is a non-empty array of words'); continue; }
      for (const w of words) checkTerm(w, report);
      cueSets.set(name, { used: false });
    }
  }
  const stats = { themes: [], terms: 0, phrases: 0, wildcards: 0, weighted: 0, capitals: 0, context: 0 };
  const themesOfKey = new Map();
  for (const [id, theme] of byId) {
    const report = at(id);
    const isSub = id.includes('.');
    if (typeof theme.label !== 'string' || theme.label.trim() === '') report('missing label');

    if (isSub) {
      const top = id.split('.')[0];
      if (theme.parent === undefined) report(`missing parent (expected "${top}")`);
      else if (theme.parent !== top) report(`parent "${theme.parent}" does not match the id prefix "${top}"`);
      else if (!byId.has(top)) report(`parent "${top}" does not exist`);
      else if (byId.get(top).parent !== undefined) report(`parent "${top}" is not a top-level theme`);
    } else if (theme.parent !== undefined) {
      report('a top-level theme has no parent');
    }

    if (typeof theme.iptc !== 'string') report('missing iptc qcode');
    else if (!QCODE_RE.test(theme.iptc)) report(`iptc "${theme.iptc}" is not a medtop:NNNNNNNN qcode`);
    else if (iptc && !iptc.has(theme.iptc)) report(`qcode ${theme.iptc} is not in the IPTC subset`);
    else if (iptc) {
      const top = topOf(iptc, theme.iptc);
      const iptcLabel = iptc.get(theme.iptc).label;
      if (!isSub && top !== theme.iptc) {
        report(`qcode ${theme.iptc} (${iptcLabel}) is not an IPTC top-level topic`);
      } else if (!isSub && typeof theme.label === 'string' &&
                 theme.label.toLowerCase() !== iptcLabel.toLowerCase()) {
        report(`label "${theme.label}" differs from the IPTC label "${iptcLabel}"`);
      } else if (isSub && byId.get(theme.parent)?.iptc && top !== byId.get(theme.parent).iptc) {
        report(`qcode ${theme.iptc} (${iptcLabel}) is not under the parent's ` +
               `IPTC topic ${byId.get(theme.parent).iptc}`);
      }
    }

    if (theme.terms !== undefined && !Array.isArray(theme.terms)) {
      report('"terms" must be an array');
      continue;
    }
    const terms = theme.terms ?? [];
    if (isSub && terms.length === 0) report('a sub-theme needs terms');
    const seen = new Map();
    for (const raw of terms) {
      const t = checkTerm(raw, report, cueSets);
      if (!t) continue;
      if (seen.has(t.key)) {
        const first = seen.get(t.key);
        report(first === t.text ? `term "${t.text}" listed twice`
                                : `term "${t.text}" duplicates "${first}"`);
        continue;
      }
      seen.set(t.key, t.text);
      if (!themesOfKey.has(t.key)) themesOfKey.set(t.key, new Set());
      themesOfKey.get(t.key).add(id);
      stats.terms += 1;
      if (t.phrase) stats.phrases += 1;
      if (t.wildcard) stats.wildcards += 1;
      if (t.weight < 1) stats.weighted += 1;
      if (t.context) stats.context += 1;
      if (t.text.split(/[\s-]+/u).some(isCapitalToken)) stats.capitals += 1;
    }
    stats.themes.push({ id, top: id.split('.')[0], sub: isSub, terms: seen.size });
  }
  stats.shared = [...themesOfKey.values()].filter((s) => s.size > 1).length;
  stats.bytes = Buffer.byteLength(text);
  stats.gzipBytes = gzipSync(Buffer.from(JSON.stringify(doc))).length;
  return { problems, stats, file };
}

function median(sorted) {
  const n = sorted.length;
  if (n === 0) return 0;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

function printStats({ stats, file }) {
  const tops = stats.themes.filter((t) => !t.sub);
  const subs = stats.themes.filter((t) => t.sub);
  const perTop = tops.map((t) => `${t.id} ${subs.filter((s) => s.top === t.id).length}`);
  const byCount = [...stats.themes].sort((a, b) => a.terms - b.terms || a.id.localeCompare(b.id));
  const counts = byCount.map((t) => t.terms);
  const words = stats.terms - stats.phrases - stats.wildcards;
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const lines = [
    `${file}: OK`,
    `themes: ${stats.themes.length} (${tops.length} top-level, ${subs.length} sub-themes)`,
    `sub-themes per top level: ${perTop.join(', ')}`,
    `terms per theme: min ${counts[0] ?? 0} (${byCount[0]?.id ?? '-'}), ` +
      `median ${median(counts)}, max ${counts.at(-1) ?? 0} (${byCount.at(-1)?.id ?? '-'})`,
    `terms: ${stats.terms} total: ${words} words, ${stats.phrases} phrases, ` +
      `${stats.wildcards} wildcards; ${stats.weighted} weighted below 1; ${stats.context} waiting for context; ` +
      `${stats.capitals} with acronyms in capitals`,
    `terms listed in more than one theme: ${stats.shared}`,
    `size: ${kb(stats.bytes)} as written, ${kb(stats.gzipBytes)} minified and gzipped`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const result = validate(args.themes, args.iptc);
  if (result.problems.length) {
    process.stderr.write(result.problems.join('\n') + '\n');
    process.stderr.write(`${result.problems.length} problem(s)\n`);
    process.exit(1);
  }
  if (!args.quiet) printStats(result);
}
