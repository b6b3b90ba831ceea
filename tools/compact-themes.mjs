#!/usr/bin/env node
// A compact edition of the theme taxonomy, by a rule that looks only at the taxonomy itself (never
// at labelled data): a multi-word term is dropped when one of its own words is a single-word term
// of the same theme weighing at least as much, so the theme still fires, and counts, on that word
// ("security council" in a theme that has "council"). Measures what the embed could save;
// docs/embed.md has the figures.
//
//   node tools/compact-themes.mjs DATA_DIR OUT_DIR     # OUT_DIR: a copy of DATA_DIR, themes cut
//
// Prints the terms kept and dropped. The copy can be packed (newslens_pack OUT_DIR FILE) and put
// into a module (node wasm/assemble.mjs GLUE.js GLUE.wasm FILE newslens.js) to measure accuracy.
import {cpSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const [dataDir, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node tools/compact-themes.mjs DATA_DIR OUT_DIR');
  process.exit(2);
}
cpSync(dataDir, outDir, {recursive: true});
const path = join(outDir, 'themes/en.json');
const dict = JSON.parse(readFileSync(path, 'utf8'));
const text = (t) => (typeof t === 'string' ? t : t.term);
const weight = (t) => (typeof t === 'string' ? 1 : t.weight ?? 1);
let kept = 0, dropped = 0;
for (const theme of dict.themes) {
  const singles = new Map();  // lowercase single word -> its highest weight in this theme
  for (const t of theme.terms || []) {
    const w = text(t);
    if (!w.includes(' ') && !w.endsWith('*')) {
      singles.set(w.toLowerCase(), Math.max(singles.get(w.toLowerCase()) ?? 0, weight(t)));
    }
  }
  theme.terms = (theme.terms || []).filter((t) => {
    const words = text(t).split(' ').filter(Boolean);
    const redundant = words.length > 1 &&
        words.some((w) => (singles.get(w.toLowerCase()) ?? 0) >= weight(t));
    redundant ? dropped++ : kept++;
    return !redundant;
  });
}
writeFileSync(path, JSON.stringify(dict));
console.log(`themes: ${kept} terms kept, ${dropped} dropped (of ${kept + dropped})`);
