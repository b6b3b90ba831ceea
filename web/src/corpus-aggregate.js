// Corpus mode's numbers (issue 8): one small summary per article, and aggregates built from those
// summaries as they arrive. Pure functions, no DOM: the worker makes summaries, the page
// aggregates them, node tests check both.
//
// Memory: a summary is a few hundred bytes whatever the article's length, and the aggregate is
// O(themes × (sources + days)), independent of the number of articles.

/** Actors kept per article (most named first). */
export const TOP_ACTORS = 3;
/** Themes listed per article in the table and its CSV (all top-level scores are kept). */
export const TOP_THEMES = 3;

/** Rounds to 4 decimals (the report's precision). */
export function round4(x) {
  return Math.round(x * 10000) / 10000;
}

/**
 * A report → the article's summary. `article`: {id, title, date, day, source}; `ref`: where the
 * article's text is ({file, start, end, line} for a record, {file} for a whole file).
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
  };
}

function newGroup() {
  return {articles: 0, words: 0, tone: 0, gdelt: 0, score: 0,
          labels: {positive: 0, neutral: 0, negative: 0}, themes: new Map(), primary: new Map()};
}

function addTo(g, row) {
  g.articles++;
  g.words += row.words;
  g.tone += row.tone;
  g.gdelt += row.gdelt;
  if (row.label in g.labels) g.labels[row.label]++;
  for (const [id, score] of row.themes) {
    g.themes.set(id, (g.themes.get(id) || 0) + score);
    g.score += score;
  }
  if (row.primary) g.primary.set(row.primary, (g.primary.get(row.primary) || 0) + 1);
}

function merge(into, g) {
  into.articles += g.articles;
  into.words += g.words;
  into.tone += g.tone;
  into.gdelt += g.gdelt;
  into.score += g.score;
  for (const k of Object.keys(into.labels)) into.labels[k] += g.labels[k];
  for (const [id, s] of g.themes) into.themes.set(id, (into.themes.get(id) || 0) + s);
  for (const [id, n] of g.primary) into.primary.set(id, (into.primary.get(id) || 0) + n);
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

export class CorpusAggregate {
  constructor() {
    this.all = newGroup();
    this.sources = new Map();  // source → group ('' for articles without one)
    this.days = new Map();     // 'YYYY-MM-DD' → group
    this.labels = new Map();   // theme id → label
    this.failed = 0;
  }

  /** Theme labels, as the worker learns them. */
  addLabels(entries) {
    for (const [id, label] of entries) this.labels.set(id, label);
  }

  add(row) {
    addTo(this.all, row);
    if (!this.sources.has(row.source)) this.sources.set(row.source, newGroup());
    addTo(this.sources.get(row.source), row);
    if (row.day) {
      if (!this.days.has(row.day)) this.days.set(row.day, newGroup());
      addTo(this.days.get(row.day), row);
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
      if (!out.has(key)) out.set(key, newGroup());
      merge(out.get(key), g);
    }
    return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([start, group]) => ({start, group}));
  }

  label(id) {
    return this.labels.get(id) || id;
  }

  /** A group as plain numbers: tone means, theme shares by score (the corpus's theme order). */
  describe(g) {
    const themes = [...g.themes.entries()].sort((a, b) => b[1] - a[1]).map(([id, score]) => ({
      id, label: this.label(id), score: round4(score), share: g.score ? round4(score / g.score) : 0,
      primary_articles: g.primary.get(id) || 0,
    }));
    return {
      articles: g.articles,
      words: g.words,
      tone: {
        mean_compound: g.articles ? round4(g.tone / g.articles) : 0,
        mean_gdelt_tone: g.articles ? round4(g.gdelt / g.articles) : 0,
        labels: {...g.labels},
      },
      themes,
    };
  }

  /** The whole aggregate as JSON-ready data (the "Aggregate (JSON)" export). */
  result({bucket = this.defaultBucket(), extra = {}} = {}) {
    const sources = [...this.sources.entries()].sort((a, b) => b[1].articles - a[1].articles)
        .map(([source, g]) => ({source, ...this.describe(g)}));
    const dated = this.dated;
    return {
      schema: 'newslens/corpus@1',
      ...extra,
      ...this.describe(this.all),
      sources,
      trend: dated ? {
        bucket,
        dated,
        undated: this.all.articles - dated,
        points: this.buckets(bucket).map(({start, group}) => {
          const d = this.describe(group);
          return {start, articles: d.articles, mean_compound: d.tone.mean_compound,
                  labels: d.tone.labels,
                  themes: Object.fromEntries(d.themes.map((t) => [t.id, t.share]))};
        }),
      } : null,
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
 * A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @ or a tab/CR
 * and is not a number) gets a leading apostrophe, which spreadsheets show as text. Corpus titles
 * and sources come from files of any origin; this keeps "=HYPERLINK(...)" a title.
 */
export function spreadsheetSafe(cell) {
  if (typeof cell !== 'string' || !/^[=+\-@\t\r]/.test(cell)) return cell;
  return cell.trim() !== '' && Number.isFinite(Number(cell)) ? cell : `'${cell}`;
}
