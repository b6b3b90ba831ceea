// Corpus files → article records, streamed a chunk at a time (issue 8). Runs in the analysis
// worker; pure functions, no DOM, so node tests import it directly.
//
// JSONL: one JSON object per line, `text` required, `id`, `title`, `date`, `source` optional.
// CSV (RFC 4180): a header row naming the columns (`text` required, the same optional ones, any
// order, others ignored); fields quoted with `"` may hold commas, newlines and doubled quotes.
//
// Records are split on bytes, not text: the bytes that end a record (`\n`) and delimit CSV
// fields (`"`, `,`) are ASCII and never occur inside a multi-byte UTF-8 sequence, so each record
// keeps its exact byte range in the file. The page keeps only that range per article and re-reads
// it (File.slice) to open one article, instead of holding the corpus's text in memory.

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

/** A record longer than this (bytes) is reported as bad and skipped: 16 MB is far beyond any
 *  article, so it almost always means a quote that never closes. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** The columns/fields the page reads. */
export const FIELDS = ['id', 'title', 'date', 'source', 'text'];

// CSV scanner states.
const FIELD_START = 0;  // at the start of a field
const UNQUOTED = 1;     // inside a field that did not start with a quote (quotes there are literal)
const QUOTED = 2;       // inside a quoted field
const QUOTE_SEEN = 3;   // just read a quote inside a quoted field: `""` or the field's end
const SKIPPING = 4;     // dropping an over-long record up to the next newline

/** "corpus.jsonl" → 'jsonl', "feed.csv" → 'csv', anything else → null. */
export function recordFormat(name) {
  const m = /\.(jsonl|ndjson|csv)$/i.exec(name || '');
  if (!m) return null;
  return m[1].toLowerCase() === 'csv' ? 'csv' : 'jsonl';
}

/**
 * Splits a byte stream into records. push(chunk) and finish() return the records completed so
 * far: {start, end, line, bytes, unterminated?} with absolute byte offsets (end excludes the line
 * end), `line` the 1-based line the record starts on, `bytes` a view valid until the next call;
 * or {start, line, error} for a record over MAX_RECORD_BYTES. Blank lines are not records.
 */
export class RecordSplitter {
  /** `start` and `line`: where the bytes pushed begin (a record boundary), for a split file. */
  constructor(format, {maxRecordBytes = MAX_RECORD_BYTES, start = 0, line = 1} = {}) {
    if (format !== 'jsonl' && format !== 'csv') throw new RangeError(`unknown format ${format}`);
    this.csv = format === 'csv';
    this.maxRecordBytes = maxRecordBytes;
    this.buffer = new Uint8Array(0);
    this.base = start;       // absolute offset of buffer[0]
    this.scanned = 0;        // bytes of buffer already scanned
    this.line = line;        // line of the next byte to scan
    this.recordLine = line;  // line the current record started on
    this.state = FIELD_START;
  }

  push(chunk) {
    if (this.buffer.length === 0) this.buffer = chunk;
    else {
      const joined = new Uint8Array(this.buffer.length + chunk.length);
      joined.set(this.buffer);
      joined.set(chunk, this.buffer.length);
      this.buffer = joined;
    }
    return this.scan(false);
  }

  finish() {
    return this.scan(true);
  }

  scan(final) {
    const out = [];
    const buf = this.buffer;
    const csv = this.csv;
    let start = 0;  // record start, in buf
    let state = this.state;
    let line = this.line;
    let i = this.scanned;
    const emit = (end, next) => {
      if (state === SKIPPING) {
        state = FIELD_START;
      } else {
        let e = end;
        if (e > start && buf[e - 1] === CR) e--;
        if (!isBlank(buf, start, e)) {
          out.push({start: this.base + start, end: this.base + e, line: this.recordLine,
                    bytes: buf.subarray(start, e)});
        }
      }
      start = next;
      this.recordLine = line;
      state = FIELD_START;
    };
    for (; i < buf.length; i++) {
      const b = buf[i];
      if (b === NL) {
        line++;
        if (csv && state === QUOTED) continue;  // a newline inside a quoted field
        emit(i, i + 1);
        continue;
      }
      if (!csv || state === SKIPPING) continue;
      switch (state) {
        case FIELD_START: state = b === QUOTE ? QUOTED : b === COMMA ? FIELD_START : UNQUOTED; break;
        case UNQUOTED: if (b === COMMA) state = FIELD_START; break;
        case QUOTED: if (b === QUOTE) state = QUOTE_SEEN; break;
        case QUOTE_SEEN: state = b === QUOTE ? QUOTED : b === COMMA ? FIELD_START : UNQUOTED; break;
      }
    }
    if (state !== SKIPPING && i - start > this.maxRecordBytes) {
      out.push({start: this.base + start, line: this.recordLine,
                error: `record longer than ${Math.round(this.maxRecordBytes / 1048576)} MB` +
                       (state === QUOTED ? ' (a quoted field that never closes?)' : '')});
      state = SKIPPING;
    }
    if (final) {
      if (state !== SKIPPING && start < buf.length) {
        let e = buf.length;
        if (buf[e - 1] === CR) e--;
        if (!isBlank(buf, start, e)) {
          const rec = {start: this.base + start, end: this.base + e, line: this.recordLine,
                       bytes: buf.subarray(start, e)};
          if (csv && state === QUOTED) rec.unterminated = true;
          out.push(rec);
        }
      }
      start = buf.length;
    }
    if (state === SKIPPING) start = buf.length;  // drop what is skipped
    // Keep the unfinished record for the next chunk.
    this.base += start;
    this.buffer = start === buf.length ? new Uint8Array(0) : buf.subarray(start);
    this.scanned = i - start;
    this.state = state;
    this.line = line;
    return out;
  }
}

