// The analysis Web Worker. It runs from a Blob URL that the page assembles from
// NewsLens.scriptSource() (the whole of newslens.js, which defines `self.NewsLens` here) followed
// by this file, bundled by web/build.mjs into dist/worker.js as the string NewsLensWorkerSource.
// The module is created here once, lazily, on the first message that needs it.
//
// Messages in:
//   {type: 'lifeline', lifeline}                hold the Web Lock of that name while this worker
//       lives (the page asks for it too, and is granted it when the worker dies)
//   {type: 'dictionaries', dictionaries}        custom dictionaries ({name, text}) for what follows
//   {type: 'warm'}                               load the module now (a corpus pool starting)
//   {id, text, options}                          analyse one article
//   Corpus mode (one worker plans; then every worker of the pool asks for work until none is left):
//   {type: 'plan', id, sources, segmentBytes}   count the records of JSONL/CSV Files
//       [{file, format, index}] and cut each into segments of about segmentBytes, on record
//       boundaries, so several workers can share one file
//   {type: 'work', id, options, total}          start asking for tasks
//   {type: 'task', id, task}                     the answer to 'want': {kind: 'records', file,
//       format, index, start, end, line, first, base, headerText} (a segment: its records are
//       articles base + first + k), {kind: 'texts', items: [{ref, n, id, title, date, source,
//       text, bytes} | {ref, n, error, bytes}]} (whole-file articles the page read), or null: done
// Messages out:
//   {type: 'alive', lifeline}                      the lifeline lock is held
//   {id, type: 'progress', phase: 'loading' | 'analyzing'}
//   {id, type: 'done', report, ms}                 one article analysed
//   {id, type: 'plan', sources: [{index, records, headerRange, headerError, segments}]}
//   {id, type: 'batch', rows, errors, done, bytes}
//       summaries of the articles analysed since the last batch (each with `n`, its place in the
//       corpus), bad records as {file, line, message}, and the
//       articles done (analysed or failed) and bytes read since the last batch
//   {id, type: 'want'}                             send the next task
//   {id, type: 'idle', ms}                         no task left; ms spent working
//   {id, type: 'error', message, fatal}           fatal: the module aborted (a trap, out of memory)
//       and cannot be trusted with another text; the page replaces this worker
/* global NewsLens */

import {isFatal} from './analyzer-client.js';
import {CORPUS_OPTIONS, summarise} from './corpus-aggregate.js';
import {isoDay, readRecords, titleFromText} from './corpus-parse.js';

/** A batch goes to the page at least this often (ms), and at least every 1/PROGRESS_STEPS of
 *  the corpus's articles, so the bar moves in small steps however fast the analysis is; the first
 *  article's summary goes at once. */
const BATCH_MS = 100;
const PROGRESS_STEPS = 100;

let dictionaries = [];
let ready = null;

function analyzer() {
  if (!ready) ready = NewsLens.create(dictionaries.length ? {dictionaries} : undefined);
  return ready;
}

/** Resolves the pending 'want' with the page's next task. */
let deliver = null;

self.onmessage = (event) => {
  const msg = event.data;
  const failed = (err) => {
    self.postMessage({id: msg.id, type: 'error', message: String((err && err.message) || err)});
  };
  if (msg.type === 'lifeline') {
    holdLifeline(msg.lifeline);
  } else if (msg.type === 'dictionaries') {
    const previous = ready;
    dictionaries = msg.dictionaries || [];
    ready = null;
    if (previous) previous.then((nl) => nl.dispose(), () => {});
  } else if (msg.type === 'warm') {
    analyzer().catch(() => {});  // compile the module while the corpus is being counted
  } else if (msg.type === 'plan') {
    plan(msg).catch(failed);
  } else if (msg.type === 'work') {
    work(msg).catch(failed);
  } else if (msg.type === 'task') {
    if (deliver) deliver(msg.task);
  } else {
    analyzeOne(msg);
  }
};

/** Settles once the lifeline is held (or cannot be): analyses wait for it, so that the page can
 *  tell if this worker dies in the middle of one. */
let lifeline = null;
/** An analysis waits at most this long for the lifeline (it takes a millisecond or two): a lock
 *  manager that never answers must not stop the analysis, only its watch. */
