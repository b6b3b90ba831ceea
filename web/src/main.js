// The page: input → analysis → linked views. Entry point bundled into dist/app.js.
/* global NewsLens, NewsLensSample */

import {AnalysisCancelled, AnalyzerClient} from './analyzer-client.js';
import {readArticleFile} from './article-text.js';
import {renderArticle, showSentence} from './article-view.js';
import {barChart, toneArcChart} from './charts.js';
import {dataTable, wireTableToggle} from './data-table.js';
import {clear, el} from './dom.js';
import {renderEntities} from './entities-view.js';
import {count, readingTime, signed, summary} from './format.js';
import {themeColours} from './palette.js';
import {renderTone} from './tone-view.js';

const $ = (id) => document.getElementById(id);

const ui = {
  input: $('article-input'), openFile: $('open-file'), fileInput: $('file-input'),
  loadSample: $('load-sample'), analyze: $('analyze'), toneOption: $('tone-option'),
  status: $('status'), progressRow: $('progress-row'), cancel: $('cancel'),
  results: $('results'), summary: $('summary'), toneFigure: $('tone-figure'), stats: $('stats'),
  themesChart: $('themes-chart'), themesTable: $('themes-table-wrap'), themesBack: $('themes-back'),
  themesHint: $('themes-hint'), themeTerms: $('theme-terms'), arcChart: $('arc-chart'),
  arcTable: $('arc-table-wrap'), entities: $('entities'), legend: $('legend'), why: $('why'),
  article: $('article'), version: $('version'),
};

const client = new AnalyzerClient();

/** What tests (and the curious, in the console) can read. */
const page = {
  lastReport: null, lastText: null, lastVia: null, analysisCount: 0,
  /** The live Chart.js instances, {themes, arc}, so tests can find bars and points. */
  get charts() { return state.charts; },
};
window.newslensPage = page;

const state = {report: null, text: '', colours: new Map(), selectedTop: null, sentenceNodes: [],
               charts: {themes: null, arc: null}, generation: 0};

function setStatus(message, kind = 'info') {
  ui.status.textContent = message;
  ui.status.dataset.kind = kind;
}

function setBusy(busy, {cancellable = false} = {}) {
  document.body.dataset.state = busy ? 'busy' : 'idle';
  ui.analyze.disabled = busy;
  ui.progressRow.hidden = !(busy && cancellable);
}

// ---------------------------------------------------------------- analysis

async function analyze(text, {source} = {}) {
  if (!text.trim()) {
    setStatus('Paste an article, open a file or load the sample first.', 'error');
    ui.input.focus();
    return;
  }
  const generation = ++state.generation;
  client.cancel();  // a newer request supersedes a running worker job
  const big = text.length > client.threshold;
  setBusy(true, {cancellable: big});
  setStatus(big ? 'Analysing in a background worker…' : 'Analysing…');
  try {
    const result = await client.analyze(text, {tone: ui.toneOption.value}, {
      onProgress: (phase) => {
        if (generation === state.generation) {
          setStatus(phase === 'loading' ? 'Starting the background analyzer…'
                                        : 'Analysing in a background worker…');
        }
      },
    });
    if (generation !== state.generation) return;
    render(text, result.report);
    page.lastVia = result.via;
    const where = result.via === 'worker' ? ' in a background worker' : '';
    setStatus(`Analysed ${count(result.report.stats.words)} words${source ? ` from ${source}` : ''}` +
              ` in ${result.ms < 1 ? result.ms.toFixed(2) : Math.round(result.ms)} ms${where}.`);
  } catch (err) {
    if (generation !== state.generation) return;
    if (err instanceof AnalysisCancelled) setStatus('Analysis cancelled.');
    else setStatus(`Could not analyse this text: ${err.message}`, 'error');
  } finally {
    if (generation === state.generation) setBusy(false);
  }
}

// ---------------------------------------------------------------- rendering

function render(text, report) {
  state.report = report;
  state.text = text;
  state.colours = themeColours(report);
  state.selectedTop = null;
  ui.results.hidden = false;

  ui.summary.textContent = summary(report);
  renderTone(ui.toneFigure, report);
  renderStats(report);
  renderThemes();
  renderArc();
  renderEntities(ui.entities, report);
  renderLegend(report);
  state.sentenceNodes = renderArticle(ui.article, text, report, state.colours).sentenceNodes;
  ui.why.textContent = 'Hover over or tab to a highlighted word to see why it counts.';

  page.lastReport = report;
  page.lastText = text;
  page.analysisCount += 1;
  document.body.dataset.analyses = String(page.analysisCount);
}

