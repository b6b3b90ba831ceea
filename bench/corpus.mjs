// bench/corpus.mjs — the corpus the benchmarks run on: a file given by path, or a generated one.
//
//   node bench/corpus.mjs [--mb 10] [--seed 1] [--out corpus.jsonl]   writes {"id","text"} lines
//   import { loadCorpus } from './corpus.mjs'; loadCorpus(pathOrUndefined, { mb: 10 })
//
// A path may be a JSONL file (one {"text": ...} object a line, e.g. ../shared/dev-data/*.jsonl),
// a directory of .txt files, or one .txt file. With no path, a corpus of real-looking news
// articles is generated: datelines, quotes with curly marks, em dashes, numbers with units and
// percent, acronyms and abbreviations, hyphenated compounds, names with titles, and vocabulary
// across the news beats. It is deterministic (seeded PRNG), so figures compare over time; it is
// not real news, so figures on it are labelled "generated" and real-text figures come from a path.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const W = {
  city: ['MOSCOW', 'BEIJING', 'WASHINGTON', 'LONDON', 'BRUSSELS', 'NEW DELHI', 'TOKYO', 'BERLIN',
    'PARIS', 'NAIROBI', 'BRASILIA', 'GENEVA', 'KYIV', 'ANKARA', 'SEOUL', 'JAKARTA', 'CAIRO'],
  country: ['China', 'Russia', 'the United States', 'India', 'Brazil', 'Germany', 'France',
    'Japan', 'Ukraine', 'Turkey', 'South Africa', 'Kenya', 'Indonesia', 'Mexico', 'Britain',
    'Canada', 'Saudi Arabia', 'Iran', 'Egypt', 'Nigeria', 'Australia', 'South Korea', 'Poland'],
  demonym: ['Chinese', 'Russian', 'American', 'Indian', 'Brazilian', 'German', 'French',
    'Japanese', 'Ukrainian', 'Turkish', 'Kenyan', 'Mexican', 'British', 'Canadian', 'Iranian'],
  org: ['the United Nations', 'the European Union', 'NATO', 'the World Bank', 'the IMF',
    'the WHO', 'BRICS', 'the G20', 'the Security Council', 'the Federal Reserve', 'OPEC',
    'the World Trade Organization', 'the African Union', 'ASEAN', 'the SCO'],
  first: ['Anna', 'Vladimir', 'Li', 'Maria', 'James', 'Olena', 'Rahul', 'Fatima', 'Carlos',
    'Yuki', 'Ahmed', 'Sophie', 'Daniel', 'Ngozi', 'Wang', 'Elena', 'Thomas', 'Priya'],
  last: ['Petrov', 'Zhang', 'Smith', 'Kovalenko', 'Sharma', 'Haddad', 'Silva', 'Tanaka',
    'Hassan', 'Dubois', 'Okafor', 'Schmidt', 'Ivanova', 'Garcia', 'Nakamura', 'Mensah'],
  title: ['President', 'Prime Minister', 'Foreign Minister', 'Finance Minister', 'Mr.', 'Ms.',
    'Dr.', 'Gen.', 'Sen.', 'Chancellor', 'Governor', 'chief executive', 'spokeswoman'],
  said: ['said', 'told reporters', 'said in a statement', 'told Reuters', 'wrote',
    'said on Tuesday', 'said on Friday', 'added', 'warned', 'insisted'],
  good: ['strong', 'stable', 'constructive', 'successful', 'robust', 'friendly', 'fruitful',
    'positive', 'encouraging', 'win-win', 'resilient', 'promising', 'remarkable', 'fair'],
  bad: ['weak', 'fragile', 'hostile', 'disappointing', 'alarming', 'unfair', 'dangerous',
    'costly', 'deadly', 'bitter', 'uncertain', 'troubling', 'tense', 'severe'],
  goodNoun: ['progress', 'cooperation', 'growth', 'recovery', 'agreement', 'partnership',
    'support', 'peace', 'trust', 'success', 'stability', 'opportunity'],
  badNoun: ['crisis', 'sanctions', 'recession', 'violence', 'inflation', 'conflict', 'losses',
    'unemployment', 'corruption', 'tensions', 'attacks', 'drought', 'fraud', 'protests'],
  topic: ['trade', 'investment', 'energy', 'security', 'tourism', 'climate change', 'vaccines',
    'artificial intelligence', 'elections', 'the budget', 'interest rates', 'oil prices',
    'grain exports', 'the ceasefire', 'migration', 'public health', 'education reform',
    'the football season', 'space exploration', 'cyber-security', 'e-commerce', 'wildfires',
    'human rights', 'the pandemic', 'infrastructure', 'semiconductors', 'the stock market'],
  verb: ['expand', 'strengthen', 'deepen', 'review', 'cut', 'raise', 'boost', 'reduce',
    'protect', 'restore', 'suspend', 'resume', 'promote', 'challenge', 'support'],
  unit: ['billion dollars', 'million euros', 'tonnes', 'barrels a day', 'kilometres',
    'million people', 'percent', 'yuan', 'roubles', 'jobs', 'points'],
  month: ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.',
    'Nov.', 'Dec.'],
};

