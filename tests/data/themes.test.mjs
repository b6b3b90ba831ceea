// Checks the theme taxonomy with tools/validate-themes.mjs: the real dictionary passes with the
// coverage the project promises, and small broken dictionaries fail with a message that names
// the file, the theme and the problem.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const validator = join(root, 'tools/validate-themes.mjs');
const extractor = join(root, 'tools/extract-iptc.mjs');
const subsetPath = join(root, 'data/iptc/media-topics-subset.json');
const tmp = mkdtempSync(join(tmpdir(), 'newslens-themes-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(script, args) {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
}

// A tiny IPTC subset: two top levels and the chain down to diplomacy.
const IPTC = {
  generated: 'test fixture',
  topics: [
    { qcode: 'medtop:04000000', label: 'economy, business and finance', parent: null, level: 1 },
    { qcode: 'medtop:20000373', label: 'international trade', parent: 'medtop:04000000', level: 2 },
    { qcode: 'medtop:11000000', label: 'politics', parent: null, level: 1 },
    { qcode: 'medtop:20000638', label: 'international relations', parent: 'medtop:11000000', level: 2 },
    { qcode: 'medtop:20000639', label: 'diplomacy', parent: 'medtop:20000638', level: 3 },
  ],
};
const iptcPath = join(tmp, 'iptc.json');
writeFileSync(iptcPath, JSON.stringify(IPTC));

function dictionary(themes) {
  return { format: 'newslens/themes@1', language: 'en', themes };
}

const VALID = [
  { id: 'politics', label: 'Politics', iptc: 'medtop:11000000' },
  { id: 'politics.diplomacy', label: 'Diplomacy', parent: 'politics', iptc: 'medtop:20000639',
    terms: ['diplomacy', 'diplomat*', 'state visit', 'UN', { term: 'summit', weight: 0.5 }] },
  { id: 'economy', label: 'Economy, business and finance', iptc: 'medtop:04000000',
    terms: ['economy'] },
  { id: 'economy.trade', label: 'Trade', parent: 'economy', iptc: 'medtop:20000373',
    terms: ['tariff', 'e-commerce', 'WTO'] },
];

function validateThemes(name, themes) {
  const path = join(tmp, `${name}.json`);
  writeFileSync(path, JSON.stringify(dictionary(themes), null, 2));
  return { path, result: run(validator, [path, '--iptc', iptcPath]) };
}

// Replaces one theme of VALID (by id) with `patch` applied to it.
function withTheme(id, patch) {
  return VALID.map((t) => (t.id === id ? { ...t, ...patch } : t));
}

describe('validate-themes on data/themes/en.json', () => {
  const result = run(validator, []);

  test('passes', () => {
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /data\/themes\/en\.json: OK/);
  });

  test('has all 17 IPTC top levels, at least 130 sub-themes and 5,000 terms', () => {
    const themes = result.stdout.match(/themes: (\d+) \((\d+) top-level, (\d+) sub-themes\)/);
    assert.ok(themes, result.stdout);
    assert.equal(Number(themes[2]), 17);
    assert.ok(Number(themes[3]) >= 130, `only ${themes[3]} sub-themes`);
    const terms = result.stdout.match(/terms: (\d+) total/);
    assert.ok(terms, result.stdout);
    assert.ok(Number(terms[1]) >= 5000, `only ${terms[1]} terms`);
  });

  test('every top level has several sub-themes', () => {
    const line = result.stdout.match(/sub-themes per top level: (.*)/)[1];
    for (const entry of line.split(', ')) {
      const [id, count] = entry.split(' ');
      assert.ok(Number(count) >= 3, `${id} has ${count} sub-themes`);
    }
  });

  test('contains the sub-themes the product promises', () => {
    const ids = new Set(JSON.parse(readFileSync(join(root, 'data/themes/en.json'), 'utf8'))
      .themes.map((t) => t.id));
    for (const id of [
      'politics.diplomacy', 'politics.elections', 'politics.legislature', 'politics.government',
      'politics.multilateral_organizations', 'politics.human_rights', 'society.migration',
      'economy.trade', 'economy.investment', 'economy.markets', 'economy.monetary_policy',
      'economy.energy', 'economy.agriculture', 'economy.corporate', 'labour.employment',
      'economy.transport', 'economy.tourism', 'conflict.armed_conflict', 'conflict.terrorism',
      'conflict.peace_process', 'conflict.security_defence', 'conflict.unrest', 'crime.courts',
      'crime.police', 'disaster.natural', 'disaster.accidents', 'health.pandemic',
      'health.public_health', 'health.disease', 'environment.climate_change',
      'environment.pollution', 'education.schools', 'education.universities', 'science.research',
      'science.space', 'science.computing', 'science.telecoms', 'sport.football',
      'arts.cultural_exchange', 'society.youth',
    ]) {
      assert.ok(ids.has(id), `missing ${id}`);
    }
  });

  // The packer leaves out the phrases of data/prune/themes-en.tsv because their head word,
  // a term of the same theme, gives the same hit. A head word that now waits for context (or
  // left the theme) would turn "postal ballot" into a word that needs a second one: such a
  // taxonomy change must come with the list made again (docs/size.md).
  test('every pruned phrase still has a plain head word in its theme', () => {
    const taxonomy = JSON.parse(readFileSync(join(root, 'data/themes/en.json'), 'utf8'));
    // Words compared as tools/prune-themes.mjs compares them: a final "s" of a word over 3
    // letters dropped ("neighbours" is the head of "good neighbour").
    const wordKey = (w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w);
    const plain = new Map();
    for (const theme of taxonomy.themes) {
      const words = new Set();
      for (const t of theme.terms ?? []) {
        const text = typeof t === 'string' ? t : t.term;
        if (typeof t === 'string' || !t.context) words.add(wordKey(text));
      }
      plain.set(theme.id, words);
    }
    const lines = readFileSync(join(root, 'data/prune/themes-en.tsv'), 'utf8').split('\n')
      .filter((l) => l && !l.startsWith('#'));
    assert.ok(lines.length > 0);
    for (const line of lines) {
      const [id, phrase] = line.split('\t');
      const head = wordKey(phrase.split(/[ -]/).pop());
      assert.ok((plain.get(id) ?? new Set()).has(head), `${id}: "${phrase}" is pruned but "${head}" is no plain term`);
    }
  });
});

