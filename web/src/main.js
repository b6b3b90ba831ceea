// The page: input → analysis → linked views. Entry point bundled into dist/app.js.
/* global NewsLens, NewsLensSample */

import {ActorsView} from './actors-view.js';
import {AnalysisCancelled, AnalyzerClient, ARTICLE_DETAIL, WorkerCrashed} from './analyzer-client.js';
import {htmlToArticle, looksLikeHtml, readArticleFile} from './article-text.js';
import {renderArticle, setArticleFocus, showSentence} from './article-view.js';
import {ArcView} from './arc-view.js';
import {readTextFile} from './binary-file.js';
import {findBoilerplate, withoutFlagged} from './boilerplate.js';
import {chartPng, chartSvg} from './charts.js';
import {CompareView} from './compare-view.js';
import {ContextView} from './context-view.js';
import {recordFormat} from './corpus-parse.js';
import {CorpusView, droppedFiles} from './corpus-view.js';
import {wireTableToggle} from './data-table.js';
import {appendAll, clear, el} from './dom.js';
import {spreadsheetSafe} from './corpus-aggregate.js';
import {
  actorsCsv, dataUrlToBlob, download, fileStem, sentencesCsv, themesCsv, toCsv,
} from './export.js';
import {describeFocus, sentenceLexicon, sentenceThemes} from './focus.js';
import {RULE_WORDS, themePath} from './glossary.js';
import {count, signed} from './format.js';
import {renderOverview} from './overview-view.js';
import {forgetCssVars, readCssColours, themeColours} from './palette.js';
import {
  forgetLast, loadDictionaries, loadDraft, loadLast, loadScheme, MAX_DRAFT_CHARS, remembering,
  saveDictionaries, saveDraft, saveLast, saveScheme, setRemembering,
} from './storage.js';
import {preloadModuleScript} from './module-script.js';
import {fileTooLarge, textTooLong} from './page-limits.js';
import {ThemeToneView} from './theme-tone-view.js';
import {themeClass, themeCss} from './theme-colours.js';
import {ThemesView} from './themes-view.js';
import {WhyPopover} from './why-popover.js';

const $ = (id) => document.getElementById(id);

const ui = {
  input: $('article-input'), openFile: $('open-file'), fileInput: $('file-input'),
  loadSample: $('load-sample'), analyze: $('analyze'), toneOption: $('tone-option'),
  cleanup: $('cleanup'), cleanupSummary: $('cleanup-summary'), cleanupList: $('cleanup-list'),
  exclude: $('exclude-flagged'),
  status: $('status'), progressRow: $('progress-row'), cancel: $('cancel'),
  elapsed: $('progress-elapsed'), dictionaryList: $('dictionary-list'),
  results: $('results'), legend: $('legend'), why: $('why'), article: $('article'),
  focusSelect: $('focus-select'), focusClear: $('focus-clear'), remember: $('remember'),
  version: $('version'), draftNote: $('draft-note'), scheme: $('scheme'), staleNote: $('stale-note'),
};

const WHY_HINT = 'Hover over or tab to a highlighted word to see why it counts; ' +
                 'click it or press Enter to follow its theme or name everywhere.';

const client = new AnalyzerClient();
const whyPop = new WhyPopover($('why-pop'));

const state = {
  report: null, text: '', colours: new Map(), focus: null, sentenceNodes: [], generation: 0,
  compare: null,  // {text, report} of article B
  source: '',  // where the text came from, in words ("the sample", a file name)
};

const views = {
  themes: new ThemesView({canvas: $('themes-chart'), table: $('themes-table-wrap'),
                          back: $('themes-back'), hint: $('themes-hint'), terms: $('theme-terms')},
                         {onFocus: setFocus}),
  arc: new ArcView({canvas: $('arc-chart'), table: $('arc-table-wrap')}, {onSelect: goToSentence}),
  themeTone: new ThemeToneView({canvas: $('theme-tone-chart'), table: $('theme-tone-table-wrap'),
                                hint: $('theme-tone-hint')}, {onFocus: setFocus}),
  actors: new ActorsView({canvas: $('actors-chart'), chartBox: $('actors-chart-box'),
                          table: $('actors-table-wrap'), legend: $('actors-legend'),
                          hint: $('actors-hint'), pairs: $('co-mentions')}, {onFocus: setFocus}),
  compare: new CompareView({summary: $('compare-summary'), themesCanvas: $('compare-themes-chart'),
                            themesTable: $('compare-themes-table-wrap'),
                            toneCanvas: $('compare-tone-chart'), toneTable: $('compare-tone-table-wrap'),
                            arcCanvas: $('compare-arc-chart'), results: $('compare-results')}),
};

/** Term in context: not a chart, so not in `views` (whose charts tests read). */
const contexts = new ContextView({select: $('context-select'), hint: $('context-hint'),
                                  table: $('context-table-wrap'), exportButton: $('context-export')},
                                 {onFocus: setFocus, onSentence: goToSentence});

const corpus = new CorpusView({
  getOptions: () => ({tone: ui.toneOption.value}),
  getDictionaries: () => client.dictionaries,
  onOpen: openFromCorpus,
});

