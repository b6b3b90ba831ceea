// Generated news-like articles for the corpus-mode tests and bench/page-corpus.mjs: written from
// templates here (never from dev data), deterministic for a seed. Each outlet leans to its own
// beats and tone, so comparing sources shows a difference; dates spread over weeks.
//
//   import {generateCorpus, toJsonl, toCsv} from './news-corpus.mjs';
//   const articles = generateCorpus({count: 200, seed: 7});   // [{id, title, date, source, text}]

/** Mulberry32: a small, fast, seeded PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['China', 'Russia', 'France', 'Brazil', 'India', 'Kenya', 'Germany', 'Japan',
                   'Mexico', 'Turkey', 'Canada', 'Egypt', 'Indonesia', 'Nigeria', 'Poland'];
const CITIES = ['Geneva', 'Nairobi', 'Brussels', 'Jakarta', 'Lima', 'Hanoi', 'Warsaw', 'Cairo'];
const ORGS = ['United Nations', 'World Health Organization', 'European Union', 'NATO',
              'World Bank', 'International Monetary Fund', 'African Union', 'WTO'];
const PEOPLE = ['Maria Lindqvist', 'Ahmed Karimi', 'Chen Wei', 'Olga Petrova', 'Samuel Okafor',
                'Lucia Fernandez', 'Kenji Watanabe', 'Priya Raman', 'Tomasz Nowak'];
const ROLES = ['foreign minister', 'finance minister', 'spokesperson', 'chief economist',
               'police chief', 'health minister', 'coach', 'mayor'];

/** Beats: headline and sentence templates. {C} country, {C2} another, {T} city, {O} org,
 *  {P} person, {R} role, {N} number, {G} good word, {B} bad word. */
