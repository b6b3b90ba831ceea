#!/usr/bin/env node
// Writes the group "inflected forms of rated words" of data/sentiment/news-en.json: the plural,
// third-person, past and -ing forms of the words the general lexicon and the news layer rate,
// where no lexicon rates the form itself, at INFLECTION_WEIGHT x the base's valence.
//
//   node tools/build-inflections.mjs [--check]
//
// VADER's lexicon (general-en.json) rates word forms, not lemmas: "delay" is -1.3 but "delays"
// and "delaying" are unrated, as are "prisons", "bombs", "penalties", "benefited",
// "protecting". Where VADER's raters did rate both a base and a form these rules
// make from it (2,608 pairs in general-en.json), the form has the base's sign in 96% of them and 0.87 x
// its valence (least-squares slope through 0): an inflection keeps its base's polarity. A form
// they left unrated is rated here at INFLECTION_WEIGHT = 0.5 x its base, a weaker claim than a
// human rating (measured on the two NYT dev halves: docs/accuracy.md, Tone).
//
// Forms are made by English spelling rules (-s/-es/-ies, -ed/-d/-ied, -ing with e-dropping and
// the doubled final consonant of a short verb) and kept only when they are words of the
// wamerican list (/usr/share/dict/american-english: Debian's wamerican package, SCOWL, Kevin
// Atkinson; `apt-get install wamerican`), used only here to filter; it is not shipped. A form
// any lexicon or rule list already names is left to it, and bases the finance layer rates are
// left out (its own reading of business words). EXCLUDED lists the forms whose usual sense is
// not their base's; each line says why. The group is replaced in place, so re-running the
// script on the same inputs reproduces the file byte for byte; --check exits 1 when it differs.

import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

import {entriesOf, otherGroups, ruleWords, writeGroup} from './lexicon-group.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORDS = '/usr/share/dict/american-english';
const NEWS = join(ROOT, 'data', 'sentiment', 'news-en.json');
const GENERAL = join(ROOT, 'data', 'sentiment', 'general-en.json');
const FINANCE = join(ROOT, 'data', 'sentiment', 'finance-en.json');
const RULES = join(ROOT, 'data', 'sentiment', 'rules-en.json');
const GROUP = 'inflected forms of rated words';
const PATTERN_GROUP = 'adjectives VADER lacks (Pattern)';
const INFLECTION_WEIGHT = 0.5;
// A form is listed only when its rating reaches the engine's evaluative threshold
// (kEvaluativeValence in sentiment.cc, half VADER's "slightly" step): weaker ones move no label
// and would cost the page and the widget bytes for nothing.
const MIN_FORM_VALENCE = 0.5;
const EXCLUDED = new Set([
  // A different word that looks like a form: attribution, merchandise, plural of "leaf", odds.
  'according', 'goods', 'leaves', 'odds', 'spirits', 'novels', 'comics', 'specials', 'solids',
  'originals', 'greats', 'bests', 'moped', 'confidences', 'witching', 'gods',
  // "excluding" is a preposition in figures ("excluding one-off items").
  'excludes', 'excluding',
  // Institutions and kinds: "the authorities", "all kinds of".
  'authorities', 'kinds',
  // "hand" is rated as help ("give a hand"); "handed over", "changed hands" are not.
  'hands', 'handed', 'handing',
  // Industry terms: oil refining and rigs, bonds maturing, clearing banks, mineral prospecting,
  // appropriated funds, fitted with.
  'refining', 'rigs', 'maturing', 'matured', 'clearing', 'prospecting', 'appropriated',
  'fits', 'fitting', 'fitted',
  // Paying is not a cost in news ("paying tribute", "pays dividends").
  'paying', 'pays',
  // Directions and movements the shifter rules read, or that change sense: a cooling economy,
  // troops retreating, a fading threat, fanning the flames, unravelling talks, striking workers.
  'cooling', 'cooled', 'retreated', 'retreating', 'fading', 'faded', 'fanning', 'unravelling',
  'striking', 'slapped',
  // Neutral in news (the list of tools/build-afinn-gap.mjs).
  'demands', 'limits', 'absorbed', 'leading', 'settlements', 'reigning', 'lobbied',
]);


const VOWELS = 'aeiou';
const isConsonant = (c) => c && !VOWELS.includes(c);