/** What tests (and the curious, in the console) can read. */
const page = {
  lastReport: null, lastText: null, lastVia: null, analysisCount: 0,
  /** True once the module is compiled and the analyzer built. */
  moduleReady: false,
  /** Milliseconds each view took to render, last analysis. */
  renderTimings: null,
  /** The live Chart.js instances by view, so tests can find bars and points. */
  get charts() {
    return Object.fromEntries(Object.entries(views).map(([k, v]) => [k, v.chart]));
  },
  get focus() { return state.focus; },
  /** Article B's report, once compared. */
  get compareReport() { return state.compare && state.compare.report; },
  /** Corpus mode: its state, summaries, aggregate and charts. */
  corpus: {
    get state() { return corpus.state; },
    get runs() { return corpus.runs; },
    get total() { return corpus.total; },
    get done() { return corpus.done; },
    get rows() { return corpus.rows; },
    get workers() { return corpus.client.workers; },
    get charts() { return corpus.charts; },
    aggregate: () => corpus.aggregate(),
    timing: () => corpus.timing(),
    visibleRows: () => corpus.visibleRows(),
  },
  /** Names of the custom dictionaries in use. */
  get dictionaries() { return client.dictionaries.map((d) => d.name); },
  /** The page's analyzer client (its workers, restarts), for tests and the console. */
  get client() { return client; },
};
window.newslensPage = page;

function setStatus(message, kind = 'info') {
  ui.status.textContent = message;
  ui.status.dataset.kind = kind;
}

let elapsedTimer = null;

/**
 * Marks the page busy. A cancellable (worker) analysis shows the indeterminate bar, the time
 * elapsed (one wasm call reports no steps, so nothing else can move honestly) and Cancel.
 */
function setBusy(busy, {cancellable = false} = {}) {
  document.body.dataset.state = busy ? 'busy' : 'idle';
  ui.analyze.disabled = busy;
  ui.results.setAttribute('aria-busy', String(busy));
  ui.progressRow.hidden = !(busy && cancellable);
  clearInterval(elapsedTimer);
  elapsedTimer = null;
  if (busy && cancellable) {
    const t0 = performance.now();
    const tick = () => {
      ui.elapsed.textContent = `${((performance.now() - t0) / 1000).toFixed(1)} s elapsed`;
    };
    tick();
    elapsedTimer = setInterval(tick, 100);
  }
}

/**
 * Takes every result of the last analysis off the page (charts, article, exports), so nothing
 * on screen describes a text that is no longer there. A running analysis is cancelled.
 */
function clearResults() {
  state.generation += 1;
  client.cancel();
  setBusy(false);
  whyPop.hide();
  for (const view of Object.values(views)) {
    if (view.chart) view.chart.destroy();
    view.chart = null;
  }
  state.report = null;
  state.text = '';
  state.focus = null;
  state.sentenceNodes = [];
  state.compare = null;
  clear(ui.article);
  ui.results.hidden = true;
  document.body.classList.remove('has-results');
  $('compare-results').hidden = true;
  ui.cleanup.hidden = true;
  page.lastReport = null;
  page.lastText = null;
  showStale(null);
  forgetLast();
}

/**
 * After a failure the results of the earlier text stay on screen (they are still right about
 * that text, and a reader may want them), but they must not pass for results of the text that
 * failed: a note at the top of the results says whose they are and why the new text has none,
 * and the results are dimmed (styles.css). null takes the note away (a new analysis drawn).
 */
function showStale(why) {
  const stale = !!why && !!state.report;
  ui.staleNote.hidden = !stale;
  ui.staleNote.textContent = stale ? `These results are of the previous text${state.source ?
    ` (${state.source})` : ''}, not of the text in the box: ${why}` : '';
  if (stale) ui.results.dataset.stale = 'true';
  else delete ui.results.dataset.stale;
  page.stale = stale;
}

/** The Clear button: an empty text box and no results, ready for the next article. */
function clearAll() {
  ui.input.value = '';
  flushDraft();
  clearResults();
  setStatus('Cleared. Paste an article, open a file or load the sample.');
  ui.input.focus();
}

// ---------------------------------------------------------------- analysis

/** Flagged lines listed under "Found … that may not be part of the article" at most: a long file
 *  of repeated paragraphs has tens of thousands, and the summary counts them all. */
const MAX_CLEANUP_LISTED = 100;

/** Flags boilerplate in `raw`, and returns the text to analyse (without it, if so chosen). The
 *  sample's flags were found by web/build.mjs (the same function). */
function prepare(raw) {
  const sample = typeof NewsLensSample !== 'undefined' ? NewsLensSample : null;
  const flags = sample && raw === sample.text && Array.isArray(sample.boilerplate) ?
    sample.boilerplate.map((f) => ({...f, text: raw.slice(f.start, f.end)})) : findBoilerplate(raw);
  ui.cleanup.hidden = !flags.length;
  clear(ui.cleanupList);
  if (flags.length) {
    const furniture = flags.filter((f) => f.reason === 'furniture').length;
    const repeats = flags.length - furniture;
    const parts = [];
    if (furniture) parts.push(`${furniture} line${furniture === 1 ? '' : 's'} of page furniture`);
    if (repeats) parts.push(`${repeats} repeated paragraph${repeats === 1 ? '' : 's'}`);
    const listed = flags.length > MAX_CLEANUP_LISTED ? ` (the first ${count(MAX_CLEANUP_LISTED)} are listed)` : '';
    ui.cleanupSummary.textContent = `Found ${parts.join(' and ')} that may not be part of the article${listed}.`;
    appendAll(ui.cleanupList, flags.slice(0, MAX_CLEANUP_LISTED).map((f) => {
      const t = f.text.trim().replace(/\s+/g, ' ');
      return el('li', {}, el('q', {text: t.length > 80 ? `${t.slice(0, 79)}…` : t}),
                ` — ${f.reason === 'furniture' ? 'page furniture' : `repeats paragraph ${f.of}`}`);
    }));
  }
  return ui.exclude.checked && flags.length ? withoutFlagged(raw, flags) : raw;
}

/**
 * The sample's report made by web/build.mjs with this same newslens.js, while it is the report
 * the module would give now: the sample's text unchanged, the same options, no custom dictionary.
 */
