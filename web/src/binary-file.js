// Tells text files from binary ones before anything is analysed. A PNG, a PDF, a Word file or an
// archive opened or dropped on the page is refused with a message saying what it is, instead of
// being decoded into a page of U+FFFD and "analysed". The rule, as git's and grep's: a known magic
// number at the start, or a NUL byte (or mostly control characters) in the first SNIFF_BYTES.
// UTF-16 text with a byte-order mark is text: it is decoded as such.

/** Bytes looked at: the head of the file, as git does (8000) — enough for any header, and a
 *  text file's first screenful. A NUL further in is left to the analyzer (which replaces it). */
export const SNIFF_BYTES = 8192;
/** Share of control characters (other than tab, newlines, form feed, escape) above which the
 *  head is not text. Real text has next to none; binary formats without NULs have plenty. */
const MAX_CONTROL_SHARE = 0.1;

const ascii = (s) => [...s].map((c) => c.charCodeAt(0));

/** [bytes at offset 0 (null: any byte), what the file is]. Only signatures that no UTF-8 text
 *  starts with (or whose headers hold NULs or bytes that are never UTF-8 at that place). */
const MAGIC = [
  [[0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [ascii('GIF87a'), 'a GIF image'],
  [ascii('GIF89a'), 'a GIF image'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')], 'a WebP image'],
  [[...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')], 'a WAV audio file'],
  [[...ascii('RIFF'), null, null, null, null, ...ascii('AVI ')], 'an AVI video'],
  [[null, null, null, null, ...ascii('ftyp')], 'a video or image (MP4, MOV, HEIC or AVIF)'],
  [[...ascii('OggS'), 0x00], 'an Ogg audio or video file'],
  [[...ascii('fLaC'), 0x00], 'a FLAC audio file'],
  [ascii('%PDF-'), 'a PDF document'],
  [[...ascii('PK'), 0x03, 0x04], 'a ZIP archive (or a Word, Excel, PowerPoint, EPUB or OpenDocument file)'],
  [[...ascii('PK'), 0x05, 0x06], 'a ZIP archive'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an older Microsoft Office document (.doc, .xls, .ppt)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[...ascii('BZh'), null, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 'a bzip2 archive'],
  [[0xfd, ...ascii('7zXZ'), 0x00], 'an xz archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[...ascii('Rar!'), 0x1a, 0x07], 'a RAR archive'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'a Zstandard archive'],
  [[...ascii('SQLite format 3'), 0x00], 'an SQLite database'],
  [[0x7f, ...ascii('ELF')], 'a program (ELF)'],
  [[0x00, ...ascii('asm')], 'a WebAssembly module'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'a program (Mach-O)'],
  [[0xca, 0xfe, 0xba, 0xbe], 'a program (Mach-O or Java class)'],
  [ascii('wOFF'), 'a font (WOFF)'],
  [ascii('wOF2'), 'a font (WOFF2)'],
];

function startsWith(bytes, signature) {
  if (bytes.length < signature.length) return false;
  return signature.every((b, i) => b === null || bytes[i] === b);
}

/** 'utf-16le' | 'utf-16be' when `bytes` starts with that byte-order mark, else null. */
function utf16Bom(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * What the file whose first bytes are `bytes` is, when it is not text ('a PNG image', ...), or
 * null when it is text (UTF-8, Latin-1 or UTF-16 with a byte-order mark; empty counts as text).
 */
export function sniffBinary(bytes) {
  const head = bytes.subarray(0, SNIFF_BYTES);
  for (const [signature, what] of MAGIC) if (startsWith(head, signature)) return what;
  if (utf16Bom(head)) return null;
  let nul = 0;
  let nulOdd = 0;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) {
      nul++;
      if (i & 1) nulOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) {
      control++;
    } else if (b === 0x7f) {
      control++;
    }
  }
  if (nul) {
    // ASCII in UTF-16 without a byte-order mark: every other byte is NUL.
    const half = head.length / 2;
    if (nul > half * 0.8 && (nulOdd > nul * 0.95 || nulOdd < nul * 0.05)) {
      return 'UTF-16 text without a byte-order mark (save it as UTF-8)';
    }
    return 'a binary file (it holds NUL bytes)';
  }
  if (head.length && control / head.length > MAX_CONTROL_SHARE) {
    return 'a binary file (it is mostly control characters)';
  }
  return null;
}

/** Refusal of a binary file: `what` it is, from sniffBinary. */
export class BinaryFileError extends Error {
  constructor(what) {
    super(`it is ${what}, not text: newslens reads text files (.txt, .md, .html, .json, ` +
          '.jsonl, .csv)');
    this.name = 'BinaryFileError';
    this.what = what;
  }
}

/** `bytes` (a whole text file) as a string: UTF-16 by its byte-order mark, else UTF-8 (a UTF-8
 *  byte-order mark dropped; invalid sequences become U+FFFD, as File.text() does). */
export function decodeText(bytes) {
  return new TextDecoder(utf16Bom(bytes) || 'utf-8').decode(bytes);
}

/** The first SNIFF_BYTES of `file` (a File or Blob) say whether it is text: null, or what it is. */
export async function sniffFile(file) {
  return sniffBinary(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
}

/** Reads `file` as text; throws BinaryFileError (nothing decoded) when it is not text. */
export async function readTextFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const what = sniffBinary(bytes);
  if (what) throw new BinaryFileError(what);
  return decodeText(bytes);
}
