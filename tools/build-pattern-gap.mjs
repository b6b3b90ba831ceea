#!/usr/bin/env node
// Writes the group "adjectives VADER lacks (Pattern)" of data/sentiment/news-en.json: the
// adjectives of Pattern's English subjectivity lexicon (De Smedt & Daelemans 2012, "Pattern for
// Python", JMLR 13; en-sentiment.xml, licence="PDDL" in the file, in Debian's python3-pattern,
// BSD-3-Clause) that no other lexicon or group rates, on VADER's -4..+4 scale.
//
//   node tools/build-pattern-gap.mjs [--check] [--xml PATH]
//
// PATH defaults to Debian's copy, /usr/lib/python3/dist-packages/pattern/text/en/en-sentiment.xml
// (`apt-get install python3-pattern`); it is read only here and not shipped. Pattern rates word
// senses from -1 to +1 and reads a word as the mean of its senses; so does this script. Where
// VADER's raters and Pattern both rate a word (382 adjectives), they agree in sign on 95 % and VADER's
// valence is 3.05 x Pattern's (least-squares slope through 0, printed by this script): a word is
// rated PATTERN_WEIGHT x 3.05 x its polarity, a weaker claim than a human rating on VADER's
// scale (measured on the two NYT dev halves: docs/accuracy.md, Tone). Only senses tagged by hand
// (confidence >= MIN_CONFIDENCE; 0.7 marks an inferred one, says the file) of
// adjectives (pos JJ*) count. EXCLUDED lists
// the words news uses in a neutral sense; each line says why. The group is replaced in place, so
// re-running the script reproduces the file byte for byte; --check exits 1 when it differs.

import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

import {entriesOf, otherGroups, ruleWords, writeGroup} from './lexicon-group.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argXml = process.argv.indexOf('--xml');
const XML = argXml > 0 ? process.argv[argXml + 1] : '/usr/lib/python3/dist-packages/pattern/text/en/en-sentiment.xml';
const NEWS = join(ROOT, 'data', 'sentiment', 'news-en.json');
const GENERAL = join(ROOT, 'data', 'sentiment', 'general-en.json');
const FINANCE = join(ROOT, 'data', 'sentiment', 'finance-en.json');
const RULES = join(ROOT, 'data', 'sentiment', 'rules-en.json');
const GROUP = 'adjectives VADER lacks (Pattern)';
const PATTERN_WEIGHT = Number(process.env.PATTERN_WEIGHT || 0.5);
const MIN_CONFIDENCE = Number(process.env.MIN_CONFIDENCE || 0.8);
// As tools/build-inflections.mjs: a weaker rating moves no label and costs bytes.
const MIN_VALENCE = 0.5;
const EXCLUDED = new Set([
  // Quantifiers, determiners and words of position or time: no evaluation in news.
  'many', 'more', 'most', 'least', 'own', 'mere', 'full', 'filled', 'able', 'available', 'right',
  'behind', 'late', 'latest', 'primary', 'secondary', 'common', 'uncommon', 'familiar', 'light',
  'thin', 'thick', 'static', 'distinct', 'detailed', 'approximate', 'calculable', 'random',
  'confirmed', 'guarded', 'acquainted', 'absorbed', 'applicative', 'apportioned', 'assumptive',
  // Nouns and verbs that look like these adjectives in news: a military base, a game, a primary,
  // the rank and file, "what it means", the president-elect, a housing complex, a fly-past.
  'base', 'game', 'rank', 'mean', 'elect', 'complex', 'fly', 'chicken', 'sound', 'secret',
  // Descriptions, not judgements, in news: scale ("a dramatic rise", "an unprecedented number",
  // "an overwhelming majority", "a full-fledged war"), kinds (sexual abuse, acute shortages, the
  // Cold War, the Golden Gate, a cast-iron pledge), trades and fields.
  'dramatic', 'unprecedented', 'overwhelming', 'full-fledged', 'first-string', 'sexual', 'erotic',
  'gay', 'pregnant', 'youngish', 'acute', 'cold', 'golden', 'cast-iron', 'vocational',
  'ecological', 'autonomous', 'artesian', 'ungraded', 'unsalted', 'uncut', 'unstirred', 'churning',
  'nameless', 'cheap',
  // Kinds and conditions that describe in news: artificial intelligence, an elementary school,
  // affirmative action, rare earths, an expensive city, exotic animals, chilly/frigid/muggy
  // weather, a dusty road.
  'artificial', 'elementary', 'affirmative', 'rare', 'expensive', 'exotic', 'chilly', 'frigid',
  'muggy', 'dusty',
  // Corporate, legal and procedural terms: an extraordinary general meeting, the relevant
  // authorities, a gratuitous (free of charge) transfer of shares.
  'extraordinary', 'relevant', 'gratuitous',
  // Words the engine reads as forms or rules already excludes in news (tools/build-inflections.mjs):
  // striking workers, a fitting, touching on, catching up, becoming president, proves, and the
  // past of a neutral verb ("the worst it has experienced").
  'striking', 'fitting', 'touching', 'catching', 'becoming', 'proves', 'experienced',
  // Rated against their usual sense in English prose, or of unclear sign: Pattern's sense mean
  // disagrees with the word's usual reading (a skittish market, a motley crew, a forcible entry).
  'skittish', 'motley', 'airheaded', 'licentious', 'flippant', 'forcible', 'honest-to-god',
  'deadpan', 'offbeat', 'nostalgic', 'placid', 'subtle', 'unashamed',
  // Tagged JJ but no adjective of English: an adverb (cleanly) and a misspelling (satisyfing).
  'cleanly', 'satisyfing',
]);