function builtSampleReport(text) {
  if (typeof NewsLensSample === 'undefined' || !NewsLensSample.report) return null;
  const options = NewsLensSample.reportOptions || {};
  const sameDetail = Array.isArray(options.detail) && options.detail.length === ARTICLE_DETAIL.length &&
                     ARTICLE_DETAIL.every((d) => options.detail.includes(d));
  return text === NewsLensSample.text && options.tone === ui.toneOption.value && sameDetail &&
         options.schema === undefined && !client.dictionaries.length ? NewsLensSample.report : null;
}

/** What a chart's source line names: "china-russia-letter.txt", "the sample", "pasted text". */
function sourceName(source) {
  if (!source) return 'pasted text';
  if (/^the text above/.test(source) || source === 'your last visit') return state.source || 'pasted text';
  return source.replace(/ \(article text extracted\)$/, '');
}

async function analyze(raw, {source} = {}) {
  if (!raw.trim()) {
    const had = !!state.report;
    clearResults();
    setStatus(had ? 'The text box is empty, so the previous results were cleared. Paste an ' +
                    'article, open a file or load the sample to analyse one.'
                  : 'Paste an article, open a file or load the sample first.', 'error');
    ui.input.focus();
    return;
  }
  const tooLong = textTooLong(raw);
  if (tooLong) {  // refused before any work, boilerplate search included
    state.generation += 1;
    client.cancel();
    setBusy(false);
    showStale('it is too long to analyse here.');
    setStatus(tooLong, 'error');
    return;
  }
  const text = prepare(raw);
  const generation = ++state.generation;
  client.cancel();  // a newer request supersedes a running worker job
  let drawing = false;  // set once render() starts replacing what is on screen
  const big = text.length > client.threshold;
  setBusy(true, {cancellable: big});
  setStatus(big ? 'Analysing in a background worker…' : 'Analysing…');
  try {
    const built = builtSampleReport(text);
    const result = built ? {report: built, via: 'build', ms: 0} :
      await client.analyze(text, {tone: ui.toneOption.value, detail: ARTICLE_DETAIL}, {
        onProgress: (phase) => {
          if (generation === state.generation) {
            setStatus(phase === 'loading' ? 'Starting the background analyzer…'
                                          : 'Analysing in a background worker…');
          }
        },
        onRestart: () => {
          if (generation === state.generation) {
            setStatus('The background analyzer stopped; analysing again in a new one…');
          }
        },
      });
    if (generation !== state.generation) return;
    if (big) {
      // The analysis is done; drawing it cannot be cancelled, so Cancel goes away now.
      ui.progressRow.hidden = true;
      clearInterval(elapsedTimer);
      setStatus('Drawing the results…');
    }
    drawing = true;
    if (!(await render(text, result.report, generation))) return;
    state.source = sourceName(source);
    page.lastVia = result.via;
    const where = result.via !== 'worker' ? '' : result.restarts ?
      ' in a background worker (started again after one stopped)' : ' in a background worker';
    const ms = result.ms < 1 ? result.ms.toFixed(2) : Math.round(result.ms);
    setStatus(`Analysed ${count(result.report.stats.words)} words${source ? ` from ${source}` : ''}` +
              (result.via === 'build' ? ' when this page was built (by the same analyzer).' :
                                        ` in ${ms} ms${where}.`));
    saveLast({text: raw, tone: ui.toneOption.value, exclude: ui.exclude.checked});
    if (ui.draftNote.dataset.kind === 'restored' && ui.input.value === raw) showDraftNote(null);
  } catch (err) {
    if (generation !== state.generation) return;
    // A render that failed half way left some views of the new text and some of the old one:
    // none of it can stand. Before drawing began, the old results stay, marked as not current.
    if (drawing) clearResults();
    if (err instanceof AnalysisCancelled) {
      showStale('its analysis was cancelled.');
      setStatus('Analysis cancelled.');
    } else if (err instanceof WorkerCrashed) {
      showStale('its analysis failed.');
      setStatus(`Could not analyse this text: ${err.message}. Your text is still in the box: ` +
                'try again, or analyse a shorter part of it.', 'error');
    } else {
      showStale('its analysis failed.');
      setStatus(`Could not analyse this text: ${err.message}`, 'error');
    }
  } finally {
    if (generation === state.generation) setBusy(false);
  }
}

// ---------------------------------------------------------------- rendering

/** Resolves once the browser has painted (or after 100 ms in a background tab, where
 *  requestAnimationFrame waits). */
function nextPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

/**
 * Shows `report` in every view: the overview and the two charts at the top first, then — after
 * the browser has painted them — the rest. Resolves to false if a newer analysis took over.
 */
async function render(text, report, generation) {
  showStale(null);
  state.report = report;
  state.text = text;
  state.colours = themeColours(report);
  state.focus = null;
  whyPop.hide();
  ui.results.hidden = false;

  const timings = {};
  const timed = (name, fn) => {
    const t0 = performance.now();
    const result = fn();
    timings[name] = performance.now() - t0;
    return result;
  };
  timed('overview', () => renderOverview(
      {summary: $('summary'), tone: $('tone-figure'), stats: $('stats')}, report));
  // Charts before the article: Chart.js measures the layout as it draws, and laying out the
  // article's thousands of nodes first would make that first measurement several times slower.
  timed('themes', () => views.themes.render(report, state.colours));
  timed('arc', () => views.arc.render(report, text));
  // The first render's marks only (bench/page-start.mjs reads them): marks are kept by the
  // browser for the page's lifetime, two per analysis would grow without bound in a long session.
  const first = page.analysisCount === 0;
  if (first) performance.mark('newslens:first-charts');
  await nextPaint();
  if (generation !== state.generation) return false;
  checkCssColours();
  timed('themeTone', () => views.themeTone.render(report));
  timed('actors', () => views.actors.render(report));
  timed('legend', () => {
    renderLegend(report);
    renderFocusChoices(report);
  });
  const article = timed('article', () => renderArticle(ui.article, text, report,
                                                      {isCurrent: () => generation === state.generation}));
  state.sentenceNodes = article.sentenceNodes;
  timed('contexts', () => contexts.render(report, text));
  if (state.compare) timed('compare', () => views.compare.render(report, state.compare.report));
  if (!(await article.done)) return false;
  // Fresh charts and article have no focus; only the controls need resetting.
  state.focus = null;
  ui.focusSelect.value = 'null';
  ui.focusClear.hidden = true;
  page.renderTimings = timings;
  ui.why.textContent = WHY_HINT;

  page.lastReport = report;
  page.lastText = text;
  page.analysisCount += 1;
  if (first) performance.mark('newslens:rendered');
  document.body.dataset.analyses = String(page.analysisCount);
  document.body.classList.add('has-results');
  return true;
}

