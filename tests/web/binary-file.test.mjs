// Text or binary (web/src/binary-file.js), in node: the rule that refuses a PNG or a PDF opened
// on the page, and never refuses text that merely starts like a signature.
//
//   node --test tests/web/binary-file.test.mjs

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {
  BinaryFileError, decodeText, readTextFile, SNIFF_BYTES, sniffBinary,
} from '../../web/src/binary-file.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bytes = (...parts) => new Uint8Array(Buffer.concat(parts.map((p) =>
  (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));

describe('sniffBinary', () => {
  const binary = [
    ['a real PNG', readFileSync(join(root, 'docs/screenshot.png')), 'a PNG image'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'a JPEG image'],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'a GIF image'],
    ['PDF', bytes('%PDF-1.4\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n'), 'a PDF document'],
    ['a .docx (ZIP)', bytes('PK', [3, 4, 20, 0, 6, 0]), 'a ZIP archive (or a Word, Excel, PowerPoint, EPUB or OpenDocument file)'],
    ['gzip', bytes([0x1f, 0x8b, 8, 0]), 'a gzip archive'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'a WebP image'],
    ['MP4', bytes([0, 0, 0, 0x18], 'ftypmp42'), 'a video or image (MP4, MOV, HEIC or AVIF)'],
    ['an old .doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'an older Microsoft Office document (.doc, .xls, .ppt)'],
    ['SQLite', bytes('SQLite format 3', [0]), 'an SQLite database'],
    ['wasm', bytes([0], 'asm', [1, 0, 0, 0]), 'a WebAssembly module'],
    ['text with a NUL in its head', bytes('Plain words', [0], 'more words'), 'a binary file (it holds NUL bytes)'],
    ['UTF-16LE without a BOM', bytes(Buffer.from('Plain words, as UTF-16.', 'utf16le')),
     'UTF-16 text without a byte-order mark (save it as UTF-8)'],
    ['control characters, no NUL', bytes(Array.from({length: 200}, (_, i) => 1 + (i % 8))), 'a binary file (it is mostly control characters)'],
  ];
  for (const [name, data, what] of binary) {
    test(`${name}: ${what}`, () => assert.equal(sniffBinary(new Uint8Array(data)), what));
  }

  const text = [
    ['empty', bytes('')],
    ['English', bytes('The central bank raised rates.\r\n\tMarkets fell.\f')],
    ['words that start like signatures', bytes('PK leaders met in Ankara. GIF89 was a format. BZh is not.')],
    ['%PDF in the middle only', bytes('Read the report at report.pdf (%PDF-1.7 inside).')],
    ['emoji and non-Latin scripts', bytes('Санкции 🇷🇺 — 制裁 — عقوبات')],
    ['Latin-1 (not UTF-8, still text)', bytes([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65])],
    ['UTF-8 with a BOM', bytes([0xef, 0xbb, 0xbf], 'Text.')],
    ['UTF-16LE with a BOM', bytes([0xff, 0xfe], Buffer.from('Text.', 'utf16le'))],
    ['UTF-16BE with a BOM', bytes([0xfe, 0xff], Buffer.from('Text.', 'utf16le').swap16())],
    ['ANSI colour escapes', bytes('\x1b[1mBold\x1b[0m headline')],
    ['a NUL after the head', bytes('a'.repeat(SNIFF_BYTES), [0])],
  ];
  for (const [name, data] of text) {
    test(`${name}: text`, () => assert.equal(sniffBinary(new Uint8Array(data)), null));
  }
});

describe('reading', () => {
  test('UTF-16 by its BOM, UTF-8 otherwise, the BOM dropped', () => {
    assert.equal(decodeText(bytes([0xff, 0xfe], Buffer.from('Grüße 🇷🇺', 'utf16le'))), 'Grüße 🇷🇺');
    assert.equal(decodeText(bytes([0xfe, 0xff], Buffer.from('Grüße', 'utf16le').swap16())), 'Grüße');
    assert.equal(decodeText(bytes([0xef, 0xbb, 0xbf], 'Grüße')), 'Grüße');
  });

  test('readTextFile refuses a binary Blob with what it is, and reads text', async () => {
    const png = new Blob([readFileSync(join(root, 'docs/screenshot.png'))]);
    await assert.rejects(readTextFile(png), (err) => err instanceof BinaryFileError &&
        err.message === 'it is a PNG image, not text: newslens reads text files (.txt, .md, .html, ' +
                        '.json, .jsonl, .csv)');
    assert.equal(await readTextFile(new Blob(['Plain text.'])), 'Plain text.');
  });
});