function renderStats(report) {
  const {stats} = report;
  const primary = report.primary_theme &&
                  (report.top_level || []).find((t) => t.id === report.primary_theme);
  const item = (label, testid, value, text) =>
    el('div', {}, el('dt', {text: label}),
       el('dd', {dataset: {testid, value: String(value)}, text}));
  clear(ui.stats).append(
      item('Primary theme', 'primary-theme', report.primary_theme || '',
           primary ? primary.label : 'none'),
      item('Words', 'stat-words', stats.words, count(stats.words)),
      item('Sentences', 'stat-sentences', stats.sentences, count(stats.sentences)),
      item('Paragraphs', 'stat-paragraphs', stats.paragraphs, count(stats.paragraphs)),
      item('Reading time', 'stat-reading-time', stats.words, readingTime(stats.words)));
}

function destroy(chart) {
  if (chart) chart.destroy();
  return null;
}

function renderThemes() {
  const {report, colours, selectedTop} = state;
  state.charts.themes = destroy(state.charts.themes);
  const parent = selectedTop && (report.top_level || []).find((t) => t.id === selectedTop);
  ui.themesBack.hidden = !parent;
  clear(ui.themeTerms);

  if (!parent) {
    const rows = (report.top_level || []).map((t) => ({
      id: t.id, label: t.label, value: t.score, colour: colours.get(t.id).colour}));
    ui.themesHint.textContent = rows.length ?
        'Score of each top-level theme. Select a bar to see its sub-themes.' :
        'No theme from the dictionary matched this text.';
    ui.themesChart.setAttribute('aria-label', 'Bar chart of top-level theme scores: ' +
        rows.map((r) => `${r.label} ${r.value}`).join(', '));
    state.charts.themes = barChart(ui.themesChart, rows, {onSelect: (i) => selectTheme(rows[i].id)});
    clear(ui.themesTable).append(dataTable({
      caption: 'Top-level themes',
      testid: 'themes-data',
      columns: [{label: 'Theme'}, {label: 'Score', numeric: true},
                {label: 'Mentions', numeric: true}, {label: 'Share', numeric: true},
                {label: 'IPTC'}],
      rows: (report.top_level || []).map((t) => [
        el('button', {type: 'button', class: 'link-button', text: t.label,
                      'aria-label': `${t.label}: show sub-themes`, onclick: () => selectTheme(t.id)}),
        t.score, t.count, `${Math.round(t.share * 100)}%`, t.iptc || '']),
    }));
    renderTerms('Terms counted, by theme', (report.top_level || []).map((t) => ({
      label: t.label, terms: termsOf(report, t.id).slice(0, TERMS_PER_THEME)})));
    return;
  }

  const subs = (report.themes || []).filter((t) => t.parent === parent.id);
  const colour = colours.get(parent.id).colour;
  ui.themesHint.textContent = subs.length ?
      `Sub-themes of ${parent.label}, by score.` :
      `${parent.label} matched only through its general terms; it has no sub-theme hits.`;
  const rows = subs.map((t) => ({id: t.id, label: t.label, value: t.score, colour}));
  ui.themesChart.setAttribute('aria-label', `Bar chart of ${parent.label} sub-theme scores: ` +
      rows.map((r) => `${r.label} ${r.value}`).join(', '));
  state.charts.themes = barChart(ui.themesChart, rows);
  clear(ui.themesTable).append(dataTable({
    caption: `Sub-themes of ${parent.label}`,
    testid: 'themes-data',
    columns: [{label: 'Sub-theme'}, {label: 'Score', numeric: true},
              {label: 'Mentions', numeric: true}, {label: 'Per 1,000 words', numeric: true},
              {label: 'Tone', numeric: true}],
    rows: subs.map((t) => [t.label, t.score, t.count, t.per_1000_words, signed(t.tone)]),
  }));
  renderTerms(`Terms counted for ${parent.label}`,
              subs.map((t) => ({label: t.label, terms: t.terms || []})));
}

/** How many terms to list per top-level theme in the overview of terms. */
const TERMS_PER_THEME = 6;

/** Terms of all themes under top-level `id` (and of `id` itself), merged, most counted first. */
function termsOf(report, id) {
  const counts = new Map();
  for (const t of report.themes || []) {
    if (t.id !== id && t.parent !== id) continue;
    for (const {term, count: n} of t.terms || []) counts.set(term, (counts.get(term) || 0) + n);
  }
  return [...counts].map(([term, n]) => ({term, count: n}))
      .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
}

function renderTerms(heading, groups) {
  const shown = groups.filter((g) => g.terms.length);
  if (!shown.length) return;
  ui.themeTerms.append(el('h3', {text: heading}),
      el('dl', {class: 'terms-list'}, shown.map((g) => el('div', {},
          el('dt', {text: g.label}),
          el('dd', {text: g.terms.map((x) => `${x.term} ×${x.count}`).join(', ')})))));
}

function selectTheme(id) {
  state.selectedTop = id;
  renderThemes();
  ui.themesBack.focus();
}

