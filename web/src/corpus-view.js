// Corpus mode (issue 8): many articles at once → progress while they are analysed in a worker,
// then aggregated theme shares and tone, trends over time when articles carry dates, two sources
// side by side, and a sortable, filterable table of articles; a row opens the article in the
// single-article view. The page keeps one summary per article (corpus-aggregate.js), never the
// corpus's text: opening an article reads its bytes from the file again.

import {readArticleFile} from './article-text.js';
import {barChart, groupedBarChart} from './charts.js';
import {
  CorpusAggregate, spreadsheetSafe, TABLE_COLUMNS, tableRow, TOP_THEMES,
} from './corpus-aggregate.js';
import {CorpusCancelled, CorpusClient, filePath, partitionFiles} from './corpus-client.js';
import {recordFormat, RecordSplitter, reparseRecord} from './corpus-parse.js';
import {dataTable, fillTable} from './data-table.js';
import {appendAll, clear, el} from './dom.js';
import {download, toCsv} from './export.js';
import {count, percent, signed, toneWords} from './format.js';
import {loadModuleScript} from './module-script.js';
import {cssVar, OKABE_ITO, toneColour, toneLabelOf} from './palette.js';
import {themeColour, themeStyle} from './theme-colours.js';
import {trendChart} from './trend-chart.js';

/** Summaries kept for the table, at most (~0.5 KB each); past it only the aggregate grows. */
export const MAX_ROWS = 100_000;
/** Bad records listed, at most (all are counted). */
const MAX_PROBLEMS = 1000;
/** Table rows per page. */
const PAGE_ROWS = 50;
/** While analysing, the charts and table are redrawn at most this often (ms). */
const RENDER_EVERY_MS = 1000;
/** Themes drawn in the theme trend and the source comparison. */
const TREND_THEMES = 5;
const SOURCE_THEMES = 8;
/** Progress shows a time left once this much has been measured (ms). */
const ESTIMATE_AFTER_MS = 500;

const NO_SOURCE = '(no source)';
const COLOURS = {a: OKABE_ITO.blue, b: OKABE_ITO.orange};

const $ = (id) => document.getElementById(id);

const dayMs = (day) => Date.parse(`${day}T00:00:00Z`);

function mb(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

function duration(ms) {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 90) return `${Math.round(s)} s`;
  return `${Math.round(s / 60)} min`;
}

/**
 * A trend point's share of theme `id` (0 when the point has none). `themes` is a plain object
 * keyed by theme id (the aggregate's JSON); a custom dictionary may name a theme `constructor`
 * or `toString`, which a plain lookup would find on Object.prototype.
 */
function shareOf(point, id) {
  return Object.prototype.hasOwnProperty.call(point.themes, id) ? point.themes[id] : 0;
}

export class CorpusView {
  /**
   * getOptions() → analysis options; getDictionaries() → custom dictionaries in use;
   * onOpen({text, title}) opens one article in the single-article view.
   */
  constructor({getOptions, getDictionaries, onOpen}) {
    this.getOptions = getOptions;
    this.getDictionaries = getDictionaries;
    this.onOpen = onOpen;
    this.client = new CorpusClient();
    this.charts = {};
    this.collator = null;
    this.state = 'idle';  // 'running' | 'done' | 'cancelled' | 'failed'
    this.runs = 0;
    this.visible = false;
    this.reset([]);
    this.wire();
  }

  reset(files) {
    this.files = files;
    this.rows = [];
    this.rowsDropped = 0;
    this.agg = new CorpusAggregate();
    this.total = null;
    this.done = 0;
    this.bytes = 0;
    this.totalBytes = files.reduce((n, f) => n + f.size, 0);
    this.problems = [];
    this.problemCount = 0;
    this.skipped = [];
    this.sort = {key: 'n', dir: 1};
    this.page = 0;
    this.bucket = null;  // chosen by the reader, else the aggregate's default
    this.sourceChoice = {a: null, b: null};
    this.view = null;    // cached filtered + sorted rows
    this.dirty = true;
  }

  // ------------------------------------------------------------ input