function isBlank(buf, start, end) {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== CR) return false;
  }
  return true;
}

/**
 * One CSV record (text, without its line end) → {fields} or {error}. RFC 4180: a field that
 * starts with `"` runs to the matching `"`, with `""` for a quote; a quote inside an unquoted
 * field is kept as a character (as spreadsheets write them).
 */
export function parseCsvRecord(s) {
  const fields = [];
  let i = 0;
  for (;;) {
    if (s.charCodeAt(i) === QUOTE) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) return {error: `field ${fields.length + 1}: the quoted field never closes`};
        value += s.slice(j, q);
        if (s.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === s.length) return {fields};
      if (s.charCodeAt(i) !== COMMA) {
        return {error: `field ${fields.length}: text after the closing quote`};
      }
      i++;
    } else {
      const c = s.indexOf(',', i);
      if (c < 0) {
        fields.push(s.slice(i));
        return {fields};
      }
      fields.push(s.slice(i, c));
      i = c + 1;
    }
  }
}

/**
 * A CSV header record → {columns: {text: index, id?: index, ...}} or {error}. Names are matched
 * without case or surrounding spaces.
 */
export function csvColumns(fields) {
  const columns = {};
  fields.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (FIELDS.includes(key) && !(key in columns)) columns[key] = index;
  });
  if (!('text' in columns)) {
    return {error: `the header has no "text" column (it has: ${fields.map((f) => f.trim()).join(', ')})`};
  }
  return {columns, width: fields.length};
}

