// The analysis Web Worker. It runs from a Blob URL that the page assembles from
// NewsLens.scriptSource() (the whole of newslens.js, which defines `self.NewsLens` here) followed
// by this file, bundled by web/build.mjs into dist/worker.js as the string NewsLensWorkerSource.
// The module is created here once, lazily, on the first message that needs it.
//
// Messages in:
//   {type: 'dictionaries', dictionaries}        custom dictionaries ({name, text}) for what follows
//   {id, text, options}                          analyse one article
//   {type: 'corpus', id, sources, articleFiles, options}
//       a corpus: `sources` are JSONL/CSV Files [{file, format, index}] read and parsed here in
//       chunks; then `articleFiles` whole-file articles that the page extracts (HTML needs its
//       DOMParser) and hands over on request, a batch at a time
//   {type: 'texts', id, items, last}             the next batch of those ({ref, id, title, date,
//                                                source, text, bytes}), answering a 'want'
// Messages out:
//   {id, type: 'progress', phase: 'loading' | 'analyzing'}
//   {id, type: 'done', report, ms}                 one article analysed
//   {id, type: 'total', total}                     corpus: articles to analyse (records counted)
//   {id, type: 'batch', rows, errors, labels, done, bytes}
//       corpus: summaries of the articles analysed since the last batch, bad records as
//       {file, line, message}, new theme labels as [id, label], articles done (analysed or
//       failed) and bytes read so far
//   {id, type: 'want'}                             corpus: send the next batch of article files
//   {id, type: 'corpus-done', ms, sources}         corpus finished; sources: [{file, header}]
//   {id, type: 'error', message}
/* global NewsLens */

import {summarise} from './corpus-aggregate.js';
import {isoDay, readRecords, titleFromText} from './corpus-parse.js';

/** A batch goes to the page at least this often (ms), and at least every 1/PROGRESS_STEPS of
 *  the articles, so the bar moves in small steps however fast the analysis is; the first
 *  article's summary goes at once. */
const BATCH_MS = 100;
const PROGRESS_STEPS = 100;

let dictionaries = [];
let ready = null;

function analyzer() {
  if (!ready) ready = NewsLens.create(dictionaries.length ? {dictionaries} : undefined);
  return ready;
}

/** Resolves the corpus run's pending 'want' with the page's next batch of article files. */
let deliver = null;

self.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'dictionaries') {
    const previous = ready;
    dictionaries = msg.dictionaries || [];
    ready = null;
    if (previous) previous.then((nl) => nl.dispose(), () => {});
  } else if (msg.type === 'corpus') {
    runCorpus(msg).catch((err) => {
      self.postMessage({id: msg.id, type: 'error', message: String((err && err.message) || err)});
    });
  } else if (msg.type === 'texts') {
    if (deliver) deliver(msg);
  } else {
    analyzeOne(msg);
  }
};

async function analyzeOne({id, text, options}) {
  try {
    if (!ready) self.postMessage({id, type: 'progress', phase: 'loading'});
    const nl = await analyzer();
    self.postMessage({id, type: 'progress', phase: 'analyzing'});
    const t0 = performance.now();
    const report = nl.analyze(text, options);
    self.postMessage({id, type: 'done', report, ms: performance.now() - t0});
  } catch (err) {
    self.postMessage({id, type: 'error', message: String((err && err.message) || err)});
  }
}

function reader(file) {
  return async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer());
}

async function runCorpus({id, sources, articleFiles, options}) {
  const post = (m) => self.postMessage({id, ...m});
  const t0 = performance.now();
  const nl = await analyzer();
  // Corpus mode keeps summaries only: no per-word mentions or per-sentence results to build.
  const analyzeOptions = {...options, mentions: false, sentences: false};

  let total = articleFiles;
  for (const s of sources) {
    const {records} = await readRecords({format: s.format, size: s.file.size, read: reader(s.file),
                                         countOnly: true});
    total += records;
  }
  post({type: 'total', total});

  let rows = [];
  let errors = [];
  let labels = [];
  const known = new Set();
  let done = 0;
  let bytes = 0;
  let lastPost = -Infinity;
  let lastDone = 0;
  const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
  const flush = () => {
    post({type: 'batch', rows, errors, labels, done, bytes});
    rows = [];
    errors = [];
    labels = [];
    lastPost = performance.now();
    lastDone = done;
  };
  const maybeFlush = () => {
    if (done - lastDone >= step || performance.now() - lastPost >= BATCH_MS) flush();
  };
  const analyse = (article, ref) => {
    done++;
    let report;
    try {
      report = nl.analyze(article.text, analyzeOptions);
    } catch (err) {
      errors.push({file: ref.file, line: ref.line || 0, message: String((err && err.message) || err)});
      return;
    }
    for (const t of report.top_level || []) {
      if (!known.has(t.id)) {
        known.add(t.id);
        labels.push([t.id, t.label]);
      }
    }
    rows.push(summarise(report, {
      id: article.id || String(done), title: article.title || titleFromText(article.text),
      date: article.date || '', day: isoDay(article.date), source: article.source || '',
    }, ref));
  };

  const read = [];
  for (const s of sources) {
    const before = bytes;
    const result = await readRecords({
      format: s.format, size: s.file.size, read: reader(s.file),
      onArticle: (article, rec) => {
        analyse(article, {file: s.index, start: rec.start, end: rec.end, line: rec.line});
        maybeFlush();
      },
      onError: (line, message) => {
        errors.push({file: s.index, line, message});
        if (!message.startsWith('header:')) done++;
      },
      onChunk: (end) => {
        bytes = before + end;
      },
    });
    if (result.headerError) done += result.records;  // the whole file was skipped
    bytes = before + s.file.size;
    read.push({file: s.index, header: result.headerRange});
  }

  // Whole-file articles, a batch at a time: the page reads (and for HTML, extracts) the next
  // batch while this one is analysed, so only two batches of text are ever in memory.
  if (articleFiles) {
    let next = want(post);
    for (;;) {
      const {items, last} = await next;
      if (!last) next = want(post);
      for (const item of items) {
        if (item.error) {
          done++;
          errors.push({file: item.ref.file, line: 0, message: item.error});
        } else {
          analyse(item, item.ref);
        }
        bytes += item.bytes;
        maybeFlush();
      }
      if (last) break;
    }
  }
  flush();
  post({type: 'corpus-done', ms: performance.now() - t0, sources: read});
}

function want(post) {
  return new Promise((resolve) => {
    deliver = (msg) => {
      deliver = null;
      resolve(msg);
    };
    post({type: 'want'});
  });
}