describe('validate-themes on broken dictionaries', () => {
  test('accepts a small valid dictionary', () => {
    const { result } = validateThemes('valid', VALID);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /themes: 4 \(2 top-level, 2 sub-themes\)/);
    assert.match(result.stdout, /terms: 9 total: 7 words, 1 phrases, 1 wildcards; 1 weighted/);
  });

  const cases = [
    ['duplicate id', [...VALID, VALID[1]], /: politics\.diplomacy: duplicate id/],
    ['bad id syntax', [...VALID, { ...VALID[1], id: 'politics.Diplomacy' }],
     /: politics\.Diplomacy: id must be/],
    ['parent that does not exist',
     [...VALID, { id: 'sport.football', label: 'Football', parent: 'sport',
                  iptc: 'medtop:20000639', terms: ['goal'] }],
     /: sport\.football: parent "sport" does not exist/],
    ['parent that does not match the id', withTheme('economy.trade', { parent: 'politics' }),
     /: economy\.trade: parent "politics" does not match the id prefix "economy"/],
    ['sub-theme without a parent', withTheme('economy.trade', { parent: undefined }),
     /: economy\.trade: missing parent/],
    ['qcode missing from the IPTC subset', withTheme('economy.trade', { iptc: 'medtop:99999999' }),
     /: economy\.trade: qcode medtop:99999999 is not in the IPTC subset/],
    ['malformed qcode', withTheme('economy.trade', { iptc: '20000373' }),
     /: economy\.trade: iptc "20000373" is not a medtop:NNNNNNNN qcode/],
    ['qcode under another top level', withTheme('economy.trade', { iptc: 'medtop:20000639' }),
     /: economy\.trade: qcode medtop:20000639 \(diplomacy\) is not under the parent's IPTC topic/],
    ['duplicate term after lowercasing',
     withTheme('politics.diplomacy', { terms: ['summit', 'Summit'] }),
     /: politics\.diplomacy: term "Summit" duplicates "summit"/],
    ['hyphen variant of a term', withTheme('economy.trade', { terms: ['e-commerce', 'ecommerce'] }),
     /: economy\.trade: term "ecommerce" duplicates "e-commerce"/],
    ['wildcard stem too short', withTheme('economy.trade', { terms: ['tra*'] }),
     /: economy\.trade: term "tra\*": wildcard stem "tra" is shorter than 4 letters/],
    ['wildcard not at the end', withTheme('economy.trade', { terms: ['trade* war'] }),
     /: economy\.trade: term "trade\* war": a wildcard is a single trailing \*/],
    ['weight out of range', withTheme('economy.trade', { terms: [{ term: 'deal', weight: 1.5 }] }),
     /: economy\.trade: term "deal": weight 1\.5 is not in \(0, 1\]/],
    ['zero weight', withTheme('economy.trade', { terms: [{ term: 'deal', weight: 0 }] }),
     /: economy\.trade: term "deal": weight 0 is not in \(0, 1\]/],
    ['colliding acronym in lowercase', withTheme('economy.trade', { terms: ['us tariffs'] }),
     /: economy\.trade: term "us tariffs": write the acronym in capitals \(US\)/],
    ['sub-theme without terms', withTheme('economy.trade', { terms: [] }),
     /: economy\.trade: a sub-theme needs terms/],
  ];
  for (const [name, themes, message] of cases) {
    test(`rejects a ${name}`, () => {
      const { path, result } = validateThemes(name.replaceAll(' ', '-'), themes);
      assert.equal(result.status, 1, `expected failure, got:\n${result.stdout}${result.stderr}`);
      assert.match(result.stderr, message);
      assert.ok(result.stderr.includes(path.split('/').pop()), 'message names the file');
    });
  }

  test('allows the same acronym in capitals and lowercase', () => {
    // Capitals make a term case-sensitive, so "AI" and "ai" are different terms.
    const { result } = validateThemes('acronym-case', withTheme('economy.trade',
      { terms: ['AI', 'ai'] }));
    assert.equal(result.status, 0, result.stderr);
  });

  test('rejects a file with the wrong format tag', () => {
    const path = join(tmp, 'format.json');
    writeFileSync(path, JSON.stringify({ format: 'newslens/lexicon@1', themes: VALID }));
    const result = run(validator, [path, '--iptc', iptcPath]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /format\.json: -: format must be "newslens\/themes@1"/);
  });

  test('rejects invalid JSON', () => {
    const path = join(tmp, 'broken.json');
    writeFileSync(path, '{"format": "newslens/themes@1", "themes": [');
    const result = run(validator, [path, '--iptc', iptcPath]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /broken\.json: -: /);
  });
});

describe('extract-iptc', () => {
  const subset = JSON.parse(readFileSync(subsetPath, 'utf8'));

  test('the committed subset says it is generated', () => {
    assert.equal(Object.keys(subset)[0], 'generated');
    assert.match(subset.generated, /^GENERATED BY tools\/extract-iptc\.mjs .*DO NOT EDIT$/);
    assert.match(subset.licence, /CC BY 4\.0/);
    assert.match(subset.attribution, /IPTC/);
    assert.equal(subset.count, subset.topics.length);
  });

  const full = resolve(root, '../shared/data/iptc-media-topics.json');
  test('regenerating from the full IPTC file gives the committed subset',
    { skip: !existsSync(full) && `no full IPTC file at ${full}` }, () => {
      const result = run(extractor, [full, '--out', '-']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, readFileSync(subsetPath, 'utf8'));
    });
});
