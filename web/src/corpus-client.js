// Runs a corpus through a pool of analysis workers (web/src/analysis-worker.js, built the same
// way as the single-article one: see analyzer-client.js) — one for a small corpus, up to one per
// core for a large one. The first worker counts the records of the JSONL and CSV files (given to
// it as File objects, read in chunks) and cuts them into segments on record boundaries; then each
// worker asks for a task — a segment, which it reads and parses itself, or a batch of other files
// that the page reads here (HTML needs the page's DOMParser) — until none is left. Memory holds
// at most one batch of text per worker. Cancel terminates the workers: what arrived stays.

import {workerUrl} from './analyzer-client.js';
import {readArticleFile} from './article-text.js';
import {BinaryFileError, sniffFile} from './binary-file.js';
import {recordFormat} from './corpus-parse.js';

/** Files read per batch for the worker, at most (and at most BATCH_BYTES of them). */
const BATCH_FILES = 32;
const BATCH_BYTES = 2 * 1024 * 1024;

const ARTICLE_FILE = /\.(txt|text|md|markdown|html?|xhtml|json)$/i;

/** The path a file was picked or dropped with (folders keep theirs). */
export function filePath(file) {
  return file.newslensPath || file.webkitRelativePath || file.name;
}

/**
 * Sorts picked or dropped files: {records: [{file, format, index}], articles: [{file, index}],
 * skipped: [File]}; `index` is the file's position in `files`.
 */
export function partitionFiles(files) {
  const records = [];
  const articles = [];
  const skipped = [];
  files.forEach((file, index) => {
    const format = recordFormat(file.name);
    if (format) records.push({file, format, index});
    else if (ARTICLE_FILE.test(file.name)) articles.push({file, index});
    else skipped.push(file);
  });
  return {records, articles, skipped};
}

/**
 * What a whole-file article carries besides its text: its path as id, the folder it sits in
 * (below the one picked) as source, and a YYYY-MM-DD in its path as date.
 */
export function fileFields(file) {
  const path = filePath(file);
  const parts = path.split('/');
  const date = /(\d{4}-\d{2}-\d{2})/.exec(path);
  return {id: path, source: parts.length > 2 ? parts[parts.length - 2] : '',
          date: date ? date[1] : ''};
}

export class CorpusCancelled extends Error {
  constructor() {
    super('Corpus analysis cancelled');
    this.name = 'CorpusCancelled';
  }
}

/** Bytes of corpus per worker: a smaller corpus is not worth starting another module for. */
const BYTES_PER_WORKER = 2 * 1024 * 1024;
/** Workers at most, whatever the number of cores (each holds its own module, ~tens of MB). */
const MAX_WORKERS = 4;
/** Segments per worker a JSONL/CSV file is cut into (handed out as workers free up, so one slow
 *  segment does not leave the others idle), within these sizes. */
const SEGMENTS_PER_WORKER = 8;
const MIN_SEGMENT_BYTES = 256 * 1024;
const MAX_SEGMENT_BYTES = 8 * 1024 * 1024;

