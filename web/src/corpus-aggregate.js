// Corpus mode's numbers (issue 8): one summary per article, and the corpus aggregate built from
// those summaries as they arrive — the CLI's newslens/aggregate@1 (issue 18: one aggregate schema,
// docs/aggregate.schema.json), by the same rule. Pure functions, no DOM: the worker makes
// summaries, the page aggregates them, node tests check both and compare with the CLI.
//
// Memory: a table row is a few hundred bytes whatever the article's length; the aggregate is
// O(themes × (sources + days) + actors), independent of the number of articles.

/** Actors kept per article (most named first). */
export const TOP_ACTORS = 3;
/** Themes listed per article in the table and its CSV (all top-level scores are kept). */
export const TOP_THEMES = 3;

/** The corpus aggregate's schema: the CLI's `--aggregate` and `newslens aggregate` write the same
 *  object (cli/summary.h, docs/report.md "The corpus aggregate", docs/aggregate.schema.json). */
export const AGGREGATE_SCHEMA = 'newslens/aggregate@1';

/**
 * What corpus mode asks the analyzer for: report@2's default parts, without the sentences and
 * per-word mentions a summary never reads (the CLI's --summary/--aggregate ask for the same).
 */
export const CORPUS_OPTIONS = Object.freeze({mentions: false, sentences: false});

/** Rounds to 4 decimals (the report's precision). */
export function round4(x) {
  return Math.round(x * 10000) / 10000;
}

/** `x` in units of 1e-4, rounded half away from zero (the CLI's ToFixed4, std::llround): sums of
 *  these integers are exact, so the aggregate does not depend on the order articles arrive in. */
export function fixed4(x) {
  if (!Number.isFinite(x)) return 0;
  const q = x * 10000;
  return q < 0 ? -Math.round(-q) || 0 : Math.round(q);  // never -0
}

const unfixed = (q) => q / 10000;

/**
 * A report@2 → the article's summary, the CLI's `--summary` line without the article's fields
 * (cli/summary.h): words, sentences, primary_theme, tone, every top-level theme, every sub-theme
 * with hits, every actor. Numbers are the report's (4 decimals).
 */
export function summaryOf(report) {
  const theme = (t) => ({id: t.id, label: t.label, score: t.score, count: t.count, share: t.share});
  return {
    words: report.stats.words,
    sentences: report.stats.sentences,
    primary_theme: report.primary_theme || null,
    tone: {compound: report.tone.compound, label: report.tone.label, gdelt_tone: report.tone.gdelt_tone},
    top_level: (report.top_level || []).map(theme),
    // report.themes lists the top-level themes again; the summary keeps them in top_level only.
    themes: (report.themes || []).filter((t) => t.parent).map(theme),
    entities: (report.entities || []).map((e) => (e.code ? {name: e.name, type: e.type, code: e.code, count: e.count}
                                                         : {name: e.name, type: e.type, count: e.count})),
  };
}

/**
 * A report → the article's row: what the table shows, plus its `summary` (summaryOf) for the
 * aggregate, which the page drops once added (a row is kept for the table; the summary, with every
 * actor, need not be). `article`: {id, title, date, day, source}; `ref`: where the article's text
 * is ({file, start, end, line} for a record, {file} for a whole file).
 * themes: every top-level theme as [id, score, share], by score.
 */
export function summarise(report, article, ref) {
  return {
    id: article.id, title: article.title, date: article.date, day: article.day,
    source: article.source,
    words: report.stats.words,
    primary: report.primary_theme || '',
    themes: (report.top_level || []).map((t) => [t.id, t.score, t.share]),
    tone: report.tone.compound, label: report.tone.label, gdelt: report.tone.gdelt_tone,
    actors: (report.entities || []).slice(0, TOP_ACTORS).map((e) => e.name),
    ref,
    summary: summaryOf(report),
  };
}

/**
 * Sums of summaries, in the CLI's rule (cli/summary.cc Aggregate): counts as integers, every
 * 4-decimal number as an integer count of 1e-4. `full`: also the sub-themes and the actors (the
 * whole corpus); sources and days keep the top-level themes and the tone only.
 */
class Totals {
  constructor(full) {
    this.articles = 0;
    this.words = 0;
    this.sentences = 0;
    this.compound = 0;
    this.gdelt = 0;
    this.labels = {positive: 0, neutral: 0, negative: 0};
    this.topLevel = new Map();  // id → {label, score, count, articles, primary}
    this.themes = full ? new Map() : null;
    this.entities = full ? new Map() : null;  // type '\x1f' name → {name, type, code, count, articles}
  }