function renderArc() {
  const {report, text} = state;
  const sentences = report.sentences || [];
  state.charts.arc = destroy(state.charts.arc);
  ui.arcChart.setAttribute('aria-label', `Line chart of the tone of ${sentences.length} ` +
      'sentences; the table beside it lists each value');
  state.charts.arc = toneArcChart(ui.arcChart, sentences, {onSelect: goToSentence});
  const excerpt = (s) => {
    const t = text.slice(s.start, s.end).replace(/\s+/g, ' ');
    return t.length > 90 ? `${t.slice(0, 89)}…` : t;
  };
  clear(ui.arcTable).append(dataTable({
    caption: 'Tone of each sentence',
    testid: 'arc-data',
    columns: [{label: '#', numeric: true}, {label: 'Tone', numeric: true}, {label: 'Sentence'}],
    rows: sentences.map((s, i) => [
      el('button', {type: 'button', class: 'link-button', text: String(i + 1),
                    'aria-label': `Go to sentence ${i + 1}`, onclick: () => goToSentence(i)}),
      signed(s.compound), excerpt(s)]),
  }));
}

function goToSentence(index) {
  showSentence(ui.article, state.sentenceNodes, index);
  const s = state.report.sentences[index];
  ui.why.textContent = `Sentence ${index + 1}: tone ${signed(s.compound)}` +
      (s.themes && s.themes.length ? `; themes ${s.themes.join(', ')}` : '');
}

function renderLegend(report) {
  clear(ui.legend).append(
      ...(report.top_level || []).map((t) => el('span', {class: 'legend-item'},
          el('span', {class: `swatch ${state.colours.get(t.id).className}`, 'aria-hidden': 'true'}),
          t.label)),
      el('span', {class: 'legend-item'}, el('span', {class: 'sample-pos', text: 'positive'})),
      el('span', {class: 'legend-item'}, el('span', {class: 'sample-neg', text: 'negative'})),
      el('span', {class: 'legend-item'}, el('span', {class: 'sample-entity', text: 'named'})));
}

// ---------------------------------------------------------------- input

function loadSample() {
  if (typeof NewsLensSample === 'undefined') {
    setStatus('sample.js did not load.', 'error');
    return;
  }
  ui.input.value = NewsLensSample.text;
  analyze(NewsLensSample.text, {source: 'the sample'});
}

async function openFile(file) {
  try {
    const {text, kind} = await readArticleFile(file);
    ui.input.value = text;
    await analyze(text, {source: kind === 'html' ? `${file.name} (article text extracted)`
                                                 : file.name});
  } catch (err) {
    setStatus(`Could not read ${file.name}: ${err.message}`, 'error');
  }
}

function wire() {
  ui.analyze.addEventListener('click', () => analyze(ui.input.value));
  ui.loadSample.addEventListener('click', loadSample);
  ui.openFile.addEventListener('click', () => ui.fileInput.click());
  ui.fileInput.addEventListener('change', () => {
    const file = ui.fileInput.files[0];
    if (file) openFile(file);
    ui.fileInput.value = '';
  });
  ui.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      analyze(ui.input.value);
    }
  });
  ui.input.addEventListener('dragover', (event) => {
    event.preventDefault();
    ui.input.classList.add('is-drop-target');
  });
  ui.input.addEventListener('dragleave', () => ui.input.classList.remove('is-drop-target'));
  ui.input.addEventListener('drop', (event) => {
    ui.input.classList.remove('is-drop-target');
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (!file) return;  // dropped text: let the textarea take it
    event.preventDefault();
    openFile(file);
  });
  ui.cancel.addEventListener('click', () => client.cancel());
  ui.themesBack.addEventListener('click', () => {
    const was = state.selectedTop;
    state.selectedTop = null;
    renderThemes();
    if (was) ui.themesChart.focus();
  });
  for (const button of document.querySelectorAll('.table-toggle')) wireTableToggle(button);

  const explainFrom = (event) => {
    const mark = event.target.closest && event.target.closest('mark.hl');
    if (mark) ui.why.textContent = mark.dataset.why.replace(/\n/g, ' · ');
  };
  ui.article.addEventListener('focusin', explainFrom);
  ui.article.addEventListener('mouseover', explainFrom);

  // Charts read their colours from CSS; redraw them when the system switches light/dark.
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (!state.report) return;
    renderThemes();
    renderArc();
  });
}

function start() {
  wire();
  if (typeof NewsLens === 'undefined') {
    setStatus('The analyzer (newslens.js) did not load.', 'error');
    return;
  }
  ui.version.textContent = NewsLens.version || '';
  client.ready().then(
      () => {
        // First visit: show what the page does with the sample.
        if (!ui.input.value.trim()) loadSample();
        else setStatus('Ready.');
      },
      (err) => setStatus(`The analyzer failed to start: ${err.message}`, 'error'));
}

start();
