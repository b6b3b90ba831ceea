// A generated group of data/sentiment/news-en.json, shared by the scripts that write one
// (tools/build-afinn-gap.mjs, tools/build-inflections.mjs, tools/build-pattern-gap.mjs): the
// group is written in the file's own layout (entries wrapped at 92 columns), replaces the group
// of the same name in place, and `--check` fails when the file's group differs from what the
// script would write.

import {writeFileSync} from 'node:fs';

// A lexicon file's entries: its flat `entries`, or every group's merged.
export function entriesOf(doc) {
  if (doc.entries) return doc.entries;
  return Object.assign({}, ...doc.groups.map((g) => g.entries));
}

// Every word a rule list of rules-en.json names (negators, boosters, shifters, events ...).
export function ruleWords(rules) {
  const words = new Set();
  const walk = (x) => {
    if (typeof x === 'string') words.add(x.toLowerCase());
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') for (const v of Object.values(x)) walk(v);
  };
  for (const [key, value] of Object.entries(rules))
    if (!['constants', 'provenance', 'source', 'format', 'language', 'license'].includes(key)) walk(value);
  return words;
}

// The entries of every group of `doc` but the one named `group`.
export function otherGroups(doc, group) {
  return Object.assign({}, ...doc.groups.filter((g) => g.name !== group).map((g) => g.entries));
}

function groupText(name, rationale, entries) {
  const items = Object.entries(entries).map(([k, v]) => `${JSON.stringify(k)}: ${v}`);
  const lines = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + item.length + 2 > 92) {
      lines.push(line + ',');
      line = '';
    }
    line = line ? `${line}, ${item}` : item;
  }
  if (line) lines.push(line);
  return [
    '    {',
    `      "name": ${JSON.stringify(name)},`,
    `      "rationale": ${JSON.stringify(rationale)},`,
    '      "entries": {',
    ...lines.map((l) => `        ${l}`),
    '      }',
    '    }',
  ].join('\n');
}

// Writes the group `name` of the lexicon file at `path` (whose text is `text`), or with --check
// only compares. A new group goes where `insertAt(text)` says (an offset at a group's opening).
export function writeGroup({path, text, name, rationale, entries, insertAt, script}) {
  const block = groupText(name, rationale, entries);
  let out;
  const start = text.indexOf(`      "name": ${JSON.stringify(name)}`);
  if (start >= 0) {
    const open = text.lastIndexOf('    {', start);
    const close = text.indexOf('\n    }', start) + '\n    }'.length;
    out = text.slice(0, open) + block + text.slice(close);
  } else {
    const at = insertAt(text);
    out = text.slice(0, at) + block + ',\n' + text.slice(at);
  }
  if (process.argv.includes('--check')) {
    if (out !== text) {
      console.error(`${path}: group "${name}" is out of date; run node ${script}`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(path, out);
  console.log(`${Object.keys(entries).length} entries in "${name}"`);
}