export function generateCorpus({ mb = 10, seed = 1 } = {}) {
  const rnd = mulberry32(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const num = () => {
    const r = rnd();
    if (r < 0.3) return String(Math.floor(rnd() * 100) + 1);
    if (r < 0.5) return (rnd() * 20).toFixed(1);
    if (r < 0.7) return (Math.floor(rnd() * 900) + 100).toLocaleString('en-US') + ',000';
    if (r < 0.85) return `${(rnd() * 40 - 5).toFixed(1)}%`;
    return String(1990 + Math.floor(rnd() * 36));
  };
  const person = () => `${pick(W.first)} ${pick(W.last)}`;
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const sentences = [
    () => `${cap(pick(W.title))} ${person()} ${pick(W.said)} that ${pick(W.topic)} between ${pick(W.country)} and ${pick(W.country)} had seen ${pick(W.good)} ${pick(W.goodNoun)} this year.`,
    () => `“We will ${pick(W.verb)} our ${pick(W.topic)} ties,” ${pick(W.last)} ${pick(W.said)}.`,
    () => `${cap(pick(W.topic))} rose ${num()} to ${num()} ${pick(W.unit)} in ${pick(W.month).replace('.', '')}, the highest since ${num()}.`,
    () => `But analysts at ${pick(W.org)} warned that ${pick(W.badNoun)} could ${pick(W.verb)} the ${pick(W.good)} outlook.`,
    () => `The ${pick(W.demonym)} government — under pressure over ${pick(W.badNoun)} — did not respond to a request for comment.`,
    () => `${cap(pick(W.org))} said ${pick(W.country)}’s economy was not as ${pick(W.bad)} as feared, though ${pick(W.badNoun)} remained a risk.`,
    () => `Officials in ${pick(W.country)} called the talks “${pick(W.good)}” and said they would meet again in ${pick(W.month).replace('.', '')}.`,
    () => `The U.S. and ${pick(W.country)} disagreed sharply on ${pick(W.topic)}, with ${pick(W.title)} ${pick(W.last)} calling the move ${pick(W.bad)} and ${pick(W.bad)}.`,
    () => `At least ${num()} people were killed and ${num()} injured in ${pick(W.badNoun)} near the border, police said.`,
    () => `Shares fell ${num()}% on Monday after the company reported ${pick(W.bad)} results and ${pick(W.badNoun)}.`,
    () => `${cap(pick(W.demonym))} and ${pick(W.demonym)} firms signed deals worth ${num()} ${pick(W.unit)}, e.g. in ${pick(W.topic)} and ${pick(W.topic)}.`,
    () => `It was a ${pick(W.good)} day for ${pick(W.country)}: ${pick(W.goodNoun)} on ${pick(W.topic)} was “very, very good,” one diplomat said!`,
    () => `Why does it matter? Because ${pick(W.topic)} affects ${num()} ${pick(W.unit)} and the lives of millions.`,
    () => `${pick(W.first)} ${pick(W.last)}, a professor at the Institute of International Relations, said the ${pick(W.badNoun)} was not ${pick(W.good)} for anyone.`,
    () => `The ${pick(W.org)} report, published on ${pick(W.month)} ${Math.floor(rnd() * 28) + 1}, found that ${pick(W.topic)} had improved in ${num()} of ${num()} countries.`,
    () => `Critics said the plan would hardly ${pick(W.verb)} ${pick(W.topic)}, and called it a ${pick(W.bad)} mistake.`,
  ];
  const target = mb * 1e6;
  const lines = [];
  let bytes = 0;
  for (let id = 1; bytes < target; ++id) {
    // Article length: mostly 1-3 KB, some long reads up to ~12 KB (like wire and web news).
    const r = rnd();
    const paragraphs = r < 0.7 ? 3 + Math.floor(rnd() * 6) : r < 0.95 ? 8 + Math.floor(rnd() * 12)
      : 25 + Math.floor(rnd() * 30);
    const parts = [`${cap(pick(W.topic))}: ${pick(W.country)} and ${pick(W.country)} ${pick(W.verb)} ${pick(W.goodNoun)}`];
    for (let p = 0; p < paragraphs; ++p) {
      const n = 1 + Math.floor(rnd() * 3);
      let para = p === 0 ? `${pick(W.city)}, ${pick(W.month)} ${Math.floor(rnd() * 28) + 1} (Reuters) — ` : '';
      for (let s = 0; s < n; ++s) para += (s ? ' ' : '') + pick(sentences)();
      parts.push(para);
    }
    const text = parts.join('\n\n') + '\n';
    bytes += Buffer.byteLength(text);
    lines.push({ id: `gen-${id}`, text });
  }
  return lines;
}

// Articles from a path (see the header), or the generated corpus. Returns [{id, text}].
export function loadCorpus(path, { mb = 10, seed = 1 } = {}) {
  if (!path) return generateCorpus({ mb, seed });
  const st = statSync(path);
  if (st.isDirectory()) {
    return readdirSync(path).filter((f) => f.endsWith('.txt')).sort()
      .map((f) => ({ id: f, text: readFileSync(join(path, f), 'utf8') }));
  }
  const data = readFileSync(path, 'utf8');
  if (!path.endsWith('.jsonl')) return [{ id: path, text: data }];
  return data.split('\n').filter(Boolean).map((line, i) => {
    const o = JSON.parse(line);
    return { id: o.id ?? i + 1, text: String(o.text ?? '') };
  }).filter((a) => a.text.length > 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const corpus = generateCorpus({ mb: Number(opt('--mb', 10)), seed: Number(opt('--seed', 1)) });
  const out = corpus.map((a) => JSON.stringify(a)).join('\n') + '\n';
  const file = opt('--out');
  if (file) writeFileSync(file, out);
  else process.stdout.write(out);
}