/** How many workers for `bytes` of corpus on this machine. */
export function poolSize(bytes, cores = (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 2) {
  return Math.max(1, Math.min(MAX_WORKERS, cores, Math.ceil(bytes / BYTES_PER_WORKER)));
}

export class CorpusClient {
  constructor() {
    this.url = null;
    this.job = null;
    this.nextId = 1;
    /** Workers of the last run. */
    this.workers = 0;
  }

  /**
   * Analyses `files` (Files; `index` in rows' refs is the position here) with a pool of workers.
   * handlers: onTotal(total), onBatch({rows, errors, done, bytes}) — done and bytes are
   * increments. Resolves to {ms} when every article is done; rejects with CorpusCancelled after
   * cancel(), or with a worker's Error.
   */
  run(files, {options, dictionaries = []}, {onTotal, onBatch}) {
    this.cancel();
    const {records, articles} = partitionFiles(files);
    const id = this.nextId++;
    const bytes = files.reduce((n, f) => n + f.size, 0);
    const size = poolSize(bytes);
    const segmentBytes = Math.min(MAX_SEGMENT_BYTES,
        Math.max(MIN_SEGMENT_BYTES, Math.ceil(bytes / (size * SEGMENTS_PER_WORKER))));
    this.workers = size;
    this.url = workerUrl();
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const job = {id, reject, workers: []};
      this.job = job;
      const live = () => this.job === job;
      const fail = (error) => {
        if (!live()) return;
        this.job = null;
        this.stop(job);
        reject(error);
      };
      const tasks = [];
      const queue = articles.slice();
      let next = 0;  // n of the next whole-file article
      let idle = 0;

      /** The next task: a segment of a JSONL/CSV file, a batch of whole files, or null. */
      const take = async () => {
        if (tasks.length) return tasks.shift();
        if (!queue.length) return null;
        const batch = [];
        let size = 0;
        while (queue.length && batch.length < BATCH_FILES && size < BATCH_BYTES) {
          const item = queue.shift();
          size += item.file.size;
          batch.push({...item, n: next++});
        }
        return {kind: 'texts', items: await Promise.all(batch.map(({file, index, n}) => readForCorpus(file, index, n)))};
      };

      const onMessage = (worker) => async (event) => {
        const msg = event.data;
        if (!live() || msg.id !== id) return;  // cancelled: late messages are dropped
        if (msg.type === 'plan') {
          let base = 0;
          for (const source of msg.sources) {
            const {file, format, index} = records.find((r) => r.index === source.index);
            if (source.headerError) {
              onBatch({rows: [], done: source.records, bytes: file.size,
                       errors: [{file: index, line: 1, message: `header: ${source.headerError}`}]});
            } else {
              const headerText = source.headerRange ?
                  new TextDecoder('utf-8').decode(await file.slice(...source.headerRange).arrayBuffer()) : null;
              for (const seg of source.segments) {
                tasks.push({kind: 'records', file, format, index, base, headerText, ...seg});
              }
            }
            base += source.records;
          }
          next = base;
          const total = base + articles.length;
          if (!live()) return;
          onTotal(total);
          for (const w of job.workers) w.postMessage({type: 'work', id, options, total});
        } else if (msg.type === 'want') {
          const task = await take();
          if (live()) worker.postMessage({type: 'task', id, task});
        } else if (msg.type === 'batch') {
          onBatch(msg);
        } else if (msg.type === 'idle') {
          idle++;
          if (idle === job.workers.length) {
            this.job = null;
            this.stop(job);
            resolve({ms: performance.now() - t0});
          }
        } else if (msg.type === 'error') {
          fail(new Error(msg.message));
        }
      };

      for (let i = 0; i < size; i++) {
        const worker = new Worker(this.url);
        job.workers.push(worker);
        worker.onmessage = onMessage(worker);
        worker.onerror = (event) => {
          event.preventDefault();
          fail(new Error(`corpus worker failed: ${event.message || 'unknown error'}`));
        };
        if (dictionaries.length) worker.postMessage({type: 'dictionaries', dictionaries});
        worker.postMessage({type: 'warm'});
      }
      // A JSONL or CSV file that is not text (a PNG or a PDF under the wrong name) is reported
      // and skipped; the worker counts the records of the others.
      Promise.all(records.map((r) => sniffFile(r.file))).then((kinds) => {
        if (!live()) return;
        const binary = records.filter((r, i) => kinds[i]);
        if (binary.length) {
          onBatch({rows: [], labels: [], done: 0, bytes: binary.reduce((n, r) => n + r.file.size, 0),
                   errors: binary.map((r) => ({file: r.index, line: 0,
                     message: new BinaryFileError(kinds[records.indexOf(r)]).message}))});
        }
        job.workers[0].postMessage({type: 'plan', id, segmentBytes,
            sources: records.filter((r, i) => !kinds[i]).map(({file, format, index}) => ({file, format, index}))});
      }, fail);
    });
  }

  get busy() {
    return !!this.job;
  }

  /** Stops the workers; the run rejects with CorpusCancelled. Returns whether one was running. */
  cancel() {
    const job = this.job;
    this.job = null;
    if (!job) return false;
    this.stop(job);
    job.reject(new CorpusCancelled());
    return true;
  }

  stop(job) {
    for (const w of job.workers) w.terminate();
    job.workers = [];
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
  }
}

/** A whole-file article for a worker: {ref, n, id, title, date, source, text, bytes} or
 *  {ref, n, error, bytes}. */
async function readForCorpus(file, index, n) {
  const ref = {file: index};
  try {
    const {text, title} = await readArticleFile(file);
    return {ref, n, ...fileFields(file), title: title || '', text, bytes: file.size};
  } catch (err) {
    return {ref, n, error: err.message, bytes: file.size};  // listed with its file's path
  }
}
