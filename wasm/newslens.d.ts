// newslens — themes, tone and actors of news articles, analysed locally in WebAssembly.
//
//   import { NewsLens } from 'newslens';                // the npm package (ES module)
//   const { NewsLens } = require('newslens');           // or CommonJS
//   // or <script src="newslens.js"></script> in a page: a global `NewsLens`
//   const nl = await NewsLens.create();
//   const report = nl.analyze(articleText, { tone: 'news' });
//   report.primary_theme;      // "politics"
//   report.tone.compound;      // 0.46, in [-1, 1]
//
// Nothing leaves the machine: the module makes no network request, and the wasm and the
// dictionaries are inside this one script. Offsets in a report are UTF-16 code units (JS string indices) unless
// `offsets: 'utf8'` is asked for, so `text.slice(m.start, m.end)` is the mentioned words.

/** A custom dictionary: newslens JSON (themes, lexicon or entities) or a LIWC-style .dic. */
export interface DictionarySource {
  /** Shown in error messages, e.g. a file name. */
  name: string;
  /** The dictionary's text. */
  text: string;
}

export interface CreateOptions {
  /** Custom dictionaries added to the built-in ones (a string is taken as the text). */
  dictionaries?: Array<DictionarySource | string>;
  /** Replace the built-in theme taxonomy with the custom theme dictionaries. */
  replaceDefaultThemes?: boolean;
  /** Passed to the Emscripten module factory on first load (e.g. `wasmBinary`). */
  moduleOptions?: object;
  /**
   * For a caller on a page's main thread that must not hold it for long (the embed widget,
   * when no worker can start): called between the steps of the start-up (the wasm bytes
   * decoded, the module started, the dictionaries handed over, then the analyzer built a slice
   * of its dictionaries at a time), and awaited when it returns a promise, e.g.
   * `() => scheduler.yield()`. The first analyzer built this way on a module then runs five
   * small warm-up analyses, with `pause` between them, so that the browser's first compile of
   * the analyzer's functions is not one long task. Most steps are a few milliseconds; the
   * largest (the actors' dictionaries, the first warm-up) are longer, and the widget's 50 ms
   * bar is not yet met on every step (docs/embed.md has the figures). If `pause` throws or
   * rejects, create() rejects with that error and frees what it had built. Without `pause` the
   * steps run back to back.
   */
  pause?: () => Promise<void> | void;
}

export interface AnalyzeOptions {
  /** Sentiment lexicon layer: 'auto' (default: the finance layer for sentences about markets
   *  and companies, 'news' for the others), 'news', 'general' (VADER's), 'finance'. */
  tone?: 'auto' | 'news' | 'general' | 'finance';
  /** Unit of every start/end offset: 'utf16' (default, JS string indices) or 'utf8' bytes. */
  offsets?: 'utf16' | 'utf8';
  /**
   * The report's schema: 2 (default, 'newslens/report@2') or 1 ('newslens/report@1', the
   * December shape with every detail, kept for one release). See docs/report.md.
   */
  schema?: 1 | 2;
  /**
   * report@2's long lists, left out by default: 'mentions' (every theme, tone and actor word
   * with its offsets and the tone rules applied, for highlighting) and 'sentence_themes' (each
   * sentence's theme ids, and each theme's sentence indices). An unknown name throws a
   * RangeError.
   */
  detail?: Array<'mentions' | 'sentence_themes'>;
  /** Compute per-word mentions when the report carries them (default true). */
  mentions?: boolean;
  /** Include per-sentence results (default true). */
  sentences?: boolean;
  /**
   * Compute only these parts of the report (default: all). 'tone' (with stats) is always
   * computed; 'themes' fills primary_theme, top_level, themes and the sentences' themes;
   * 'entities' fills entities and co_mentions. The parts left out are empty arrays (and no
   * primary_theme), and their engines do not run: `['tone']` with a fixed lexicon
   * (`tone: 'news'`) is 3 to 4.5 times as fast as a full analysis (docs/performance.md); with
   * the default `tone: 'auto'` the theme engine still runs, to choose each sentence's lexicon. Mentions, when asked for, are those of the parts
   * computed. An unknown name throws a RangeError.
   */
  fields?: Array<'tone' | 'themes' | 'entities' | 'sentences' | 'mentions'>;
  /**
   * Longest text analysed, in UTF-8 bytes: default and most 12582912 = 12 MiB, hundreds of
   * times a long article; when the report lists per-word mentions (`detail: ['mentions']` or
   * report@1), 6 MiB for analyze() and 4 MiB for analyzeToJson(). Larger values act as those:
   * the module's memory ends at 2 GiB, and the worst text measured takes 128 bytes of it per
   * input byte, 228 with mentions, 368 with mentions as JSON (docs/reliability.md). A longer
   * text throws a RangeError ("newslens: input too large: ...") before it is copied in.
   */
  maxBytes?: number;
}