// Regular inflections of `base` by English spelling rules.
function formsOf(base) {
  const forms = new Set();
  const last = base.at(-1);
  const beforeLast = base.at(-2);
  if (/(s|x|z|ch|sh)$/.test(base)) forms.add(`${base}es`);
  else if (last === 'y' && isConsonant(beforeLast)) {
    forms.add(`${base.slice(0, -1)}ies`);
    forms.add(`${base.slice(0, -1)}ied`);
  } else forms.add(`${base}s`);
  if (last === 'e') {
    forms.add(`${base}d`);
    forms.add(`${base.slice(0, -1)}ing`);
  } else if (last === 'y' && isConsonant(beforeLast)) {
    forms.add(`${base}ing`);
  } else {
    forms.add(`${base}ed`);
    forms.add(`${base}ing`);
    // A short verb ending consonant-vowel-consonant doubles it: stop -> stopped, ban -> banning.
    if (base.length >= 3 && !'wxy'.includes(last) && isConsonant(last) &&
        VOWELS.includes(beforeLast) && isConsonant(base.at(-3))) {
      forms.add(`${base}${last}ed`);
      forms.add(`${base}${last}ing`);
    }
  }
  return forms;
}

const RATIONALE =
  'Plural, third-person, past and -ing forms of the words the general lexicon and this file ' +
  'rate, where no lexicon rates the form (delays, prisons, bombs, penalties, benefited, ' +
  'protecting ...), GENERATED BY tools/build-inflections.mjs: VADER rates word forms, not ' +
  'lemmas, and where its raters rated both a base and its form they agree in sign (96% of ' +
  '2,608 pairs, form = 0.87 x base); an unrated form gets 0.5 x its base (INFLECTION_WEIGHT), ' +
  'listed when that reaches |0.5| (MIN_FORM_VALENCE), ' +
  'forms kept only when they are English words (Debian wamerican, SCOWL), minus the forms the ' +
  'script lists as another word or a neutral sense in news (according, goods, authorities, ' +
  'hands ...). Edit the script, not this group.';

function main() {
  if (!existsSync(WORDS)) {
    console.error(`${WORDS} is missing: apt-get install wamerican`);
    process.exit(2);
  }
  const dictionary = new Set(readFileSync(WORDS, 'utf8').split('\n').filter((w) => /^[a-z]+$/.test(w)));
  const general = entriesOf(JSON.parse(readFileSync(GENERAL, 'utf8')));
  const finance = entriesOf(JSON.parse(readFileSync(FINANCE, 'utf8')));
  const rules = ruleWords(JSON.parse(readFileSync(RULES, 'utf8')));
  const newsText = readFileSync(NEWS, 'utf8');
  const news = JSON.parse(newsText);
  const others = otherGroups(news, GROUP);
  // The news layer overrides the general lexicon. Pattern's group rates adjectives, which have no
  // such forms ("tidy" is no verb there): it names known words, but makes no bases.
  const adjectives = news.groups.find((g) => g.name === PATTERN_GROUP)?.entries ?? {};
  const rated = Object.fromEntries(
      Object.entries({...general, ...others}).filter(([w]) => !(w in adjectives)));
  const known = (w) => w in general || w in others || w in finance || rules.has(w);
  const found = new Map();
  for (const [base, value] of Object.entries(rated).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!/^[a-z]{3,}$/.test(base) || value === 0 || base in finance) continue;
    if (/(ed|ing)$/.test(base)) continue;  // a form already
    for (const form of formsOf(base)) {
      if (known(form) || EXCLUDED.has(form) || !dictionary.has(form)) continue;
      // Two bases can make one form ("desert"/"deserts"): the stronger rating wins.
      if (found.has(form) && Math.abs(found.get(form)) >= Math.abs(value)) continue;
      found.set(form, value);
    }
  }
  const entries = {};
  for (const form of [...found.keys()].sort()) {
    const value = Math.round(found.get(form) * INFLECTION_WEIGHT * 100) / 100;
    if (Math.abs(value) >= MIN_FORM_VALENCE) entries[form] = value;
  }
  // A new group goes before the AFINN group, after the hand-written ones.
  writeGroup({
    path: NEWS, text: newsText, name: GROUP, rationale: RATIONALE, entries,
    insertAt: (text) => text.indexOf('    {\n      "name": "general words VADER lacks (AFINN-165)"'),
    script: 'tools/build-inflections.mjs',
  });
}

main();