function renderLegend(report) {
  // Every top-level theme highlighted in the text: the report's top levels, then any weak one it
  // left out of top_level but still lists in `themes` (its words are highlighted too).
  const tops = [...(report.top_level || [])];
  const listed = new Set(tops.map((t) => t.id));
  for (const t of report.themes || []) {
    if (!t.parent && !t.id.includes('.') && !listed.has(t.id)) tops.push(t);
  }
  appendAll(clear(ui.legend), [
      ...tops.map((t) => el('span', {class: 'legend-item'},
          el('span', {class: `swatch ${themeClass(t.id)}`, 'aria-hidden': 'true'}), t.label)),
      el('span', {class: 'legend-item'}, el('span', {class: 'sample-pos', text: 'positive word'})),
      el('span', {class: 'legend-item'}, el('span', {class: 'sample-neg', text: 'negative word'})),
      el('span', {class: 'legend-item'}, el('span', {class: 'sample-entity', text: 'named'}))]);
}

/** The "Follow" menu: every theme and entity of the report. Values are JSON focuses. */
function renderFocusChoices(report) {
  const option = (focus, label) => el('option', {value: JSON.stringify(focus), text: label});
  const subsOf = (id) => (report.themes || []).filter((t) => t.parent === id);
  clear(ui.focusSelect).append(
      option(null, 'All highlights'),
      el('optgroup', {label: 'Themes'}, (report.top_level || []).map((t) => [
        option({kind: 'theme', id: t.id}, t.label),
        subsOf(t.id).map((s) => option({kind: 'theme', id: s.id}, `\u2003${s.label}`)),
      ])),
      (report.entities || []).length ?
        el('optgroup', {label: 'Named'}, report.entities.map((e) =>
          option({kind: 'entity', name: e.name}, e.name))) : null);
}

// ---------------------------------------------------------------- linked views

/** Focus a theme or an entity (or null for all) in every view; `scroll` brings its first
 *  highlight into view. */
function setFocus(focus, {scroll = true} = {}) {
  applyFocus(focus);
  if (!focus) {
    ui.why.textContent = WHY_HINT;
    return;
  }
  const first = setArticleFocus(ui.article, focus);
  const n = ui.article.querySelectorAll('mark.is-focus').length;
  ui.why.textContent = `Following ${describeFocus(state.report, focus)}: ` +
      `${n} highlight${n === 1 ? '' : 's'} in the article.`;
  if (first && scroll) first.scrollIntoView({block: 'nearest', behavior: 'smooth'});
}

function applyFocus(focus) {
  state.focus = focus;
  for (const view of Object.values(views)) view.setFocus(focus);
  contexts.setFocus(focus);
  setArticleFocus(ui.article, focus);
  ui.focusSelect.value = JSON.stringify(focus);
  ui.focusClear.hidden = !focus;
}

function goToSentence(index) {
  showSentence(ui.article, state.sentenceNodes, index);
  const [, , compound] = state.report.sentences[index];
  const themes = sentenceThemes(state.report, index);
  const themeById = new Map([...(state.report.top_level || []), ...(state.report.themes || [])]
      .map((t) => [t.id, t]));
  ui.why.textContent = `Sentence ${index + 1}: tone ${signed(compound)} ` +
      `(${sentenceLexicon(state.report, index)} lexicon)` +
      (themes.length ? `; themes ${themes.map((id) => themePath(themeById, id)).join(', ')}` : '');
}

// ---------------------------------------------------------------- draft

/** The text box is kept as a draft this long after the last keystroke or paste (and at once when
 *  the page is hidden or closed), so typing does not write localStorage on every key. */
const DRAFT_DELAY_MS = 400;
let draftTimer = null;

/** kind: 'restored' (the draft came back) or 'not-kept'. */
function showDraftNote(message, kind = 'not-kept') {
  ui.draftNote.textContent = message || '';
  ui.draftNote.hidden = !message;
  ui.draftNote.dataset.kind = message ? kind : '';
}

/** Saves the text box as the draft now, and says when it could not be kept. */
function flushDraft() {
  clearTimeout(draftTimer);
  draftTimer = null;
  const text = ui.input.value;
  const outcome = saveDraft(text);
  page.draftSaves = (page.draftSaves || 0) + 1;
  if (outcome === 'too-big') {
    showDraftNote(`This text (${count(text.length)} characters) is too long to keep on this ` +
                  `device in case the page is reloaded (at most ${count(MAX_DRAFT_CHARS)}); ` +
                  'it stays here while the page is open.');
  } else if (outcome === 'full') {
    showDraftNote('This browser\'s storage for the page is full: the text is not kept in case ' +
                  'the page is reloaded; it stays here while the page is open.');
  } else {
    showDraftNote(null);
  }
}

