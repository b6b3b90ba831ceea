#!/usr/bin/env node
// Checks the sentiment data files against their formats (docs/dictionaries.md):
//
//   node tools/validate-lexicons.mjs [FILE_OR_DIR ...]     (default: data/sentiment)
//
// - newslens/lexicon@1: a `name`; either one flat `entries` object or `groups`, each with a
//   `name`, a non-empty `rationale` and non-empty `entries`; every valence a number in [-4, 4];
//   every key lowercase, trimmed, single-spaced; no key twice in the file (across groups too);
//   an optional `emoticons` object (case-sensitive tokens) with valences in [-4, 4].
// - newslens/sentiment-rules@1: `negators` (lowercase strings, no repeats), `boosters` (word ->
//   scalar in [-1, 1]), `contrast` (word -> {before, after, introduces}), `constants` (name ->
//   {value, source}); no word both a negator and a booster.
// - In every file, no object has the same key twice. JSON.parse keeps only the last of repeated
//   keys, so duplicates are found by scanning the raw text with the small parser below.
//
// On failure prints `file: key: problem` lines to stderr and exits 1; on success prints the
// entry counts per file and group.

import {readFileSync, readdirSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VALENCE_MIN = -4; // VADER's rating scale
const VALENCE_MAX = 4;
const BOOSTER_LIMIT = 1; // VADER's boosters are +/-0.293; anything past 1 is a typo
const CONTRAST_INTRODUCES = new Set(['strong', 'weak', 'balanced']);

// ---------------------------------------------------------------------------------------------
// A JSON parser that keeps every key of an object in order, duplicates included, with offsets.
// Objects become {kind: 'object', pairs: [{key, value, offset}]}, arrays {kind: 'array', items},
// scalars {kind: 'scalar', value}. Throws SyntaxError with the offset on malformed input.

export function parseRaw(text) {
  let i = 0;
  const fail = (what) => {
    throw new SyntaxError(`${what} at line ${lineOf(text, i)}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const string = () => {
    const start = i;
    if (text[i] !== '"') fail('expected a string');
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const pairs = [];
      ws();
      if (text[i] === '}') {
        i++;
        return {kind: 'object', pairs};
      }
      for (;;) {
        ws();
        const offset = i;
        const key = string();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        pairs.push({key, value: value(), offset});
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return {kind: 'object', pairs};
        } else fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const items = [];
      ws();
      if (text[i] === ']') {
        i++;
        return {kind: 'array', items};
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return {kind: 'array', items};
        } else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return {kind: 'scalar', value: string()};
    const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 40));
    if (!m) fail('unexpected character');
    i += m[0].length;
    return {kind: 'scalar', value: JSON.parse(m[0])};
  };
  const root = value();
  ws();
  if (i !== text.length) fail('trailing characters');
  return root;
}

function lineOf(text, offset) {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text[k] === '\n') line++;
  return line;
}

// Every object anywhere in the tree, with a readable path.
function* objects(node, path = '') {
  if (node.kind === 'object') {
    yield {node, path};
    for (const p of node.pairs) yield* objects(p.value, path ? `${path}.${p.key}` : p.key);
  } else if (node.kind === 'array') {
    for (let k = 0; k < node.items.length; k++) yield* objects(node.items[k], `${path}[${k}]`);
  }
}

// ---------------------------------------------------------------------------------------------

function keyProblem(key) {
  if (key.length === 0) return 'empty key';
  if (key !== key.trim()) return 'key has leading or trailing spaces';
  if (key !== key.toLowerCase()) return 'key is not lowercase';
  if (/\s{2,}|[\t\n\r]/.test(key)) return 'key has repeated or non-space whitespace';
  return null;
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkEntries(entries, where, problems, seen, groupName) {
  if (!isObject(entries)) {
    problems.push([where, 'entries must be an object']);
    return 0;
  }
  const keys = Object.keys(entries);
  if (keys.length === 0) problems.push([where, 'entries is empty']);
  for (const key of keys) {
    const kp = keyProblem(key);
    if (kp) problems.push([key, kp]);
    const v = entries[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push([key, `valence must be a number, got ${JSON.stringify(v)}`]);
    } else if (v < VALENCE_MIN || v > VALENCE_MAX) {
      problems.push([key, `valence ${v} outside [${VALENCE_MIN}, ${VALENCE_MAX}]`]);
    }
    if (seen.has(key)) {
      problems.push([key, `duplicate key (groups "${seen.get(key)}" and "${groupName}")`]);
    } else {
      seen.set(key, groupName);
    }
  }
  return keys.length;
}

// Optional `emoticons` (the generated general lexicon): case-sensitive tokens, no whitespace.
function checkEmoticons(emoticons, problems) {
  if (!isObject(emoticons)) {
    problems.push(['emoticons', 'emoticons must be an object']);
    return;
  }
  for (const [token, v] of Object.entries(emoticons)) {
    if (token.length === 0 || /\s/.test(token)) problems.push([token, 'emoticon must be non-empty, without whitespace']);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < VALENCE_MIN || v > VALENCE_MAX) {
      problems.push([token, `valence must be a number in [${VALENCE_MIN}, ${VALENCE_MAX}], got ${JSON.stringify(v)}`]);
    }
  }
}

function validateLexicon(doc, problems) {
  const counts = [];
  if (typeof doc.name !== 'string' || doc.name.trim() === '') problems.push(['name', 'missing name']);
  const hasEntries = doc.entries !== undefined;
  const hasGroups = doc.groups !== undefined;
  if (hasEntries === hasGroups) {
    problems.push(['entries', 'a lexicon has either "entries" or "groups", exactly one of them']);
    return counts;
  }
  const seen = new Map();
  if (doc.emoticons !== undefined) checkEmoticons(doc.emoticons, problems);
  if (hasEntries) {
    counts.push({group: null, count: checkEntries(doc.entries, 'entries', problems, seen, '(entries)')});
    return counts;
  }
  if (!Array.isArray(doc.groups) || doc.groups.length === 0) {
    problems.push(['groups', 'groups must be a non-empty array']);
    return counts;
  }
  doc.groups.forEach((g, k) => {
    const where = `groups[${k}]`;
    if (!isObject(g)) {
      problems.push([where, 'group must be an object']);
      return;
    }
    const name = typeof g.name === 'string' && g.name.trim() !== '' ? g.name : null;
    if (!name) problems.push([where, 'group has no name']);
    if (typeof g.rationale !== 'string' || g.rationale.trim() === '') {
      problems.push([name ?? where, 'group has no rationale']);
    }
    counts.push({group: name ?? where, count: checkEntries(g.entries, `${name ?? where}.entries`, problems, seen, name ?? where)});
  });
  return counts;
}

function checkWordList(list, where, problems) {
  const seen = new Set();
  for (const w of list) {
    if (typeof w !== 'string') {
      problems.push([where, `not a string: ${JSON.stringify(w)}`]);
      continue;
    }
    const kp = keyProblem(w);
    if (kp) problems.push([w, kp]);
    if (seen.has(w)) problems.push([w, `listed twice in ${where}`]);
    seen.add(w);
  }
  return seen;
}

function validateRules(doc, problems) {
  const counts = [];
  let negators = new Set();
  if (!Array.isArray(doc.negators) || doc.negators.length === 0) {
    problems.push(['negators', 'negators must be a non-empty array']);
  } else {
    negators = checkWordList(doc.negators, 'negators', problems);
    counts.push({group: 'negators', count: doc.negators.length});
  }
  if (doc.negation_exceptions !== undefined) {
    if (!Array.isArray(doc.negation_exceptions)) {
      problems.push(['negation_exceptions', 'must be an array']);
    } else {
      checkWordList(doc.negation_exceptions, 'negation_exceptions', problems);
      counts.push({group: 'negation_exceptions', count: doc.negation_exceptions.length});
    }
  }
  if (!isObject(doc.boosters) || Object.keys(doc.boosters).length === 0) {
    problems.push(['boosters', 'boosters must be a non-empty object']);
  } else {
    for (const [w, v] of Object.entries(doc.boosters)) {
      const kp = keyProblem(w);
      if (kp) problems.push([w, kp]);
      if (typeof v !== 'number' || !Number.isFinite(v) || v === 0 || Math.abs(v) > BOOSTER_LIMIT) {
        problems.push([w, `booster scalar must be a non-zero number in [-${BOOSTER_LIMIT}, ${BOOSTER_LIMIT}], got ${JSON.stringify(v)}`]);
      }
      if (negators.has(w)) problems.push([w, 'both a negator and a booster']);
    }
    counts.push({group: 'boosters', count: Object.keys(doc.boosters).length});
  }
  if (!isObject(doc.contrast) || Object.keys(doc.contrast).length === 0) {
    problems.push(['contrast', 'contrast must be a non-empty object']);
  } else {
    for (const [w, c] of Object.entries(doc.contrast)) {
      const kp = keyProblem(w);
      if (kp) problems.push([w, kp]);
      if (!isObject(c)) {
        problems.push([w, 'contrast entry must be an object {before, after, introduces}']);
        continue;
      }
      for (const side of ['before', 'after']) {
        if (typeof c[side] !== 'number' || !(c[side] >= 0) || c[side] > 4) {
          problems.push([w, `"${side}" must be a weight in [0, 4]`]);
        }
      }
      if (!CONTRAST_INTRODUCES.has(c.introduces)) {
        problems.push([w, `"introduces" must be one of ${[...CONTRAST_INTRODUCES].join(', ')}`]);
      }
    }
    counts.push({group: 'contrast', count: Object.keys(doc.contrast).length});
  }
  if (!isObject(doc.constants) || Object.keys(doc.constants).length === 0) {
    problems.push(['constants', 'constants must be a non-empty object']);
  } else {
    for (const [name, c] of Object.entries(doc.constants)) {
      const numeric = (v) => typeof v === 'number' && Number.isFinite(v);
      if (!isObject(c) || !(numeric(c.value) || (Array.isArray(c.value) && c.value.every(numeric)))) {
        problems.push([name, 'constant must be {"value": number or numbers, "source": string}']);
      } else if (typeof c.source !== 'string' || c.source.trim() === '') {
        problems.push([name, 'constant has no source']);
      }
    }
    counts.push({group: 'constants', count: Object.keys(doc.constants).length});
  }
  return counts;
}

// Validates one file's text. Returns {problems: [[key, problem]], counts: [{group, count}]}.
export function validateText(text) {
  const problems = [];
  let raw;
  try {
    raw = parseRaw(text);
  } catch (e) {
    return {problems: [['(json)', e.message]], counts: []};
  }
  if (raw.kind !== 'object') return {problems: [['(json)', 'top level must be an object']], counts: []};
  for (const {node, path} of objects(raw)) {
    const firstAt = new Map();
    for (const p of node.pairs) {
      if (firstAt.has(p.key)) {
        problems.push([p.key, `duplicate key in ${path || 'the top-level object'} (lines ${lineOf(text, firstAt.get(p.key))} and ${lineOf(text, p.offset)})`]);
      } else {
        firstAt.set(p.key, p.offset);
      }
    }
  }
  const doc = JSON.parse(text);
  let counts = [];
  if (doc.format === 'newslens/lexicon@1') counts = validateLexicon(doc, problems);
  else if (doc.format === 'newslens/sentiment-rules@1') counts = validateRules(doc, problems);
  else problems.push(['format', `unknown format ${JSON.stringify(doc.format)}`]);
  // Within-object duplicates are reported by both passes when they are lexicon entries; keep one.
  const unique = [...new Map(problems.map((p) => [p.join('\u0000'), p])).values()];
  return {problems: unique, counts};
}

export function validateFile(path) {
  return validateText(readFileSync(path, 'utf8'));
}

function listFiles(args) {
  const targets = args.length ? args : [join(ROOT, 'data', 'sentiment')];
  const files = [];
  for (const t of targets) {
    const abs = resolve(t);
    if (statSync(abs).isDirectory()) {
      for (const f of readdirSync(abs).sort()) if (f.endsWith('.json')) files.push(join(abs, f));
    } else {
      files.push(abs);
    }
  }
  return files;
}

function main() {
  const files = listFiles(process.argv.slice(2));
  if (files.length === 0) {
    console.error('validate-lexicons: no .json files found');
    process.exit(1);
  }
  let failed = false;
  const report = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    const {problems, counts} = validateFile(file);
    for (const [key, problem] of problems) console.error(`${shown}: ${key}: ${problem}`);
    if (problems.length) failed = true;
    const total = counts.reduce((s, c) => s + c.count, 0);
    report.push(`${shown}: ${total}`);
    for (const c of counts) if (c.group !== null) report.push(`  ${c.group}: ${c.count}`);
  }
  if (failed) process.exit(1);
  console.log(report.join('\n'));
  console.log(`ok: ${files.length} files`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