const LIFELINE_WAIT_MS = 1000;

/** Holds the lock `name` until this worker dies; says so once held. Nothing without Web Locks. */
function holdLifeline(name) {
  lifeline = new Promise((resolve) => {
    setTimeout(resolve, LIFELINE_WAIT_MS);
    try {
      self.navigator.locks.request(name, () => {
        self.postMessage({type: 'alive', lifeline: name});
        resolve();
        return new Promise(() => {});  // never released while this worker lives
      }).catch(resolve);
    } catch {
      resolve();  // no Web Locks (an opaque origin, an older browser): no lifeline
    }
  });
}

async function analyzeOne({id, text, options}) {
  try {
    if (!ready) self.postMessage({id, type: 'progress', phase: 'loading'});
    if (lifeline) await lifeline;
    const nl = await analyzer();
    self.postMessage({id, type: 'progress', phase: 'analyzing'});
    const t0 = performance.now();
    const report = nl.analyze(text, options);
    self.postMessage({id, type: 'done', report, ms: performance.now() - t0});
  } catch (err) {
    self.postMessage({id, type: 'error', message: String((err && err.message) || err),
                      fatal: isFatal(err)});
  }
}

function reader(file) {
  return async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer());
}

async function plan({id, sources, segmentBytes}) {
  const out = [];
  for (const s of sources) {
    const {records, headerRange, headerError, segments} = await readRecords({
      format: s.format, size: s.file.size, read: reader(s.file), countOnly: true, segmentBytes});
    out.push({index: s.index, records, headerRange, headerError, segments});
  }
  self.postMessage({id, type: 'plan', sources: out});
}

function nextTask(post) {
  return new Promise((resolve) => {
    deliver = (task) => {
      deliver = null;
      resolve(task);
    };
    post({type: 'want'});
  });
}

async function work({id, options, total}) {
  const post = (m) => self.postMessage({id, ...m});
  const nl = await analyzer();
  // Corpus mode keeps summaries only: no per-word mentions or per-sentence results to build.
  const analyzeOptions = {...options, ...CORPUS_OPTIONS};
  const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
  let rows = [];
  let errors = [];
  let done = 0;
  let bytes = 0;
  let lastPost = -Infinity;
  let busy = 0;
  const flush = () => {
    if (rows.length || errors.length || done || bytes) {
      post({type: 'batch', rows, errors, done, bytes});
    }
    rows = [];
    errors = [];
    done = 0;
    bytes = 0;
    lastPost = performance.now();
  };
  const maybeFlush = () => {
    if (done >= step || performance.now() - lastPost >= BATCH_MS) flush();
  };
  const analyse = (article, ref, n) => {
    done++;
    let report;
    try {
      report = nl.analyze(article.text, analyzeOptions);
    } catch (err) {
      errors.push({file: ref.file, line: ref.line || 0, message: String((err && err.message) || err)});
      return;
    }
    const row = summarise(report, {
      id: article.id || String(n + 1), title: article.title || titleFromText(article.text),
      date: article.date || '', day: isoDay(article.date), source: article.source || '',
    }, ref);
    row.n = n;
    rows.push(row);
  };

  for (;;) {
    const task = await nextTask(post);
    if (!task) break;
    const t0 = performance.now();
    if (task.kind === 'records') {
      let read = 0;
      await readRecords({
        format: task.format, size: task.file.size, read: reader(task.file),
        start: task.start, end: task.end, line: task.line, first: task.first,
        headerText: task.headerText,
        onArticle: (article, rec, k) => {
          analyse(article, {file: task.index, start: rec.start, end: rec.end, line: rec.line}, task.base + k);
          maybeFlush();
        },
        onError: (line, message) => {
          errors.push({file: task.index, line, message});
          done++;
        },
        onChunk: (n) => {
          bytes += n - read;
          read = n;
        },
      });
    } else {
      for (const item of task.items) {
        if (item.error) {
          done++;
          errors.push({file: item.ref.file, line: 0, message: item.error});
        } else {
          analyse(item, item.ref, item.n);
        }
        bytes += item.bytes;
        maybeFlush();
      }
    }
    busy += performance.now() - t0;
    flush();  // a task's end: the page learns this worker is free with all it did
  }
  post({type: 'idle', ms: busy});
}