function scheduleDraft() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(flushDraft, DRAFT_DELAY_MS);
}

/** Puts `text` in the text box (as opening a file or a corpus row does) and keeps it as the draft. */
function setInput(text) {
  ui.input.value = text;
  scheduleDraft();
}

// ---------------------------------------------------------------- input

function loadSample() {
  if (typeof NewsLensSample === 'undefined') {
    setStatus('sample.js did not load.', 'error');
    return;
  }
  setInput(NewsLensSample.text);
  analyze(NewsLensSample.text, {source: 'the sample'});
}

async function openFile(file) {
  if (recordFormat(file.name)) {  // a JSONL or CSV corpus
    selectTab('corpus');
    corpus.open([file]);
    return;
  }
  const tooLarge = fileTooLarge(file);
  if (tooLarge) {  // refused before it is read; the box and the results stay as they were
    setStatus(`Could not open ${file.name}: ${tooLarge}`, 'error');
    return;
  }
  try {
    const {text, kind} = await readArticleFile(file);
    setInput(text);
    await analyze(text, {source: kind === 'html' ? `${file.name} (article text extracted)`
                                                 : file.name});
  } catch (err) {
    setStatus(`Could not read ${file.name}: ${err.message}`, 'error');
  }
}

// ---------------------------------------------------------------- compare

async function compare(text, {source} = {}) {
  if (!state.report) {
    setStatus('Analyse an article first; the second one is compared with it.', 'error');
    return;
  }
  if (!text.trim()) {
    setStatus('Paste or open the second article first.', 'error');
    $('compare-input').focus();
    return;
  }
  const tooLong = textTooLong(text);
  if (tooLong) {
    dropComparison();
    setStatus(`Could not compare: ${tooLong}`, 'error');
    return;
  }
  const run = $('compare-run');
  run.disabled = true;
  setStatus('Analysing the second article…');
  try {
    const {report} = await client.analyze(text, {tone: ui.toneOption.value});
    state.compare = {text, report};
    views.compare.render(state.report, report);
    page.compareCount = (page.compareCount || 0) + 1;
    setStatus(`Compared with ${source || 'the second article'} ` +
              `(${count(report.stats.words)} words).`);
  } catch (err) {
    // The comparison on screen was with an earlier second article: it goes.
    dropComparison();
    if (!(err instanceof AnalysisCancelled)) {
      setStatus(`Could not analyse the second article: ${err.message}`, 'error');
    }
  } finally {
    run.disabled = false;
  }
}

/** Takes the comparison off the page: it described a second article that is no longer there. */
function dropComparison() {
  state.compare = null;
  views.compare.clear();
}

/** Pasting HTML source keeps only the article's readable text (nothing in it runs). */
function onPaste(event) {
  const pasted = event.clipboardData && event.clipboardData.getData('text/plain');
  if (!pasted || !looksLikeHtml(pasted)) return;
  event.preventDefault();
  const {text} = htmlToArticle(pasted);
  const box = event.target;
  box.setRangeText(text, box.selectionStart, box.selectionEnd, 'end');
  if (box === ui.input) scheduleDraft();
  setStatus('The pasted HTML was reduced to its article text; none of it ran.');
}

// ---------------------------------------------------------------- modes: one article, corpus

const TABS = [['article', 'tab-article', 'article-mode'], ['corpus', 'tab-corpus', 'corpus-mode']];

function selectTab(name, {focus = false} = {}) {
  for (const [key, tabId, panelId] of TABS) {
    const on = key === name;
    const tab = $(tabId);
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(panelId).hidden = !on;
    if (on && focus) tab.focus();
  }
  corpus.setVisible(name === 'corpus');
}

function wireTabs() {
  const tabs = TABS.map(([key, tabId]) => [key, $(tabId)]);
  for (const [key, tab] of tabs) {
    tab.addEventListener('click', () => selectTab(key));
    tab.addEventListener('keydown', (event) => {
      const i = tabs.findIndex(([k]) => k === key);
      const to = {ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1}[event.key];
      if (to === undefined) return;
      event.preventDefault();
      selectTab(tabs[(to + tabs.length) % tabs.length][0], {focus: true});
    });
  }
}

/** A corpus row opens its article here, in the single-article view. */
async function openFromCorpus({text, title}) {
  selectTab('article');
  setInput(text);
  await analyze(text, {source: `“${title}” from the corpus`});
  if (state.report) ui.results.focus({preventScroll: true});
  ui.results.scrollIntoView({block: 'start'});
}

// ---------------------------------------------------------------- custom dictionaries

/** "newslens: beats.dic:4:1: unknown category" → "line 4, column 1: unknown category". */
function dictionaryError(name, err) {
  const message = String(err.message || err).replace(/^newslens: /, '');
  const prefix = `${name}:`;
  const rest = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  const at = /^(\d+):(\d+): ([\s\S]*)$/.exec(rest);
  if (at) return `line ${at[1]}, column ${at[2]}: ${at[3]}`;
  return rest.replace(/^ /, '');
}

function renderDictionaries() {
  const list = client.dictionaries;
  ui.dictionaryList.hidden = !list.length;
  appendAll(clear(ui.dictionaryList), list.map((d) => el('li', {},
      el('span', {text: d.name}),
      el('button', {type: 'button', class: 'small', 'aria-label': `Remove the dictionary ${d.name}`,
                    dataset: {testid: 'dictionary-remove'},
                    onclick: () => useDictionaries(list.filter((x) => x !== d), {removed: d.name})},
         'Remove'))));
}