const isKey = (k) => /^[a-z][a-z'-]*$/.test(k);

const RATIONALE =
  'Evaluative adjectives of general English that VADER\'s lexicon and AFINN lack (absurd, ' +
  'magic ...), GENERATED BY tools/build-pattern-gap.mjs from the English subjectivity lexicon ' +
  'of Pattern (Tom De Smedt and Walter Daelemans, CLiPS, University of Antwerp; en-sentiment.xml, ' +
  'PDDL, in Debian\'s python3-pattern, BSD-3-Clause): the mean polarity of a word\'s hand-tagged ' +
  'senses, x 3.05 to VADER\'s scale (the slope where both rate a word) and x PATTERN_WEIGHT, for ' +
  'the words no other lexicon or group rates, minus those news uses in a neutral sense. Edit the ' +
  'script, not this group.';

function main() {
  if (!existsSync(XML)) {
    console.error(`${XML} is missing: apt-get install python3-pattern (or pass --xml PATH)`);
    process.exit(2);
  }
  const xml = readFileSync(XML, 'utf8');
  const senses = new Map();
  for (const m of xml.matchAll(/<word ([^>]*)\/>/g)) {
    const a = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    // Adjectives only: the file also tags interjections (aww, grr), nouns (melodrama), verbs
    // (regurgitates) and adverbs (terminally). A missing confidence is no hand tag (NaN >= x is
    // false, so it is skipped).
    if (!(a.pos || '').startsWith('JJ')) continue;
    if (!(Number(a.confidence) >= MIN_CONFIDENCE)) continue;
    const form = a.form.toLowerCase();
    if (!senses.has(form)) senses.set(form, []);
    senses.get(form).push(Number(a.polarity));
  }
  const general = entriesOf(JSON.parse(readFileSync(GENERAL, 'utf8')));
  const finance = entriesOf(JSON.parse(readFileSync(FINANCE, 'utf8')));
  const newsText = readFileSync(NEWS, 'utf8');
  const news = JSON.parse(newsText);
  const others = otherGroups(news, GROUP);
  // A word a rule names (a booster, a shifter, a negator) is the rule's, not the lexicon's.
  const rulesDoc = JSON.parse(readFileSync(RULES, 'utf8'));
  const rules = ruleWords(rulesDoc);
  for (const w of Object.keys(rulesDoc.boosters)) rules.add(w.toLowerCase());
  // The scale: least-squares slope through 0 of VADER's valence on Pattern's polarity.
  let sxy = 0, sxx = 0;
  const polarity = new Map([...senses].map(([w, ps]) => [w, ps.reduce((a, b) => a + b, 0) / ps.length]));
  for (const [w, p] of polarity)
    if (w in general && p !== 0) {
      sxy += p * general[w];
      sxx += p * p;
    }
  const scale = Math.round((sxy / sxx) * 100) / 100;
  if (!process.argv.includes('--check')) console.log(`VADER / Pattern slope ${scale}`);
  const entries = {};
  for (const [word, p] of [...polarity].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!isKey(word) || EXCLUDED.has(word)) continue;
    if (word in general || word in others || word in finance || rules.has(word)) continue;
    const v = Math.round(p * scale * PATTERN_WEIGHT * 10) / 10;
    if (Math.abs(v) < MIN_VALENCE) continue;
    entries[word] = v;
  }
  // A new group goes after the AFINN group.
  writeGroup({
    path: NEWS, text: newsText, name: GROUP, rationale: RATIONALE, entries,
    insertAt: (text) => text.lastIndexOf('\n    {') + 1, script: 'tools/build-pattern-gap.mjs',
  });
}

main();