  wire() {
    $('corpus-open-files').addEventListener('click', () => $('corpus-files').click());
    $('corpus-open-folder').addEventListener('click', () => $('corpus-folder').click());
    for (const id of ['corpus-files', 'corpus-folder']) {
      const input = $(id);
      input.addEventListener('change', () => {
        const files = [...input.files];
        input.value = '';
        if (files.length) this.open(files);
      });
    }
    const zone = $('corpus-mode');
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      $('corpus-drop').classList.add('is-drop-target');
    });
    zone.addEventListener('dragleave', (event) => {
      if (!zone.contains(event.relatedTarget)) $('corpus-drop').classList.remove('is-drop-target');
    });
    zone.addEventListener('drop', async (event) => {
      event.preventDefault();
      $('corpus-drop').classList.remove('is-drop-target');
      const files = await droppedFiles(event.dataTransfer);
      if (files.length) this.open(files);
    });
    $('corpus-cancel').addEventListener('click', () => this.cancel());

    $('corpus-bucket').addEventListener('change', () => {
      this.bucket = $('corpus-bucket').value;
      this.renderTrends();
    });
    for (const key of ['a', 'b']) {
      $(`corpus-source-${key}`).addEventListener('change', () => {
        this.sourceChoice[key] = $(`corpus-source-${key}`).value;
        this.renderSources();
      });
    }
    let typing = null;
    $('corpus-filter').addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => this.refilter(), 150);
    });
    for (const id of ['corpus-filter-theme', 'corpus-filter-source', 'corpus-filter-tone']) {
      $(id).addEventListener('change', () => this.refilter());
    }
    $('corpus-prev').addEventListener('click', () => this.turn(-1));
    $('corpus-next').addEventListener('click', () => this.turn(1));
    $('corpus-table-wrap').addEventListener('click', (event) => {
      const sortButton = event.target.closest('button[data-sort]');
      if (sortButton) {
        this.sortBy(sortButton.dataset.sort);
        return;
      }
      const tr = event.target.closest('tbody tr');
      if (tr) this.openRow(this.rowByN.get(Number(tr.dataset.n)));
    });
    $('corpus-export-csv').addEventListener('click', () => this.exportCsv());
    $('corpus-export-json').addEventListener('click', () => this.exportJson());
  }

  /** Called when the corpus tab is shown or hidden: charts are drawn only while visible. */
  setVisible(visible) {
    this.visible = visible;
    if (visible && this.dirty && this.rows.length + this.agg.all.articles) this.renderResults();
  }

  /** Draws the charts again (the colour scheme changed). */
  redraw() {
    this.dirty = true;
    if (this.visible && this.agg.all.articles) this.renderResults();
  }

  // ------------------------------------------------------------ running

  async open(picked) {
    const files = picked.slice().sort((a, b) => (filePath(a) < filePath(b) ? -1 : filePath(a) > filePath(b) ? 1 : 0));
    const {records, articles, skipped} = partitionFiles(files);
    if (!records.length && !articles.length) {
      this.setStatus(`None of the ${files.length} file${files.length === 1 ? '' : 's'} is a corpus ` +
                     'or an article (.jsonl, .csv, .txt, .md, .html, .json).', 'error');
      return;
    }
    this.client.cancel();
    this.reset(files);
    this.skipped = skipped;
    this.state = 'running';
    const run = ++this.runs;  // a newer run supersedes this one: then it leaves the page alone
    this.t0 = performance.now();
    this.lastRender = this.t0;
    const n = records.length + articles.length;
    this.sourceName = n === 1 ? filePath(files[records.length ? records[0].index : articles[0].index])
                              : `${n} files`;
    $('corpus-results').setAttribute('aria-busy', 'true');
    $('corpus-progress').hidden = false;
    $('corpus-open-files').disabled = true;
    $('corpus-open-folder').disabled = true;
    this.renderProblems();
    this.renderProgress();
    this.setStatus(`Reading ${this.sourceName}…`);
    const timer = setInterval(() => this.renderProgress(), 250);
    try {
      await loadModuleScript();  // the workers are built from newslens.js's source
      const {ms} = await this.client.run(files, {options: this.getOptions(),
                                                 dictionaries: this.getDictionaries()}, {
        onTotal: (total) => {
          this.total = total;
          this.renderProgress();
        },
        onBatch: (batch) => this.take(batch),
      });
      this.state = 'done';
      this.elapsed = performance.now() - this.t0;
      this.workerMs = ms;
      this.setStatus(`Analysed ${count(this.agg.all.articles)} article${this.agg.all.articles === 1 ? '' : 's'} ` +
                     `(${mb(this.totalBytes)}) from ${this.sourceName} in ${duration(this.elapsed)}` +
                     ` (${(this.totalBytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s in ` +
                     `${this.client.workers === 1 ? 'the worker' : `${this.client.workers} workers`})` +
                     `${this.problemText()}.`);
    } catch (err) {
      if (run !== this.runs) return;
      this.elapsed = performance.now() - this.t0;
      if (err instanceof CorpusCancelled) {
        this.state = 'cancelled';
        this.setStatus(`Cancelled after ${count(this.done)} of ${count(this.total || 0)} articles: ` +
                       `the views show the ${count(this.agg.all.articles)} analysed${this.problemText()}.`);
      } else {
        this.state = 'failed';
        // What arrived stays in the views; it must not pass for the whole corpus.
        const n = this.agg.all.articles;
        this.setStatus(`The corpus could not be analysed: ${err.message}. ` +
                       (n ? `The views show only the ${count(n)} article${n === 1 ? '' : 's'} analysed before it stopped.`
                          : 'Nothing was analysed.'), 'error');
      }
    } finally {
      clearInterval(timer);
      if (run === this.runs) this.finish();
    }
  }

  /** The run ended (done, cancelled or failed): controls back, views drawn with what arrived. */
  finish() {
    // Workers finish out of order: put the rows in corpus order. The aggregate needs no redo:
    // its sums are integers (units of 1e-4, as the CLI's), the same in any order.
    this.rows.sort((a, b) => a.n - b.n);
    this.problems.sort((a, b) => a.file - b.file || a.line - b.line);
    this.view = null;
    $('corpus-progress').hidden = true;
    $('corpus-open-files').disabled = false;
    $('corpus-open-folder').disabled = false;
    $('corpus-results').setAttribute('aria-busy', 'false');
    this.renderProblems();
    this.renderResults();
    this.elapsed = performance.now() - this.t0;  // views drawn
    document.body.dataset.corpus = this.state;
  }

  cancel() {
    this.client.cancel();
  }

  /** The last run in numbers (for bench/page-corpus.mjs): ms from the files given to the views
   *  drawn, ms the worker took, bytes, articles analysed. */
  timing() {
    return {elapsed: this.elapsed, workerMs: this.workerMs, bytes: this.totalBytes,
            workers: this.client.workers,
            articles: this.agg.all.articles, failed: this.problemCount};
  }

  problemText() {
    const parts = [];
    if (this.problemCount) {
      parts.push(`${count(this.problemCount)} record${this.problemCount === 1 ? '' : 's'} could not be read (listed below)`);
    }
    if (this.skipped.length) {
      parts.push(`${this.skipped.length} file${this.skipped.length === 1 ? '' : 's'} skipped (not articles)`);
    }
    return parts.length ? `; ${parts.join('; ')}` : '';
  }

  /** A batch of summaries from the worker. */
  take({rows, errors, done, bytes}) {
    for (const row of rows) {
      this.agg.add(row);
      delete row.summary;  // every actor and sub-theme: in the aggregate now, not kept per row
      if (this.rows.length < MAX_ROWS) this.rows.push(row);
      else this.rowsDropped++;
    }
    for (const e of errors) {
      this.problemCount++;
      if (this.problems.length < MAX_PROBLEMS) this.problems.push(e);
    }
    this.agg.failed = this.problemCount;
    this.done += done;
    this.bytes += bytes;
    this.view = null;
    this.dirty = true;
    this.renderProgress();
    const now = performance.now();
    if (now - this.lastRender >= RENDER_EVERY_MS || this.lastRender === this.t0) {
      this.lastRender = now;
      this.renderProblems();
      this.renderResults();
    }
  }

  renderProgress() {
    if (this.state !== 'running') return;
    const bar = $('corpus-bar');
    const elapsed = performance.now() - this.t0;
    let text;
    if (this.total == null) {
      text = 'Counting the articles…';
      bar.removeAttribute('value');  // indeterminate until the total is known
      bar.removeAttribute('aria-valuetext');
    } else {
      bar.max = Math.max(1, this.total);
      bar.value = this.done;
      const rate = this.bytes / (elapsed / 1000);
      const parts = [`${count(this.done)} of ${count(this.total)} articles`];
      if (this.bytes && elapsed >= ESTIMATE_AFTER_MS) {
        parts.push(`${(rate / 1e6).toFixed(1)} MB/s`);
        parts.push(`about ${duration(Math.max(0, this.totalBytes - this.bytes) / rate * 1000)} left`);
      } else {
        parts.push('measuring speed…');
      }
      text = parts.join(' · ');
      bar.setAttribute('aria-valuetext', `${count(this.done)} of ${count(this.total)} articles`);
    }
    $('corpus-progress-text').textContent = text;
  }

  setStatus(message, kind = 'info') {
    const status = $('corpus-status');
    status.textContent = message;
    status.dataset.kind = kind;
  }

  renderProblems() {
    const box = $('corpus-problems');
    box.hidden = !this.problemCount;
    if (!this.problemCount) return;
    $('corpus-problems-summary').textContent =
        `${count(this.problemCount)} record${this.problemCount === 1 ? '' : 's'} could not be read` +
        (this.problemCount > this.problems.length ? ` (the first ${count(this.problems.length)} are listed)` : '');
    appendAll(clear($('corpus-problems-list')), this.problems.map((p) => el('li', {},
        `${filePath(this.files[p.file])}${p.line ? `, line ${p.line}` : ''}: ${p.message}`)));
  }

  // ------------------------------------------------------------ views

  renderResults() {
    if (!this.visible) return;  // drawn when the tab is shown
    const empty = !this.agg.all.articles;
    $('corpus-results').hidden = empty;
    if (empty) return;
    this.dirty = false;
    this.result = this.agg.result({bucket: this.bucket || this.agg.defaultBucket()});
    // Each theme's own colour (theme-colours.js), the same as in the article views.
    this.colours = new Map(this.result.top_level.map((t) => [t.id, themeColour(t.id)]));
    this.renderOverview();
    this.renderThemes();
    this.renderTone();
    this.renderTrends();
    this.renderSources();
    this.renderFilters();
    this.renderTable();
  }

  replaceChart(name, make) {
    if (this.charts[name]) this.charts[name].destroy();
    this.charts[name] = make ? make() : null;
  }

  renderOverview() {
    const r = this.result;
    const item = (label, value, testid, title) => el('div', {title},
        el('dt', {text: label}), el('dd', {text: value, dataset: {testid, value: String(value)}}));
    const sources = r.sources.filter((s) => s.source).length;
    appendAll(clear($('corpus-stats')), [
        item('Articles', count(r.articles), 'corpus-articles'),
        this.problemCount ? item('Not read', count(this.problemCount), 'corpus-failed') : null,
        item('Words', count(r.words), 'corpus-words'),
        item('Mean tone', signed(r.tone.mean_compound), 'corpus-mean-tone',
             'Mean of the articles\' compound tone, −1 to +1'),
        item('Sources', count(sources), 'corpus-source-count'),
        item('With a date', count(r.trend ? r.trend.dated : 0), 'corpus-dated'),
        this.rowsDropped ? item('Not in the table', count(this.rowsDropped), 'corpus-dropped',
                                `The table keeps the first ${count(MAX_ROWS)} articles; every view counts all.`) : null,
    ]);
  }

  renderThemes() {
    const themes = this.result.top_level;
    const rows = themes.map((t) => ({label: t.label, value: Math.round(t.share * 1000) / 10,
                                     colour: this.colours.get(t.id), pattern: themeStyle(t.id).pattern}));
    this.replaceChart('themes', () => barChart($('corpus-themes-chart'), rows,
        {valueLabel: 'Share of theme score (%)', format: (x) => `${x}%`}));
    $('corpus-themes-chart').setAttribute('aria-label', `Bar chart of theme shares: ${
      themes.slice(0, 6).map((t) => `${t.label} ${percent(t.share)}`).join(', ')}`);
    fillTable($('corpus-themes-table-wrap'), () => dataTable({
      caption: 'Theme shares of the corpus', testid: 'corpus-themes-data',
      columns: [{label: 'Theme'}, {label: 'Share', numeric: true}, {label: 'Score', numeric: true},
                {label: 'Primary in', numeric: true}],
      rows: themes.map((t) => [t.label, percent(t.share), t.score, count(t.primary)]),
    }));
  }

  renderTone() {
    const {tone, articles} = this.result;
    const rows = [['positive', 1], ['neutral', 0], ['negative', -1]].map(([label, x]) => ({
      label: `${label[0].toUpperCase()}${label.slice(1)}`, value: tone.labels[label], colour: toneColour(x),
    }));
    this.replaceChart('tone', () => barChart($('corpus-tone-chart'), rows,
        {valueLabel: 'Articles', format: (x) => count(x)}));
    $('corpus-tone-hint').textContent = `${toneWords({compound: tone.mean_compound, label: toneLabelOf(tone.mean_compound)})} on average: mean tone ` +
        `${signed(tone.mean_compound)} over ${count(articles)} articles; mean GDELT tone ` +
        `${signed(tone.mean_gdelt_tone, 1)}.`;
    $('corpus-tone-chart').setAttribute('aria-label', `Articles by tone: ${
      rows.map((r) => `${r.label} ${r.value}`).join(', ')}`);
    fillTable($('corpus-tone-table-wrap'), () => dataTable({
      caption: 'Articles by tone', testid: 'corpus-tone-data',
      columns: [{label: 'Tone'}, {label: 'Articles', numeric: true}, {label: 'Share', numeric: true}],
      rows: rows.map((r) => [r.label, r.value, percent(articles ? r.value / articles : 0)]),
    }));
  }

  renderTrends() {
    if (!this.result) return;
    const trend = this.bucket && this.result.trend && this.result.trend.bucket !== this.bucket ?
        this.agg.result({bucket: this.bucket}).trend : this.result.trend;
    const hint = $('corpus-trend-hint');
    const charts = $('corpus-trend-charts');
    if (!trend) {
      charts.hidden = true;
      $('corpus-bucket').disabled = true;
      hint.textContent = 'No article carries a date newslens can read, so there is no trend. ' +
          'Give articles a date (a "date" field or column such as 2024-03-05, or a date in the file name).';
      this.replaceChart('toneTrend', null);
      this.replaceChart('themeTrend', null);
      fillTable($('corpus-trend-table-wrap'), () => el('p', {class: 'hint', text: 'No dated articles.'}));
      return;
    }
    charts.hidden = false;
    $('corpus-bucket').disabled = false;
    $('corpus-bucket').value = trend.bucket;
    hint.textContent = `${count(trend.dated)} article${trend.dated === 1 ? '' : 's'} with a date, ` +
        `${trend.bucket === 'week' ? 'by week' : 'by day'} (UTC)` +
        (trend.undated ? `; ${count(trend.undated)} without one are not in the trend.` : '.');
    const points = trend.points;
    this.replaceChart('toneTrend', () => trendChart($('corpus-tone-trend'), [{
      label: 'Mean tone', colour: cssVar('--fg-muted') || '#555',
      points: points.map((p) => ({x: dayMs(p.start), y: p.mean_compound})),
    }], {unit: trend.bucket, min: -1, max: 1, yLabel: 'Mean tone', format: (y) => signed(y)}));
    const top = this.result.top_level.slice(0, TREND_THEMES);
    this.replaceChart('themeTrend', () => trendChart($('corpus-theme-trend'), top.map((t) => ({
      label: t.label, colour: this.colours.get(t.id),
      points: points.map((p) => ({x: dayMs(p.start), y: Math.round(shareOf(p, t.id) * 1000) / 10})),
    })), {unit: trend.bucket, min: 0, yLabel: 'Share of theme score (%)', format: (y) => `${y}%`}));
    appendAll(clear($('corpus-theme-trend-legend')), top.map((t, i) => el('span', {class: 'legend-item'},
        el('span', {class: 'swatch trend-swatch', 'aria-hidden': 'true'}), t.label)));
    [...$('corpus-theme-trend-legend').querySelectorAll('.trend-swatch')].forEach((s, i) => {
      s.style.background = this.colours.get(top[i].id);
    });
    $('corpus-tone-trend').setAttribute('aria-label', `Line chart of mean tone ${trend.bucket === 'week' ? 'per week' : 'per day'}, ` +
        `${points.length} points from ${points[0].start} to ${points[points.length - 1].start}`);
    fillTable($('corpus-trend-table-wrap'), () => dataTable({
      caption: `Tone and theme shares ${trend.bucket === 'week' ? 'per week (starting Monday)' : 'per day'}`,
      testid: 'corpus-trend-data',
      columns: [{label: trend.bucket === 'week' ? 'Week of' : 'Day'}, {label: 'Articles', numeric: true},
                {label: 'Mean tone', numeric: true}, ...top.map((t) => ({label: t.label, numeric: true}))],
      rows: points.map((p) => [p.start, p.articles, signed(p.mean_compound),
                               ...top.map((t) => percent(shareOf(p, t.id)))]),
    }));
  }

  renderSources() {
    if (!this.result) return;
    const sources = this.result.sources;
    const named = sources.filter((s) => s.source);
    const hint = $('corpus-sources-hint');
    const enough = sources.length >= 2 && named.length >= 1;
    $('corpus-source-pickers').hidden = !enough;
    $('corpus-source-charts').hidden = !enough;
    if (!enough) {
      hint.textContent = 'Comparing needs articles from at least two sources: a "source" field or ' +
          'column, or articles in sub-folders of the folder opened.';
      this.replaceChart('sourceThemes', null);
      this.replaceChart('sourceTone', null);
      fillTable($('corpus-sources-table-wrap'), () => el('p', {class: 'hint', text: 'One source only.'}));
      return;
    }
    const names = sources.map((s) => s.source);
    const pick = (key, fallback) => (names.includes(this.sourceChoice[key]) ? this.sourceChoice[key] : fallback);
    const a = pick('a', names[0]);
    const b = pick('b', names.find((n) => n !== a));
    for (const [key, value] of [['a', a], ['b', b]]) {
      const select = $(`corpus-source-${key}`);
      appendAll(clear(select), sources.map((s) => el('option', {value: s.source,
          text: `${s.source || NO_SOURCE} (${count(s.articles)})`})));
      select.value = value;
    }
    const A = sources.find((s) => s.source === a);
    const B = sources.find((s) => s.source === b);
    const label = (s) => s.source || NO_SOURCE;
    hint.textContent = `${label(A)} (${count(A.articles)} articles) beside ${label(B)} ` +
        `(${count(B.articles)}): each source's theme shares and tone, on shared axes.`;
    const share = (s, id) => {
      const t = s.top_level.find((x) => x.id === id);
      return t ? Math.round(t.share * 1000) / 10 : 0;
    };
    const ids = [...new Set([...A.top_level, ...B.top_level].map((t) => t.id))]
        .sort((x, y) => (share(B, y) + share(A, y)) - (share(B, x) + share(A, x)))
        .slice(0, SOURCE_THEMES);
    const themeLabel = (id) => this.agg.label(id);
    this.replaceChart('sourceThemes', () => groupedBarChart($('corpus-source-themes'), ids.map(themeLabel), [
      {label: label(A), values: ids.map((id) => share(A, id)), colour: COLOURS.a},
      {label: label(B), values: ids.map((id) => share(B, id)), colour: COLOURS.b},
    ], {valueLabel: 'Share of theme score (%)', format: (x) => `${x}%`}));
    const frac = (s, l) => (s.articles ? Math.round((s.tone.labels[l] / s.articles) * 1000) / 1000 : 0);
    const measures = [['Mean tone', (s) => s.tone.mean_compound],
                      ['Positive articles', (s) => frac(s, 'positive')],
                      ['Negative articles', (s) => -frac(s, 'negative')]];
    this.replaceChart('sourceTone', () => groupedBarChart($('corpus-source-tone'), measures.map((m) => m[0]), [
      {label: label(A), values: measures.map((m) => m[1](A)), colour: COLOURS.a},
      {label: label(B), values: measures.map((m) => m[1](B)), colour: COLOURS.b},
    ], {valueLabel: 'Tone; share of articles (negative drawn below zero)', min: -1, max: 1,
        format: (x) => signed(x)}));
    $('corpus-source-themes').setAttribute('aria-label', `Theme shares of ${label(A)} and ${label(B)}: ${
      ids.map((id) => `${themeLabel(id)} ${share(A, id)}% and ${share(B, id)}%`).join('; ')}`);
    $('corpus-source-tone').setAttribute('aria-label', `Mean tone of ${label(A)} ${signed(A.tone.mean_compound)}, ` +
        `of ${label(B)} ${signed(B.tone.mean_compound)}`);
    fillTable($('corpus-sources-table-wrap'), () => dataTable({
      caption: `${label(A)} and ${label(B)}`, testid: 'corpus-sources-data',
      columns: [{label: 'Measure'}, {label: label(A), numeric: true}, {label: label(B), numeric: true}],
      rows: [
        ['Articles', count(A.articles), count(B.articles)],
        ['Words', count(A.words), count(B.words)],
        ['Mean tone', signed(A.tone.mean_compound), signed(B.tone.mean_compound)],
        ['Positive articles', percent(frac(A, 'positive')), percent(frac(B, 'positive'))],
        ['Negative articles', percent(frac(A, 'negative')), percent(frac(B, 'negative'))],
        ...ids.map((id) => [themeLabel(id), `${share(A, id)}%`, `${share(B, id)}%`]),
      ],
    }));
  }

  // ------------------------------------------------------------ the table

  renderFilters() {
    const fill = (id, options) => {
      const select = $(id);
      const value = select.value;
      clear(select).append(el('option', {value: '', text: 'all'}),
          ...options.map(([v, text]) => el('option', {value: v, text})));
      select.value = options.some(([v]) => v === value) ? value : '';
    };
    fill('corpus-filter-theme', [...this.result.top_level.map((t) => [t.id, t.label]), ['-', '(none)']]);
    fill('corpus-filter-source', this.result.sources.map((s) => [s.source || '-', s.source || NO_SOURCE]));
  }

  refilter() {
    this.view = null;
    this.page = 0;
    this.renderTable();
  }

  sortBy(key) {
    this.sort = this.sort.key === key ? {key, dir: -this.sort.dir} : {key, dir: key === 'tone' ? -1 : 1};
    this.view = null;
    this.page = 0;
    this.renderTable();
    const button = $('corpus-table-wrap').querySelector(`button[data-sort="${key}"]`);
    if (button) button.focus();
  }

  turn(delta) {
    const pages = Math.max(1, Math.ceil(this.visibleRows().length / PAGE_ROWS));
    this.page = Math.min(pages - 1, Math.max(0, this.page + delta));
    this.renderTable();
  }

  /** The rows the filters let through, in the table's order (cached until something changes). */
  visibleRows() {
    if (this.view) return this.view;
    const text = $('corpus-filter').value.trim().toLowerCase();
    const theme = $('corpus-filter-theme').value;
    const source = $('corpus-filter-source').value;
    const tone = $('corpus-filter-tone').value;
    const label = (id) => this.agg.label(id);
    let rows = this.rows.filter((r) =>
      (!theme || (theme === '-' ? !r.primary : r.primary === theme)) &&
      (!source || (source === '-' ? !r.source : r.source === source)) &&
      (!tone || r.label === tone) &&
      (!text || [r.title, r.source, r.date, r.id, r.primary ? label(r.primary) : '', ...r.actors]
          .some((s) => s && s.toLowerCase().includes(text))));
    const {key, dir} = this.sort;
    if (key === 'n') {
      rows.sort((x, y) => x.n - y.n);  // (a new array: filter() copied)
    } else {
      if (!this.collator) this.collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});
      const cmp = this.collator.compare;
      const value = {
        title: (r) => r.title, date: (r) => r.day || r.date, source: (r) => r.source,
        primary: (r) => (r.primary ? label(r.primary) : ''), actors: (r) => r.actors.join(', '),
      }[key];
      rows = rows.slice().sort(key === 'tone' ? (x, y) => dir * (x.tone - y.tone) || x.n - y.n : (x, y) => {
        const a = value(x);
        const b = value(y);
        if (!a !== !b) return a ? -1 : 1;  // blanks last, either way
        return dir * cmp(a, b) || x.n - y.n;
      });
    }
    this.view = rows;
    return rows;
  }

  renderTable() {
    const rows = this.visibleRows();
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
    this.page = Math.min(this.page, pages - 1);
    const first = this.page * PAGE_ROWS;
    const shown = rows.slice(first, first + PAGE_ROWS);
    this.rowByN = new Map(shown.map((r) => [r.n, r]));
    const label = (id) => this.agg.label(id);
    const columns = [['title', 'Title'], ['date', 'Date'], ['source', 'Source'],
                     ['primary', 'Primary theme'], ['tone', 'Tone'], ['actors', 'Top actors']];
    const head = columns.map(([key, text]) => {
      const sorted = this.sort.key === key;
      return el('th', {scope: 'col', class: key === 'tone' ? 'num' : null,
                       'aria-sort': sorted ? (this.sort.dir > 0 ? 'ascending' : 'descending') : null},
          el('button', {type: 'button', class: 'sort-button', dataset: {sort: key, testid: `corpus-sort-${key}`}},
             text, el('span', {'aria-hidden': 'true', class: 'sort-mark',
                               text: sorted ? (this.sort.dir > 0 ? ' ▲' : ' ▼') : ''})));
    });
    const body = shown.map((r) => el('tr', {dataset: {n: String(r.n), testid: 'corpus-row'}},
        el('th', {scope: 'row'}, el('button', {type: 'button', class: 'link-button row-open',
                                              title: `Open “${r.title}” in the article view`,
                                              text: r.title || r.id || `Article ${r.n + 1}`})),
        el('td', {text: r.day || r.date}),
        el('td', {text: r.source}),
        el('td', {text: r.primary ? label(r.primary) : '—', dataset: {theme: r.primary}}),
        el('td', {class: `num tone-${r.label}`, dataset: {value: String(r.tone)}, text: signed(r.tone)}),
        el('td', {text: r.actors.join(', ')})));
    const filtered = rows.length !== this.rows.length;
    const caption = rows.length ?
        `Articles ${count(first + 1)}–${count(first + shown.length)} of ${count(rows.length)}` +
        (filtered ? ` (filtered from ${count(this.rows.length)})` : '') : 'No article matches the filter';
    clear($('corpus-table-wrap')).append(el('table', {class: 'data-table corpus-table', dataset: {testid: 'corpus-table'}},
        el('caption', {text: caption}),
        el('thead', {}, el('tr', {}, head)),
        el('tbody', {}, body)));
    $('corpus-page').textContent = `Page ${this.page + 1} of ${pages}`;
    $('corpus-prev').disabled = this.page === 0;
    $('corpus-next').disabled = this.page >= pages - 1;
  }

  // ------------------------------------------------------------ open, export

  async openRow(row) {
    if (!row) return;
    try {
      const text = await this.articleText(row);
      this.onOpen({text, title: row.title || row.id});
    } catch (err) {
      this.setStatus(`Could not open “${row.title}”: ${err.message}`, 'error');
    }
  }

  /** The article's text, read again from its file (the page keeps no corpus text). */
  async articleText(row) {
    const file = this.files[row.ref.file];
    if (row.ref.start === undefined) return (await readArticleFile(file)).text;
    const decode = (buffer) => new TextDecoder('utf-8').decode(buffer);
    const text = decode(await file.slice(row.ref.start, row.ref.end).arrayBuffer());
    const format = recordFormat(file.name);
    const header = format === 'csv' ? await firstRecord(file) : '';
    const article = reparseRecord(format, text, header);
    if (article.error) throw new Error(`line ${row.ref.line}: ${article.error}`);
    return article.text;
  }

  fileName(index) {
    return this.files[index] ? filePath(this.files[index]) : '';
  }

  exportCsv() {
    const rows = this.visibleRows();
    download('newslens-corpus-articles.csv',
             toCsv(TABLE_COLUMNS, rows.map((r) => tableRow(r, (i) => this.fileName(i)).map(spreadsheetSafe))),
             'text/csv');
  }

  aggregate() {
    const bucket = this.bucket || this.agg.defaultBucket();
    return this.agg.result({bucket, run: {
      status: {running: 'partial', cancelled: 'cancelled', failed: 'failed'}[this.state] || 'complete',
      files: this.files.map((f) => filePath(f)),
      options: this.getOptions(),
      records: this.total,
      read: this.done,
      problems: this.problems.map((p) => ({file: this.fileName(p.file), line: p.line, message: p.message})),
      top_themes_per_article: TOP_THEMES,
    }});
  }

  exportJson() {
    download('newslens-corpus-aggregate.json', JSON.stringify(this.aggregate(), null, 2) + '\n',
             'application/json');
  }
}

/** The first record of a CSV file (its header), as text. */
async function firstRecord(file) {
  const splitter = new RecordSplitter('csv');
  const step = 64 * 1024;
  for (let pos = 0; pos < file.size; pos += step) {
    const bytes = new Uint8Array(await file.slice(pos, pos + step).arrayBuffer());
    const [rec] = splitter.push(bytes);
    if (rec) return new TextDecoder('utf-8').decode(rec.bytes);
  }
  const [rec] = splitter.finish();
  return rec && rec.bytes ? new TextDecoder('utf-8').decode(rec.bytes) : '';
}

/**
 * The files of a drop, folders walked (their paths kept as `newslensPath`). DataTransfer items
 * must be taken during the event, so the entries are collected before the first await.
 */
export async function droppedFiles(dataTransfer) {
  if (!dataTransfer) return [];
  const entries = [...(dataTransfer.items || [])]
      .map((item) => (item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null))
      .filter(Boolean);
  if (!entries.length) return [...(dataTransfer.files || [])];
  const out = [];
  const walk = async (entry, dir) => {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      file.newslensPath = dir + file.name;
      out.push(file);
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const child of batch) await walk(child, `${dir}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await walk(entry, '');
  return out;
}