/** Switches to `dictionaries`; on a malformed one, says where and keeps the analyzer it had. */
async function useDictionaries(dictionaries, {added, removed} = {}) {
  const before = client.dictionaries.map((d) => d.name);
  try {
    await client.setDictionaries(dictionaries);
  } catch (err) {
    const kept = before.length ? `the dictionaries it had (${before.join(', ')})` : 'the built-in dictionaries';
    const name = added || removed;
    setStatus(`Could not use the dictionary ${name}: ${dictionaryError(name, err)}. ` +
              `newslens goes on with ${kept}.`, 'error');
    page.dictionaryErrors = (page.dictionaryErrors || 0) + 1;
    return false;
  }
  renderDictionaries();
  saveDictionaries(client.dictionaries);
  const what = added ? `Added the dictionary ${added}` : `Removed the dictionary ${removed}`;
  if (state.report && ui.input.value.trim()) {
    await analyze(ui.input.value, {source: `the text above, ${added ? 'with' : 'without'} ${added || removed}`});
    setStatus(`${what}; the article was analysed again. ${ui.status.textContent}`);
  } else {
    setStatus(`${what}.`);
  }
  return true;
}

async function addDictionary(file) {
  let text;
  try {
    text = await readTextFile(file);
  } catch (err) {
    const kept = client.dictionaries.length ?
      `the dictionaries it had (${client.dictionaries.map((d) => d.name).join(', ')})` : 'the built-in dictionaries';
    setStatus(`Could not use the dictionary ${file.name}: ${err.message}. newslens goes on with ${kept}.`, 'error');
    page.dictionaryErrors = (page.dictionaryErrors || 0) + 1;
    return;
  }
  const others = client.dictionaries.filter((d) => d.name !== file.name);  // same name: replace it
  await useDictionaries([...others, {name: file.name, text}], {added: file.name});
}

