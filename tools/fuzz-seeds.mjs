// Generates fuzz/corpus/ (the committed seed corpora of the libFuzzer targets) from data/ and the
// sample article: small slices of every dictionary format, hand-written LIWC files, JSONL and
// CSV lines. Run: node tools/fuzz-seeds.mjs (rewrites fuzz/corpus/). No dev-data text is used.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'fuzz', 'corpus');
const data = (f) => JSON.parse(readFileSync(join(root, 'data', f), 'utf8'));
const sample = readFileSync(join(root, 'data', 'samples', 'china-russia-letter.txt'), 'utf8');
const paragraphs = sample.split('\n\n');

const seeds = {};
const add = (target, name, content) => ((seeds[target] ??= {})[name] = content);

// analyze: the first byte picks the options (fuzz/analyze_fuzzer.cc).
add('analyze', 'sample', Buffer.concat([Buffer.from([0]), Buffer.from(sample)]));
paragraphs.slice(0, 6).forEach((p, i) => add('analyze', `paragraph-${i}`, Buffer.from(String.fromCharCode(i * 5) + p)));
add('analyze', 'broken-utf8', Buffer.from([4, ...Buffer.from('peace '), 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, ...Buffer.from(' war.')]));
add('analyze', 'nul-and-quotes', Buffer.from('\x08"(\u201cwar\u201d)" \0 isn\'t it? "No," he said. NOT good!!! :) <3'));
add('analyze', 'mixed-scripts', Buffer.from('\x10Путин and 习近平 met in مكة. The US-led G20 summit — "a success" — ended.'));

// dictionary_json: a few themes, lexicon entries, countries, organizations, the rules files.
const themes = data('themes/en.json');
const slice = (obj, key, n) => ({ ...obj, [key]: obj[key].slice(0, n) });
add('dictionary_json', 'themes', JSON.stringify(slice(themes, 'themes', 6), null, 1));
add('dictionary_json', 'themes-weights', JSON.stringify({ format: 'newslens/themes@1', themes: [
  { id: 'beats', label: 'Beats' },
  { id: 'beats.goals', parent: 'beats', terms: ['goalkeeper', 'penalt*', { term: 'match', weight: 0.5 }, 'world cup'] }] }));
for (const [f, n] of [['sentiment/general-en.json', 40], ['sentiment/finance-en.json', 40]]) {
  const lex = data(f);
  const first = (o, k) => Object.fromEntries(Object.entries(o).slice(0, k));
  add('dictionary_json', f.split('/')[1], JSON.stringify({ format: lex.format, name: lex.name,
    ...(lex.entries ? { entries: first(lex.entries, n) } : {}),
    ...(lex.emoticons ? { emoticons: first(lex.emoticons, 5) } : {}),
    ...(lex.groups ? { groups: lex.groups.slice(0, 2).map((g) => ({ name: g.name, entries: first(g.entries, n / 2) })) } : {}),
  }, null, 1));
}
const countries = data('entities/countries-en.json');
add('dictionary_json', 'countries', JSON.stringify(slice(countries, 'countries', 4), null, 1));
const orgs = data('entities/organizations-en.json');
add('dictionary_json', 'organizations', JSON.stringify({ ...slice(orgs, 'organizations', 5), titles: orgs.titles.slice(0, 5), not_names: orgs.not_names.slice(0, 5) }, null, 1));
const rules = data('sentiment/rules-en.json');
const small = Object.fromEntries(Object.entries(rules).map(([k, v]) =>
  [k, Array.isArray(v) ? v.slice(0, 4) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).slice(0, 4)) : v]));
add('dictionary_json', 'rules', JSON.stringify(small, null, 1));
const text = data('text/en.json');
add('dictionary_json', 'text-rules', JSON.stringify(Object.fromEntries(Object.entries(text).map(([k, v]) => [k, Array.isArray(v) ? v.slice(0, 5) : v])), null, 1));

// liwc_dic: hand-written .dic files in both layouts.
add('liwc_dic', 'tabs', '%\n1\tPolitics\n2\tMoney Matters\n%\nvote*\t1\ntax\t1\t2\nkind of\t2\n');
add('liwc_dic', 'spaces', '%\n1 Social\n2 Affect\n%\nfriend* 1 2\nhappy 2\n');
add('liwc_dic', 'crlf-and-blank', '\r\n%\r\n10\tWork\r\n20\tLeisure\r\n%\r\n\r\njob*\t10\r\nholiday\t20\t10\r\n');

// custom_dictionary: one of each format.
add('custom_dictionary', 'themes', seeds.dictionary_json['themes-weights']);
add('custom_dictionary', 'lexicon', JSON.stringify({ format: 'newslens/lexicon@1', name: 'mine', entries: { upbeat: 2.1, 'cut its outlook': -1.8 }, emoticons: { ':-)': 1.5 } }));
add('custom_dictionary', 'entities', JSON.stringify({ format: 'newslens/entities@1',
  countries: [{ code: 'XK', name: 'Kosovo', aliases: ['Republic of Kosovo'], demonyms: ['Kosovar'], places: ['Pristina'] }],
  organizations: [{ name: 'Acme Corp', aliases: ['Acme'], kind: 'company' }], titles: ['Chairwoman'] }));
add('custom_dictionary', 'liwc', seeds.liwc_dic.tabs);

// jsonl and csv: records with metadata, escapes, bad lines.
const jsonl = paragraphs.slice(0, 4).map((p, i) => JSON.stringify({ id: i, title: `Part ${i}`, date: '2023-03-20', source: 'sample', text: p })).join('\n') + '\n';
add('jsonl', 'articles', jsonl);
add('jsonl', 'odd-lines', '\uFEFF{"id":"a","text":"Good \\ud800 news \\u00e9\\n"}\r\n\n{"id":[1,{"x":null}],"text":"war"}\n[1,2]\n{"text":42}\n{"id":1,"text":"unterminated\n');
const csvField = (s) => `"${s.replace(/"/g, '""')}"`;
add('csv', 'articles', 'id,title,date,source,text\n' + paragraphs.slice(0, 4).map((p, i) => [i, `Part ${i}`, '2023-03-20', 'sample', csvField(p)].join(',')).join('\r\n') + '\n');
add('csv', 'odd-records', '\uFEFFText, ID ,extra\n"a, ""quoted""\nline",1,x\nbare "quote",2,y\n"closed" after,3,z\n\n,,\n"unterminated,4,w\n');

rmSync(corpus, { recursive: true, force: true });
for (const [target, files] of Object.entries(seeds)) {
  mkdirSync(join(corpus, target), { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(corpus, target, name), content);
}