export interface Stats {
  /** Unicode code points. */
  characters: number;
  /** Words and numbers; a hyphenated compound is one word. */
  words: number;
  sentences: number;
  paragraphs: number;
}

export interface Tone {
  /** Document tone in [-1, 1]: the word-weighted mean of sentence compounds. */
  compound: number;
  /** NewsLens.toneLabel(compound, positive, negative): 'positive' when compound >= 0.10 and
   *  positive >= negative, 'negative' symmetrically, else 'neutral' (docs/tone.md, "Labels"). */
  label: 'positive' | 'negative' | 'neutral';
  /** Proportions of sentiment mass (VADER's pos/neg/neu); they sum to 1. */
  positive: number;
  negative: number;
  neutral: number;
  /** GDELT-style tone: (positive words - negative words) / words * 100. */
  gdelt_tone: number;
  /** GDELT-style polarity: (positive words + negative words) / words * 100. */
  polarity: number;
  /** report@2: the lexicon asked for: 'auto' (each sentence's own, named in its fourth item:
   *  'finance' where it is about markets and companies, else 'news') or the one forced. */
  lexicon?: 'auto' | 'news' | 'finance' | 'general';
  /** report@2: how many sentences each lexicon scored. */
  lexicon_sentences?: { news: number; finance: number; general: number };
}

export interface TopLevelTheme {
  /** IPTC-aligned top-level id: 'politics', 'economy', 'conflict', ... */
  id: string;
  label: string;
  /** IPTC Media Topic qcode, e.g. 'medtop:11000000'. */
  iptc: string;
  /** Weighted count (ambiguous terms weigh less than 1). */
  score: number;
  /** Matched terms; each token counts at most once per theme. */
  count: number;
  /** score / sum of all top-level scores. */
  share: number;
}

export interface ThemeResult {
  /** 'top' or 'top.sub', e.g. 'politics.diplomacy'. */
  id: string;
  label: string;
  /** The top-level id, for sub-themes. */
  parent?: string;
  iptc: string;
  count: number;
  score: number;
  share: number;
  /** count per 1,000 words of the article. */
  per_1000_words: number;
  /** Mean compound of the sentences that mention the theme, in [-1, 1]. */
  tone: number;
  /** Dictionary terms that matched, with counts, most frequent first. */
  terms: Array<{ term: string; count: number }>;
  /** Indices into report.sentences (report@2: with detail 'sentence_themes'). */
  sentences?: number[];
}

export interface EntityResult {
  /** Canonical name: 'Russia', 'Vladimir Putin', 'United Nations'. */
  name: string;
  type: 'country' | 'place' | 'organization' | 'person';
  /** ISO 3166-1 alpha-2 code, for countries and places. */
  code?: string;
  /** For people: the title seen before the name ('President'). */
  role?: string;
  count: number;
  /**
   * report@2: how much the article is about this actor, in [0, 1]: 0.5 x its count / the most
   * named actor's count, + 0.3 if the first sentence (headline or lede) names it, + 0.2 if one
   * of the first three sentences does (docs/report.md).
   */
  salience?: number;
  /** Mean compound of the sentences that name it. */
  tone: number;
}

/** report@2: a sentence as [start, end, compound] (compound in [-1, 1]); under the 'auto' tone a
 *  fourth item names the lexicon that scored it (`s[3] ?? report.tone.lexicon`). */
export type SentenceArc =
  | [number, number, number]
  | [number, number, number, 'news' | 'finance' | 'general'];

/** report@1's sentence. */
export interface SentenceResult {
  start: number;
  end: number;
  /** VADER-normalised sentence score in [-1, 1]. */
  compound: number;
  /** Theme ids mentioned in the sentence. */
  themes: string[];
}

export type Mention =
  | { start: number; end: number; kind: 'theme'; id: string }
  | {
      start: number;
      end: number;
      kind: 'sentiment';
      /** Final contribution after the rules. */
      valence: number;
      /** Lexicon valence in [-4, 4] before the rules. */
      base: number;
      /** Rules that changed it, in the order applied: 'idiom', 'emoticon', 'caps', 'boosted',
       *  'dampened', 'negated', 'reversed' (by a shifter: "reduce the risk"), 'directed' (a
       *  shifter whose sign follows what changes: "costs rose"), 'negativity' (negative x1.5),
       *  'contrast-weak', 'contrast-strong', 'event' (a news event: "shed 2,000 jobs"),
       *  'softened' (a negated negative, shifted not flipped), 'corrected' ("not X but Y": X
       *  scores 0), 'negation' (a negator that negates no word, in an evaluative sentence: it
       *  counts on its own), 'excess' ("too" before a word no lexicon rates: "cost too
       *  much"). See docs/tone.md. */
      rules: string[];
    }
  | { start: number; end: number; kind: 'entity'; name: string };