/** The article's headline as a reader would cite it: its first substantial line. */
function headline(text) {
  const first = text.split('\n').map((l) => l.trim().replace(/^#+\s*/, '')).find((l) => l.length > 12) || '';
  return first.length > 110 ? `${first.slice(0, 109).trimEnd()}…` : first;
}

/** Title, subtitle, source and credit lines of an exported chart. */
function chartTexts(name) {
  const canvas = views[name].chart.canvas;
  const section = canvas.closest('section');
  const heading = name === 'compare' ? 'Themes of two articles (A and B)' :
    section && section.querySelector('h2') ? section.querySelector('h2').textContent : 'newslens';
  return {
    title: heading,
    subtitle: headline(state.text) ? `“${headline(state.text)}”` : '',
    source: `Source: ${state.source || 'the text analysed'}, ${count(state.report.stats.words)} words`,
    credit: 'Chart: newslens, analysed in the browser',
    alt: canvas.getAttribute('aria-label') || heading,
  };
}

/** Downloads chart `name` as a PNG (2x) or an SVG, framed with its title and source. */
function exportChart(name, format = 'png') {
  const chart = views[name] && views[name].chart;
  if (!chart || !state.report) return;
  const file = `${fileStem(state.text)}-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  if (format === 'svg') download(`${file}.svg`, chartSvg(chart, chartTexts(name)), 'image/svg+xml');
  else download(`${file}.png`, dataUrlToBlob(chartPng(chart, chartTexts(name))));
}

/**
 * "Copy as embed": a self-contained <figure> (the 2x PNG as a data URL, its data as alt text, the
 * title and source as a caption) to paste into a CMS's HTML block; nothing in it loads from
 * anywhere. Copied to the clipboard when the browser allows, and always shown to copy by hand.
 */
async function embedChart(name) {
  const chart = views[name] && views[name].chart;
  if (!chart || !state.report) return;
  const texts = chartTexts(name);
  const png = chartPng(chart, texts);
  const attr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const textOf = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const {width, height} = await new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve({width: img.naturalWidth / 2, height: img.naturalHeight / 2});
    img.onerror = () => resolve({width: chart.width, height: chart.height});
    img.src = png;
  });
  const snippet = `<figure class="newslens-chart">\n` +
    `  <img src="${png}" width="${width}" height="${height}" ` +
    `alt="${attr(texts.alt)}">\n` +
    `  <figcaption>${textOf(texts.title)}. ${textOf(texts.source)}. ${textOf(texts.credit)}.</figcaption>\n` +
    `</figure>\n`;
  const box = $('embed-code');
  $('embed-code-what').textContent = texts.title;
  $('embed-code-text').value = snippet;
  box.hidden = false;
  page.lastEmbed = snippet;
  let copied = false;
  try {
    await navigator.clipboard.writeText(snippet);
    copied = true;
  } catch {
    $('embed-code-text').select();
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
  }
  $('embed-code-status').textContent = copied ?
    `Copied: paste it into an HTML block (${count(Math.round(snippet.length / 1024))} KB, the image inside).` :
    'Select the code and copy it (the browser did not allow copying from here).';
  box.scrollIntoView({block: 'nearest'});
}

function wire() {
  wireTabs();
  ui.analyze.addEventListener('click', () => analyze(ui.input.value));
  $('open-dictionary').addEventListener('click', () => $('dictionary-input').click());
  $('dictionary-input').addEventListener('change', () => {
    const file = $('dictionary-input').files[0];
    $('dictionary-input').value = '';
    if (file) addDictionary(file);
  });
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
    const dt = event.dataTransfer;
    const files = dt ? [...dt.files] : [];
    if (!files.length) return;  // dropped text: let the textarea take it
    event.preventDefault();
    // Several files, a folder or a JSONL/CSV file is a corpus (entries are read during the event).
    const folder = [...(dt.items || [])].some((item) => {
      const entry = item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
      return entry && entry.isDirectory;
    });
    if (files.length > 1 || folder || recordFormat(files[0].name)) {
      droppedFiles(dt).then((list) => {
        selectTab('corpus');
        corpus.open(list);
      });
      return;
    }
    openFile(files[0]);
  });
  ui.input.addEventListener('paste', onPaste);
  ui.input.addEventListener('input', scheduleDraft);
  // A reload or a closed tab within DRAFT_DELAY_MS of the last keystroke keeps it too.
  window.addEventListener('pagehide', () => {
    if (draftTimer) flushDraft();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && draftTimer) flushDraft();
  });
  $('compare-input').addEventListener('paste', onPaste);
  $('compare-run').addEventListener('click', () => compare($('compare-input').value));
  $('compare-open').addEventListener('click', () => $('compare-file').click());
  $('compare-file').addEventListener('change', async () => {
    const input = $('compare-file');
    const file = input.files[0];
    input.value = '';
    if (!file) return;
    const tooLarge = fileTooLarge(file);
    if (tooLarge) {
      setStatus(`Could not open ${file.name}: ${tooLarge}`, 'error');
      return;
    }
    try {
      const {text} = await readArticleFile(file);
      $('compare-input').value = text;
      await compare(text, {source: file.name});
    } catch (err) {
      setStatus(`Could not read ${file.name}: ${err.message}`, 'error');
    }
  });
  ui.exclude.addEventListener('change', () => {
    if (state.report) analyze(ui.input.value);
  });
  // Another lexicon scores the same text differently: the results on screen follow it.
  ui.toneOption.addEventListener('change', () => {
    if (state.report && ui.input.value.trim()) {
      analyze(ui.input.value, {source: `the text above, with the ${ui.toneOption.value} lexicon`});
    }
  });
  $('clear').addEventListener('click', clearAll);
  ui.cancel.addEventListener('click', () => client.cancel());
  for (const button of document.querySelectorAll('.table-toggle')) wireTableToggle(button);
  for (const button of document.querySelectorAll('.png-button')) {
    button.addEventListener('click', () => exportChart(button.dataset.chart));
  }
  for (const button of document.querySelectorAll('.svg-button')) {
    button.addEventListener('click', () => exportChart(button.dataset.chart, 'svg'));
  }
  for (const button of document.querySelectorAll('.embed-button')) {
    button.addEventListener('click', () => embedChart(button.dataset.chart));
  }
  appendAll($('method-rules'), Object.entries(RULE_WORDS).map(([rule, words]) =>
    el('div', {}, el('dt', {text: rule[0].toUpperCase() + rule.slice(1).replace('-', ' ')}),
       el('dd', {text: words[0].toUpperCase() + words.slice(1)}))));
  document.querySelector('[data-testid="method-link"]').addEventListener('click', () => {
    $('method-details').open = true;
  });
  $('embed-code-close').addEventListener('click', () => {
    $('embed-code').hidden = true;
  });

  ui.focusSelect.addEventListener('change', () => setFocus(JSON.parse(ui.focusSelect.value)));
  ui.focusClear.addEventListener('click', () => {
    setFocus(null);
    ui.focusSelect.focus();
  });

  // A highlight explains itself in the side panel and in a box pinned beside the word (the only
  // explanation a phone can see: no hover, and the side panel is a screen away).
  const markOf = (event) => event.target.closest && event.target.closest('mark.hl');
  const explain = (mark, pinned) => {
    ui.why.textContent = mark.dataset.why.replace(/\n/g, ' · ');
    whyPop.show(mark, {pinned});
  };
  ui.article.addEventListener('focusin', (event) => {
    const mark = markOf(event);
    if (mark) explain(mark, true);
  });
  ui.article.addEventListener('mouseover', (event) => {
    const mark = markOf(event);
    if (mark) explain(mark, false);
  });
  ui.article.addEventListener('mouseout', (event) => {
    const mark = markOf(event);
    if (mark && !whyPop.pinned && !mark.contains(event.relatedTarget)) whyPop.hide();
  });
  ui.article.addEventListener('focusout', (event) => {
    if (!markOf({target: event.relatedTarget || document.body})) whyPop.hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !whyPop.box.hidden) whyPop.hide();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!whyPop.box.hidden && !markOf(event) && !whyPop.box.contains(event.target)) whyPop.hide();
  });
  window.addEventListener('resize', () => whyPop.place());
  // Linked views from the text: a highlight's theme (or name) becomes the focus; again, all.
  const followFrom = (mark) => {
    const theme = mark.dataset.themes && mark.dataset.themes.split(' ')[0];
    const name = mark.dataset.entities && mark.dataset.entities.split('|')[0];
    const focus = theme ? {kind: 'theme', id: theme} : name ? {kind: 'entity', name} : null;
    if (!focus) return;
    const same = JSON.stringify(focus) === JSON.stringify(state.focus);
    setFocus(same ? null : focus, {scroll: false});
    mark.focus({preventScroll: true});
  };
  ui.article.addEventListener('click', (event) => {
    const mark = markOf(event);
    if (!mark) return;
    followFrom(mark);
    explain(mark, true);
  });
  ui.article.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const mark = event.target.closest && event.target.closest('mark.hl');
    if (!mark) return;
    event.preventDefault();
    followFrom(mark);
  });

  $('export-json').addEventListener('click', () => {
    if (state.report) {
      download(`${fileStem(state.text)}.json`, JSON.stringify(state.report, null, 2) + '\n',
               'application/json');
    }
  });
  $('export-themes').addEventListener('click', () => {
    if (state.report) download(`${fileStem(state.text)}-themes.csv`, themesCsv(state.report), 'text/csv');
  });
  $('export-actors').addEventListener('click', () => {
    if (state.report) download(`${fileStem(state.text)}-actors.csv`, actorsCsv(state.report), 'text/csv');
  });
  $('export-sentences').addEventListener('click', () => {
    if (state.report) {
      download(`${fileStem(state.text)}-sentences.csv`, sentencesCsv(state.report, state.text),
               'text/csv');
    }
  });
  $('print').addEventListener('click', () => window.print());
  $('context-export').addEventListener('click', () => {
    if (!state.report || !state.focus) return;
    const {header, rows} = contexts.csvRows();
    const what = state.focus.kind === 'theme' ? state.focus.id : state.focus.name;
    const slug = what.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    download(`${fileStem(state.text)}-in-context-${slug.slice(0, 40) || 'item'}.csv`,
             toCsv(header, rows.map((row) => row.map(spreadsheetSafe))), 'text/csv');
  });
  ui.remember.addEventListener('change', () => {
    setRemembering(ui.remember.checked);
    if (ui.remember.checked && state.report) {
      saveLast({text: ui.input.value, tone: ui.toneOption.value, exclude: ui.exclude.checked});
    }
    if (ui.remember.checked) {
      saveDictionaries(client.dictionaries);
      flushDraft();
    } else {
      showDraftNote(null);
    }
    setStatus(ui.remember.checked ? 'This article and the settings will be remembered here.'
                                  : 'Forgotten: nothing is kept on this device.');
  });

  // Charts read their colours from CSS; redraw them when the colours switch light/dark (the
  // system's setting, or the page's own switch beside it).
  SYSTEM_DARK.addEventListener('change', () => {
    if (ui.scheme.value === 'system') applyScheme();
  });
  ui.scheme.addEventListener('change', () => {
    saveScheme(ui.scheme.value);
    applyScheme();
  });
}

const SYSTEM_DARK = window.matchMedia('(prefers-color-scheme: dark)');

/** Sets the page's colours from the switch ('system', 'light' or 'dark') and redraws the charts
 *  in them. At start (`initial`) nothing is drawn yet, and the CSS is read after the first paint
 *  (checkCssColours). */
function applyScheme({initial = false} = {}) {
  const choice = ui.scheme.value;
  const scheme = choice === 'dark' || (choice === 'system' && SYSTEM_DARK.matches) ? 'dark' : 'light';
  if (document.documentElement.dataset.scheme === scheme) return;
  document.documentElement.dataset.scheme = scheme;
  forgetCssVars();
  if (initial) return;
  readCssColours();
  redrawCharts();
}

/** Draws every chart again (in the colours now in use), keeping the focus. */
function redrawCharts() {
  corpus.redraw();
  if (!state.report) return;
  const focus = state.focus;
  views.themes.draw();
  views.arc.render(state.report, state.text);
  views.themeTone.render(state.report);
  views.actors.render(state.report);
  if (state.compare) views.compare.render(state.report, state.compare.report);
  applyFocus(focus);
}

/** The first charts were drawn in palette.js's copy of the page's colours (no style read before
 *  the first paint); once painted, the CSS is read, and the charts are drawn again only if it
 *  says otherwise. */
let cssChecked = false;

function checkCssColours() {
  if (cssChecked) return;
  cssChecked = true;
  if (readCssColours()) {
    page.cssColoursDiffered = true;
    redrawCharts();
  }
}

/** The theme colours' CSS rules, from their one definition (theme-colours.js). A constructed
 *  sheet, so the CSP needs no 'unsafe-inline' for styles. */
function adoptThemeColours() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(themeCss());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

function start() {
  performance.mark('newslens:start');
  preloadModuleScript();  // over http(s): the module's download overlaps the first drawing
  adoptThemeColours();
  ui.scheme.value = loadScheme();
  applyScheme({initial: true});
  wire();
  ui.remember.checked = remembering();
  const last = loadLast();
  const dictionaries = loadDictionaries();
  // The text box comes back as it was left, even if the module never loads; the results show the
  // last analysis (or the sample), and the box's text waits for Analyze.
  const draft = loadDraft();
  if (draft !== null) {
    ui.input.value = draft;
    showDraftNote('Your text from last time is back in the box (not analysed yet): press Analyze ' +
                  'to analyse it.', 'restored');
  }
  // The sample (first visit, or the sample again) has its report from the page's build: its
  // charts are drawn at once, and the module is compiled after they are painted (compiling and
  // building the analyzer hold the main thread for a while). Anything else waits for the module.
  const sample = typeof NewsLensSample !== 'undefined' ? NewsLensSample : null;
  const showSample = sample && sample.report && !dictionaries.length &&
      (!last || (last.text === sample.text && last.tone === sample.reportOptions.tone && !last.exclude));
  let ready;
  if (showSample) {
    if (draft === null) ui.input.value = sample.text;
    ready = analyze(sample.text, {source: 'the sample'}).then(() => client.ready());
  } else {
    ready = client.ready();
  }
  ready.then(
      async () => {
        if (dictionaries.length) {
          try {
            await client.setDictionaries(dictionaries);
            renderDictionaries();
          } catch {
            saveDictionaries([]);  // no longer valid for this version: forget them
          }
        }
        performance.mark('newslens:ready');
        checkCssColours();  // if no article was drawn yet (the corpus mode's charts)
        page.moduleReady = true;
        ui.version.textContent = NewsLens.version || '';
        if (showSample) {
          // shown already
        } else if (last) {
          if (draft === null) ui.input.value = last.text;
          if (['auto', 'news', 'general', 'finance'].includes(last.tone)) ui.toneOption.value = last.tone;
          ui.exclude.checked = !!last.exclude;
          analyze(last.text, {source: 'your last visit'});
        } else if (!ui.input.value.trim()) {
          loadSample();  // first visit: show what the page does, with the sample
        } else {
          setStatus('Ready.');
        }
      },
      (err) => setStatus(`The analyzer failed to start: ${err.message}`, 'error'));
}

start();