const BEATS = {
  diplomacy: {
    headlines: ['{C} and {C2} agree to deepen cooperation after talks in {T}',
                'Diplomats from {C} meet {O} envoys over regional security',
                '{C} foreign minister visits {C2} to mend strained ties'],
    sentences: ['The foreign ministers of {C} and {C2} met in {T} for a second round of talks.',
                '{P}, the {R}, said the summit had produced a {G} framework for cooperation.',
                'Both governments signed a memorandum on trade, investment and cultural exchange.',
                'The delegations discussed sanctions, border security and a possible state visit.',
                'Officials from the {O} welcomed the agreement as a step towards lasting peace.',
                'Critics in {C2} warned that the deal ignored disputes over territory and human rights.',
                'The ambassador described relations as {G}, although tensions over tariffs remain.'],
  },
  economy: {
    headlines: ['Markets in {C} rally as inflation eases to {N} percent',
                '{O} cuts growth forecast for {C} amid weak exports',
                'Central bank of {C} holds interest rates as recession fears grow'],
    sentences: ['Shares rose {N} percent on Monday as investors welcomed {G} earnings from exporters.',
                'The central bank kept its benchmark interest rate unchanged at {N} percent.',
                '{P}, the {R}, said inflation would fall further if energy prices stay low.',
                'Economists at the {O} warned of a {B} slowdown in manufacturing and trade.',
                'Unemployment climbed to {N} percent, the highest level in three years.',
                'The government announced a stimulus package to support small businesses and farmers.',
                'Bond yields fell as traders bet on rate cuts later in the year.'],
  },
  conflict: {
    headlines: ['Fighting flares near the border between {C} and {C2}',
                'Ceasefire in northern {C} collapses after artillery strikes',
                '{O} calls for humanitarian corridors as clashes spread'],
    sentences: ['Artillery strikes hit villages near the border overnight, killing at least {N} civilians.',
                'The army said its troops had repelled an attack and captured a key bridge.',
                'Aid agencies warned of a {B} humanitarian crisis as thousands fled the fighting.',
                '{P}, the {R}, condemned the violence and called for an immediate ceasefire.',
                'Refugees described {B} scenes of destruction, with hospitals and schools damaged.',
                'The {O} Security Council will hold an emergency meeting on the conflict.',
                'Negotiators in {T} are trying to arrange a prisoner exchange.'],
  },
  sport: {
    headlines: ['{C} beat {C2} to reach the final in {T}',
                'Record crowd watches {C} win the championship',
                'Injury blow for {C} ahead of the World Cup qualifier'],
    sentences: ['The team won {N}-1 in front of a sold-out stadium in {T}.',
                '{P}, the {R}, praised a {G} performance from the young squad.',
                'The striker scored twice in the second half to seal the victory.',
                'Fans celebrated in the streets long after the final whistle.',
                'The goalkeeper was injured in training and will miss the tournament.',
                'The league title race remains open with {N} matches left to play.'],
  },
  disaster: {
    headlines: ['Floods kill {N} in eastern {C} as rivers burst their banks',
                'Earthquake strikes near {T}, damaging homes and roads',
                'Wildfires force thousands to evacuate in southern {C}'],
    sentences: ['Heavy rain caused rivers to burst their banks, flooding thousands of homes.',
                'Rescue teams searched collapsed buildings for survivors through the night.',
                'The death toll rose to {N}, with dozens still missing, officials said.',
                '{P}, the {R}, declared a state of emergency in the worst affected districts.',
                'The disaster destroyed crops and left roads and bridges impassable.',
                'The {O} pledged emergency aid and sent experts to assess the damage.'],
  },
  health: {
    headlines: ['{C} launches vaccination drive as measles cases rise',
                'New hospital opens in {T} to ease pressure on clinics',
                '{O} warns of {B} outbreak spreading across the region'],
    sentences: ['Health officials reported {N} new cases of the disease in the past week.',
                'Doctors and nurses at the hospital said patients waited hours for treatment.',
                'The vaccination campaign aims to reach every child under five by the summer.',
                '{P}, the {R}, said the {G} results of the trial gave reason for hope.',
                'The {O} urged governments to invest in public health and disease surveillance.',
                'The outbreak has strained clinics that already lacked medicine and staff.'],
  },
  technology: {
    headlines: ['Start-ups in {C} bet on artificial intelligence to boost exports',
                '{C} unveils plan to build semiconductor factories',
                'Cyber attack disrupts government websites in {C}'],
    sentences: ['The company unveiled a new chip designed for artificial intelligence and data centres.',
                'Engineers said the software would make mobile payments faster and more secure.',
                '{P}, the {R}, called the investment a {G} step for the digital economy.',
                'Hackers disrupted the websites of several ministries in a {B} cyber attack.',
                'The government will fund research in quantum computing and renewable energy.',
                'Scientists at the university published a study on satellite internet coverage.'],
  },
  environment: {
    headlines: ['{C} pledges to cut emissions by {N} percent by 2035',
                'Drought threatens harvests across {C}',
                'Climate talks in {T} end with a {G} deal on forests'],
    sentences: ['Delegates agreed to protect forests and cut carbon emissions over the next decade.',
                'The drought has dried up rivers and reservoirs, threatening farmers and wildlife.',
                '{P}, the {R}, said the climate plan was {G} but must be funded.',
                'Solar and wind power now supply {N} percent of the country\'s electricity.',
                'Campaigners warned that pollution from mines was poisoning rivers.',
                'The {O} said extreme weather would become more frequent as temperatures rise.'],
  },
  crime: {
    headlines: ['Police in {T} arrest {N} suspects in fraud investigation',
                'Court in {C} jails former minister for corruption',
                'Drug trafficking ring dismantled after raids across {C}'],
    sentences: ['Police arrested {N} suspects in dawn raids across the capital.',
                'The court sentenced the former official to eight years in prison for bribery.',
                'Prosecutors said the gang laundered money through shell companies.',
                '{P}, the {R}, said the {B} crimes had shaken public trust.',
                'Lawyers for the defendants said they would appeal the verdict.',
                'Investigators seized weapons, cash and drugs during the operation.'],
  },
};