/** The default report, schema 'newslens/report@2' (docs/report.md, docs/report.schema.json). */
export interface Report {
  schema: 'newslens/report@2';
  /** The release that wrote the report: 'newslens ' + NewsLens.version (the CLI's and the C++
   *  library's version are the same: one version number, docs/packaging.md). */
  generator: string;
  stats: Stats;
  tone: Tone;
  /** Top-level theme id with the highest score; absent when no theme term matched. */
  primary_theme?: string;
  top_level: TopLevelTheme[];
  themes: ThemeResult[];
  entities: EntityResult[];
  /** Pairs of entities named in the same sentence, with the number of such sentences. */
  co_mentions: Array<{ a: string; b: string; count: number }>;
  /** The tone arc: one [start, end, compound] per sentence, in text order; under the 'auto'
   *  tone a fourth item names the lexicon that scored it (else tone.lexicon names it). */
  sentences: SentenceArc[];
  /** With detail 'sentence_themes': the theme ids of each sentence, parallel to `sentences`. */
  sentence_themes?: string[][];
  /** With detail 'mentions': every word behind a number, by start offset. */
  mentions?: Mention[];
}

/** The report with `schema: 1`, 'newslens/report@1' (kept for one release). */
export interface Report1 {
  schema: 'newslens/report@1';
  stats: Stats;
  /** report@1 names no lexicon. */
  tone: Omit<Tone, 'lexicon' | 'lexicon_sentences'>;
  /** Top-level theme id with the highest score; absent when no theme term matched. */
  primary_theme?: string;
  top_level: TopLevelTheme[];
  themes: ThemeResult[];
  /** report@1's actors have no salience. */
  entities: Array<Omit<EntityResult, 'salience'>>;
  /** Pairs of entities named in the same sentence, with the number of such sentences. */
  co_mentions: Array<{ a: string; b: string; count: number }>;
  sentences: SentenceResult[];
  mentions: Mention[];
}

export declare class NewsLens {
  /** Library version. */
  static readonly version: string;
  /** Which analyzer this script is: 'full' (newslens.js) or 'widget' (the embed widget's
   *  edition: a compact taxonomy and no custom dictionaries; docs/size.md). */
  static readonly edition: 'full' | 'widget';
  /** |compound| below this is 'neutral' (0.10; the core's kToneNeutralBand). */
  static readonly toneNeutralBand: number;
  /**
   * The core's one rule from a tone to its label, the one behind `report.tone.label`: usable
   * without loading the module, for a sentence's compound (shares omitted: the compound
   * decides) or a corpus mean. 'positive' when compound >= toneNeutralBand and positiveShare
   * >= negativeShare, 'negative' symmetrically, else 'neutral'.
   */
  static toneLabel(compound: number, positiveShare?: number, negativeShare?: number):
      'positive' | 'negative' | 'neutral';
  /**
   * Loads the module (once, memoised) and builds an analyzer. Without custom dictionaries the
   * same analyzer is returned every time. Rejects with an Error naming the dictionary, line and
   * column when a custom dictionary is malformed.
   */
  static create(options?: CreateOptions): Promise<NewsLens>;
  /** The Emscripten module factory (advanced use): each call instantiates a new module, giving it
   *  the wasm bytes and the built-in dictionaries this script carries (unless `options.wasmBinary`
   *  is given). Rejects when the script is damaged. */
  static readonly moduleFactory: (options?: object, pause?: () => Promise<void> | void) => Promise<unknown>;
  /**
   * Source text of the whole newslens.js script, so a page opened from file:// can start a
   * Web Worker from a Blob URL: new Worker(URL.createObjectURL(new Blob([NewsLens.scriptSource(), workerCode]))).
   */
  static scriptSource(): string;
  /**
   * Analyses one article: any string (empty text gives an empty report; lone surrogates and NULs
   * are read as U+FFFD and spaces, offsets unchanged). Throws TypeError/RangeError on bad
   * arguments, and RangeError when the text is longer than `options.maxBytes`.
   */
  analyze(text: string, options?: AnalyzeOptions & { schema?: 2 }): Report;
  analyze(text: string, options: AnalyzeOptions & { schema: 1 }): Report1;
  /** Options whose schema is not known where the call is written (a variable typed
   *  AnalyzeOptions): either report, told apart by `schema`. */
  analyze(text: string, options?: AnalyzeOptions): Report | Report1;
  /** The same report as JSON text, byte-identical to `newslens analyze --json`. */
  analyzeToJson(text: string, options?: AnalyzeOptions): string;
  /** Frees the analyzer's wasm memory (custom analyzers only; the default one is shared). */
  dispose(): void;
}