/** Optional field → trimmed string, or '' for absent/null. Numbers (ids) become strings. */
function optional(value) {
  if (value == null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;  // objects and arrays are not accepted
}

/** Fields → an article {id, title, date, source, text} or {error}. */
function toArticle(values) {
  if (typeof values.text !== 'string') return {error: 'no "text" string'};
  const text = values.text.replace(/\r\n?/g, '\n');
  if (!text.trim()) return {error: 'the text is empty'};
  const article = {text};
  for (const key of ['id', 'title', 'date', 'source']) {
    const v = optional(values[key]);
    if (v === null) return {error: `"${key}" must be a string or a number`};
    article[key] = v;
  }
  return article;
}

/** A JSONL line → an article or {error}. */
export function jsonlArticle(line) {
  let data;
  try {
    data = JSON.parse(line);
  } catch (err) {
    return {error: `not valid JSON (${err.message})`};
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {error: 'not a JSON object'};
  return toArticle(data);
}

/** A CSV record's fields → an article or {error}, given csvColumns()'s result. */
export function csvArticle(fields, header) {
  if (fields.length !== header.width) {
    return {error: `${fields.length} field${fields.length === 1 ? '' : 's'}, the header has ${header.width}`};
  }
  const values = {};
  for (const [key, index] of Object.entries(header.columns)) values[key] = fields[index];
  return toArticle(values);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/**
 * A date as written in a corpus → its UTC day 'YYYY-MM-DD', or null when it is not a date.
 * ISO 8601 dates take their calendar day as written; other forms ("Tue, 05 Mar 2024 10:00 GMT",
 * "March 5, 2024") go through Date.parse and take the UTC day.
 */
export function isoDay(value) {
  if (!value) return null;
  const m = ISO_DAY.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = Date.UTC(y, mo - 1, d);
    const check = new Date(t);
    return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }
  if (!/[a-z]{3}|\d{4}/i.test(value)) return null;  // "5" or "12/3" are not dates we can trust
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  const y = new Date(t).getUTCFullYear();
  if (y < 1000 || y > 9999) return null;
  return new Date(t).toISOString().slice(0, 10);
}

/** A title for an article that has none: its first non-empty line, shortened. */
export function titleFromText(text, max = 100) {
  const first = (text.split('\n').find((l) => l.trim()) || '').trim().replace(/\s+/g, ' ');
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}

/**
 * Reads one record file (or a segment of it) in chunks and calls onArticle(article, rec, k) /
 * onError(line, message, k) for each record, k its 0-based number among the file's data records.
 * `read(start, end)` → Promise<Uint8Array> of the file's bytes (a File.slice in the page).
 *
 * A whole file: the CSV header is its first record. A segment (from `segments` of a counting
 * pass): `start`, `end`, `line` and `first` (k of its first record) place it, and `headerText`
 * is the CSV file's header.
 *
 * Returns {records, header, headerError, headerRange, segments}: `records` counts data records
 * (not the CSV header), good or bad; `headerRange` is the CSV header's [start, end) bytes. If the
 * header is bad (headerError, reported once through onError) no record is read. With countOnly,
 * only counts records (no decoding) and, with segmentBytes, cuts the file into `segments`
 * [{start, end, line, first}] of about that many bytes, each starting on a record boundary.
 */
export async function readRecords({format, size, read, chunkBytes = 1 << 20, onArticle, onError,
                                   onChunk, countOnly = false, segmentBytes = 0, start = 0,
                                   end = size, line = 1, first = 0, headerText = null}) {
  const splitter = new RecordSplitter(format, {start, line});
  const decoder = new TextDecoder('utf-8');
  let header = null;
  let headerError = null;
  let headerRange = null;
  let records = 0;
  const segments = [];
  if (format === 'csv' && headerText !== null) {
    const parsed = parseCsvRecord(headerText);
    const cols = parsed.error ? parsed : csvColumns(parsed.fields);
    if (cols.error) headerError = cols.error;
    else header = cols;
  }
  const take = (recs) => {
    for (const rec of recs) {
      if (format === 'csv' && !header && !headerError) {
        if (rec.error) {
          headerError = rec.error;
        } else {
          headerRange = [rec.start, rec.end];
          const parsed = parseCsvRecord(decoder.decode(rec.bytes));
          const cols = parsed.error ? parsed : csvColumns(parsed.fields);
          if (cols.error) headerError = cols.error;
          else header = cols;
        }
        if (headerError && !countOnly) onError(rec.line, `header: ${headerError}`, -1);
        continue;
      }
      const k = first + records;
      records++;
      if (countOnly) {
        if (segmentBytes && !rec.error &&
            (!segments.length || rec.start - segments[segments.length - 1].start >= segmentBytes)) {
          if (segments.length) segments[segments.length - 1].end = rec.start;
          segments.push({start: rec.start, end: size, line: rec.line, first: k});
        }
        continue;
      }
      if (headerError) continue;  // counted, reported once via the header
      if (rec.error) {
        onError(rec.line, rec.error, k);
        continue;
      }
      if (rec.unterminated) {
        onError(rec.line, 'a quoted field never closes (the rest of the file was read into it)', k);
        continue;
      }
      const text = decoder.decode(rec.bytes);
      let article;
      if (format === 'jsonl') article = jsonlArticle(text);
      else {
        const parsed = parseCsvRecord(text);
        article = parsed.error ? parsed : csvArticle(parsed.fields, header);
      }
      if (article.error) onError(rec.line, article.error, k);
      else onArticle(article, rec, k);
    }
  };
  for (let pos = start; pos < end; pos += chunkBytes) {
    const stop = Math.min(end, pos + chunkBytes);
    take(splitter.push(await read(pos, stop)));
    if (onChunk) onChunk(stop - start);
  }
  take(splitter.finish());
  return {records, header, headerError, headerRange, segments};
}

/**
 * Parses the one record at [start, end) of a file again (to open that article): `text` is its
 * decoded bytes; `headerText` the CSV file's first record.
 */
export function reparseRecord(format, text, headerText) {
  if (format === 'jsonl') return jsonlArticle(text);
  const head = parseCsvRecord(headerText);
  const header = head.error ? head : csvColumns(head.fields);
  if (header.error) return header;
  const parsed = parseCsvRecord(text);
  return parsed.error ? parsed : csvArticle(parsed.fields, header);
}