  add(s) {
    this.articles++;
    this.words += s.words;
    this.sentences += s.sentences;
    this.compound += fixed4(s.tone.compound);
    this.gdelt += fixed4(s.tone.gdelt_tone);
    this.labels[s.tone.label] = (this.labels[s.tone.label] || 0) + 1;
    const addTheme = (map, t, primary) => {
      let total = map.get(t.id);
      if (!total) map.set(t.id, total = {label: '', score: 0, count: 0, articles: 0, primary: 0});
      if (!total.label && t.label) total.label = t.label;
      total.score += fixed4(t.score);
      total.count += t.count;
      total.articles++;
      if (primary) total.primary++;
    };
    for (const t of s.top_level) addTheme(this.topLevel, t, t.id === s.primary_theme);
    if (!this.themes) return;
    for (const t of s.themes) addTheme(this.themes, t, false);
    for (const e of s.entities) {
      const key = `${e.type}\x1f${e.name}`;
      let total = this.entities.get(key);
      if (!total) this.entities.set(key, total = {name: e.name, type: e.type, code: e.code || '', count: 0, articles: 0});
      total.count += e.count;
      total.articles++;
    }
  }

  /** Adds another Totals of the same kind (days into weeks). */
  merge(o) {
    this.articles += o.articles;
    this.words += o.words;
    this.sentences += o.sentences;
    this.compound += o.compound;
    this.gdelt += o.gdelt;
    for (const [k, n] of Object.entries(o.labels)) this.labels[k] = (this.labels[k] || 0) + n;
    for (const [id, t] of o.topLevel) {
      const total = this.topLevel.get(id);
      if (!total) {
        this.topLevel.set(id, {...t});
        continue;
      }
      total.score += t.score;
      total.count += t.count;
      total.articles += t.articles;
      total.primary += t.primary;
    }
  }

  get topScore() {
    let sum = 0;
    for (const t of this.topLevel.values()) sum += t.score;
    return sum;
  }

  /** Per-article means, rounded as the CLI rounds them. */
  mean(sum) {
    return this.articles ? unfixed(fixed4(sum / 10000 / this.articles)) : 0;
  }

  tone() {
    const labels = {positive: this.labels.positive, neutral: this.labels.neutral, negative: this.labels.negative};
    for (const k of Object.keys(this.labels).sort()) if (!(k in labels)) labels[k] = this.labels[k];
    return {mean_compound: this.mean(this.compound), mean_gdelt_tone: this.mean(this.gdelt),
            compound_sum: unfixed(this.compound), gdelt_tone_sum: unfixed(this.gdelt), labels};
  }

  /** Theme entries by score, then id; `top`: with `primary`. */
  themeList(map, top, labelOf) {
    const total = this.topScore;
    return [...map.entries()]
        .sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([id, t]) => {
          const label = t.label || (labelOf && labelOf(id));
          return {id, ...(label ? {label} : {}), score: unfixed(t.score), count: t.count,
                  share: total > 0 ? unfixed(fixed4(t.score / total)) : 0, articles: t.articles,
                  ...(top ? {primary: t.primary} : {})};
        });
  }

  entityList() {
    const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    return [...this.entities.values()]
        .sort((a, b) => b.count - a.count || cmp(a.name, b.name) || cmp(a.type, b.type))
        .map((e) => (e.code ? {name: e.name, type: e.type, code: e.code, count: e.count, articles: e.articles}
                            : {name: e.name, type: e.type, count: e.count, articles: e.articles}));
  }
}

/** Monday of the ISO week of 'YYYY-MM-DD', as 'YYYY-MM-DD' (UTC). */
export function weekOf(day) {
  const t = Date.parse(`${day}T00:00:00Z`);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}

/** Days between two 'YYYY-MM-DD'. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A span of dates longer than this (days) is bucketed by week by default. */
export const DAILY_MAX_DAYS = 62;

/**
 * The corpus aggregate (newslens/aggregate@1), built from article summaries as they arrive:
 * the same object as the CLI's, plus what the page draws — `sources` (each source's totals) and
 * `trend` (by day or week) — and, in the page's export, `run` (how the corpus was read).
 * Memory: O(themes × (sources + days) + actors), independent of the number of articles.
 */
export class CorpusAggregate {
  constructor() {
    this.all = new Totals(true);
    this.sources = new Map();  // source → Totals ('' for articles without one)
    this.days = new Map();     // 'YYYY-MM-DD' → Totals
    this.failed = 0;
  }

  /** Adds an article: its row (summarise()) or its summary with {source, day}. */
  add(row) {
    const s = row.summary;
    this.all.add(s);
    if (!this.sources.has(row.source)) this.sources.set(row.source, new Totals(false));
    this.sources.get(row.source).add(s);
    if (row.day) {
      if (!this.days.has(row.day)) this.days.set(row.day, new Totals(false));
      this.days.get(row.day).add(s);
    }
  }