const GOOD = ['positive', 'constructive', 'historic', 'promising', 'strong', 'successful', 'welcome'];
const BAD = ['serious', 'devastating', 'alarming', 'severe', 'deadly', 'dangerous', 'worrying'];

/** Outlets: which beats they cover (weights) and how upbeat their framing is (0..1). */
export const OUTLETS = [
  {name: 'Harbor Times', beats: {diplomacy: 4, economy: 4, technology: 2, sport: 1, environment: 1}, mood: 0.75},
  {name: 'Northern Ledger', beats: {conflict: 4, disaster: 3, crime: 3, health: 2, economy: 1}, mood: 0.25},
  {name: 'Wire Service', beats: {diplomacy: 1, economy: 1, conflict: 1, sport: 1, disaster: 1, health: 1,
                                 technology: 1, environment: 1, crime: 1}, mood: 0.5},
];

/**
 * `count` articles: {id, title, date, source, text}. Options: seed; start ('YYYY-MM-DD') and
 * days (the dates span); minParagraphs/maxParagraphs; dates (false → no date).
 */
export function generateCorpus({count = 200, seed = 1, start = '2024-03-01', days = 45,
                                minParagraphs = 4, maxParagraphs = 8, dates = true} = {}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const weighted = (weights) => {
    const entries = Object.entries(weights);
    let r = random() * entries.reduce((n, [, w]) => n + w, 0);
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1][0];
  };
  const t0 = Date.parse(`${start}T00:00:00Z`);
  const articles = [];
  for (let i = 0; i < count; i++) {
    const outlet = OUTLETS[i % OUTLETS.length];
    const beat = BEATS[weighted(outlet.beats)];
    const c = pick(COUNTRIES);
    let c2 = pick(COUNTRIES);
    if (c2 === c) c2 = COUNTRIES[(COUNTRIES.indexOf(c) + 1) % COUNTRIES.length];
    const fill = (template) => template
        .replace(/\{C\}/g, c).replace(/\{C2\}/g, c2)
        .replace(/\{T\}/g, () => pick(CITIES)).replace(/\{O\}/g, () => pick(ORGS))
        .replace(/\{P\}/g, () => pick(PEOPLE)).replace(/\{R\}/g, () => pick(ROLES))
        .replace(/\{N\}/g, () => String(2 + Math.floor(random() * 40)))
        .replace(/\{G\}/g, () => (random() < outlet.mood ? pick(GOOD) : pick(BAD)))
        .replace(/\{B\}/g, () => (random() < outlet.mood ? pick(GOOD) : pick(BAD)));
    const title = fill(pick(beat.headlines));
    const paragraphs = [];
    const n = minParagraphs + Math.floor(random() * (maxParagraphs - minParagraphs + 1));
    for (let p = 0; p < n; p++) {
      const sentences = [];
      const m = 2 + Math.floor(random() * 3);
      // Now and then a line from another beat, as real coverage wanders.
      for (let s = 0; s < m; s++) {
        const from = random() < 0.15 ? BEATS[pick(Object.keys(BEATS))] : beat;
        sentences.push(fill(pick(from.sentences)));
      }
      paragraphs.push(sentences.join(' '));
    }
    const date = new Date(t0 + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10);
    articles.push({id: `a${String(i + 1).padStart(4, '0')}`, title, date: dates ? date : '',
                   source: outlet.name, text: `${title}\n\n${paragraphs.join('\n\n')}`});
  }
  return articles;
}

/** Articles → JSONL text (fields with empty values left out). */
export function toJsonl(articles) {
  return articles.map((a) => JSON.stringify(Object.fromEntries(
      Object.entries(a).filter(([, v]) => v !== '')))).join('\n') + '\n';
}

/** Articles → RFC 4180 CSV (CRLF, fields quoted when needed), columns in the given order. */
export function toCsv(articles, columns = ['id', 'title', 'date', 'source', 'text']) {
  const field = (v) => {
    const s = v == null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns, ...articles.map((a) => columns.map((c) => a[c]))]
      .map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
