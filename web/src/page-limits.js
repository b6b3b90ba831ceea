// The largest article the page analyses, stated once (docs/reliability-page.md, "The largest
// text"), and the messages that refuse more before any work starts: a file is refused by its
// size before it is read, a text in the box by its length before it is cleaned or analysed.
//
// Why 6 MB: measured in Chromium on the shared 2-core machine (docs/reliability-page.md, "The
// largest text"; bench/page-large.mjs): a 5 MB news file opened with "Open file" is analysed in a
// worker and drawn in about a minute with the machine loaded 10-20x, its longest main-thread task
// 3.6 s (the report's highlights arriving from the worker); 10 MB took 168 s with one task of
// 15.8 s, which freezes the page. 6 MB keeps a 5 MiB file (5,242,880 bytes) inside the limit,
// with room. The command-line tool analyses longer texts (64 MiB by default).

import {count} from './format.js';

/** Characters (UTF-16 code units, JS string length) of the longest text the page analyses. */
export const MAX_TEXT_CHARS = 6_000_000;
/** Bytes of the largest file the page opens as an article (or as the article to compare). */
export const MAX_FILE_BYTES = 6_000_000;

/** "12.5 MB", "10 MB": sizes the way a file manager shows them (decimal megabytes). */
export function megabytes(bytes) {
  return `${Number((bytes / 1e6).toFixed(1))} MB`;
}

const ELSEWHERE = 'Analyse a part of it, or use the newslens command-line tool for longer texts.';

/** Why `file` is too big to open as an article, or null. */
export function fileTooLarge(file) {
  if (!(file.size > MAX_FILE_BYTES)) return null;
  // Just over the limit, megabytes would read "6 MB, at most 6 MB": say the bytes then.
  const size = megabytes(file.size) === megabytes(MAX_FILE_BYTES) ?
    `${count(file.size)} bytes` : megabytes(file.size);
  return `it is ${size}, and the page analyses files of at most ` +
         `${megabytes(MAX_FILE_BYTES)}. ${ELSEWHERE}`;
}

/** Why `text` is too long to analyse, or null. */
export function textTooLong(text) {
  if (!(text.length > MAX_TEXT_CHARS)) return null;
  return `This text is ${count(text.length)} characters long, and the page analyses at most ` +
         `${count(MAX_TEXT_CHARS)} (about ${megabytes(MAX_TEXT_CHARS)}). ${ELSEWHERE}`;
}