  get dated() {
    let n = 0;
    for (const g of this.days.values()) n += g.articles;
    return n;
  }

  /** 'day' or 'week': by day while the dates span at most DAILY_MAX_DAYS. */
  defaultBucket() {
    const days = [...this.days.keys()].sort();
    return days.length && daysBetween(days[0], days[days.length - 1]) > DAILY_MAX_DAYS ? 'week' : 'day';
  }

  /** [{start: 'YYYY-MM-DD', group}] by day or by ISO week (Monday), in date order. */
  buckets(bucket) {
    const out = new Map();
    for (const [day, g] of this.days) {
      const key = bucket === 'week' ? weekOf(day) : day;
      if (!out.has(key)) out.set(key, new Totals(false));
      out.get(key).merge(g);
    }
    return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([start, group]) => ({start, group}));
  }

  /** A top-level theme's label (as the reports gave it), else its id. */
  label(id) {
    const t = this.all.topLevel.get(id);
    return (t && t.label) || id;
  }

  /** A source's or a bucket's totals: articles, words, sentences, tone, top-level themes. */
  describe(g) {
    return {articles: g.articles, words: g.words, sentences: g.sentences, tone: g.tone(),
            top_level: g.themeList(g.topLevel, true, (id) => this.label(id))};
  }

  /**
   * The aggregate as JSON-ready data (the "Aggregate (JSON)" export): the CLI's fields in the
   * CLI's order, then `sources`, `trend` (null when no article has a date) and `run` if given.
   */
  result({bucket = this.defaultBucket(), run} = {}) {
    const all = this.all;
    const sources = [...this.sources.entries()]
        // By articles; ties by name, articles without a source last (the same in any arrival order).
        .sort((a, b) => b[1].articles - a[1].articles || (a[0] === '') - (b[0] === '') ||
                        (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([source, g]) => ({source, ...this.describe(g)}));
    const dated = this.dated;
    return {
      schema: AGGREGATE_SCHEMA,
      articles: all.articles,
      failed: this.failed,
      words: all.words,
      sentences: all.sentences,
      tone: all.tone(),
      top_level: all.themeList(all.topLevel, true),
      themes: all.themeList(all.themes, false),
      entities: all.entityList(),
      sources,
      trend: dated ? {
        bucket,
        dated,
        undated: all.articles - dated,
        points: this.buckets(bucket).map(({start, group}) => {
          const d = this.describe(group);
          return {start, articles: d.articles, mean_compound: d.tone.mean_compound,
                  labels: d.tone.labels,
                  themes: Object.fromEntries(d.top_level.map((t) => [t.id, t.share]))};
        }),
      } : null,
      ...(run ? {run} : {}),
    };
  }
}

/** The per-article table as CSV columns: what the table shows (theme ids, as in the report),
 *  plus where the article came from (file, and line for JSONL/CSV records). */
export const TABLE_COLUMNS = ['id', 'title', 'date', 'source', 'words', 'primary_theme',
                              'top_themes', 'tone', 'tone_label', 'top_actors', 'file', 'line'];

/** A summary → its CSV row. top_themes: "politics:0.41; economy:0.3" (share of theme score). */
export function tableRow(row, fileName = () => '') {
  return [row.id, row.title, row.date, row.source, row.words, row.primary,
          row.themes.slice(0, TOP_THEMES).map(([id, , share]) => `${id}:${share}`).join('; '),
          row.tone, row.label, row.actors.join('; '), fileName(row.ref.file), row.ref.line || ''];
}

/**
 * How a cell that a spreadsheet may run as a formula starts: a tab or CR (OWASP's list), or =, +,
 * -, @ (or their full-width forms, which some spreadsheets read as the same) after any run of
 * spaces or invisible characters, since spreadsheets trim those before they look for a formula.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u200b-\u200d\u2060]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;
/** A plain number as this page writes one (`-0.25`, `+3`, `1e-7`): no space, nothing around it. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A text cell that a spreadsheet would run as a formula (see FORMULA_START) and is not a plain
 * number gets a leading apostrophe, which spreadsheets show as text. Corpus titles and sources,
 * and custom dictionary labels, come from files of any origin; this keeps "=HYPERLINK(...)", and
 * " =HYPERLINK(...)" too, a title.
 */
export function spreadsheetSafe(cell) {
  if (typeof cell !== 'string' || !FORMULA_START.test(cell)) return cell;
  return PLAIN_NUMBER.test(cell) ? cell : `'${cell}`;
}
