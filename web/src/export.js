// Downloads made in the page from the report in memory: JSON, CSV, PNG. Nothing is uploaded;
// files are handed to the browser as Blob URLs.

import {spreadsheetSafe} from './corpus-aggregate.js';
import {sentenceLexicon, sentenceThemes} from './focus.js';

/** Offers `data` (string or Blob) as a download called `name`. */
export function download(name, data, type = 'application/octet-stream') {
  const blob = data instanceof Blob ? data : new Blob([data], {type});
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Data URL → Blob (for chart PNGs). */
export function dataUrlToBlob(dataUrl) {
  const [head, body] = dataUrl.split(',');
  const type = head.slice(5).split(';')[0];
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new Blob([bytes], {type});
}

/** One CSV field, quoted when needed (RFC 4180). */
function field(value) {
  const s = value == null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (arrays) → CSV text with CRLF line ends, as RFC 4180 and spreadsheet programs expect. */
export function toCsv(header, rows) {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * Every theme of the report as CSV, one row per theme id (a pivot table must not count a theme
 * twice): each top-level theme, then its sub-themes. A top-level theme that also appears in
 * `themes` (its general terms) is one row with the figures of both; `level` says which it is.
 * Labels, ids and terms can come from a custom dictionary of any origin: one starting like a
 * formula is kept text (spreadsheetSafe).
 */
export function themesCsv(report) {
  const header = ['id', 'label', 'level', 'parent', 'iptc', 'count', 'score', 'share',
                  'per_1000_words', 'tone', 'terms'];
  const rows = new Map();
  const terms = (t) => (t.terms || []).map((x) => `${x.term}:${x.count}`).join('; ');
  for (const t of report.top_level || []) {
    rows.set(t.id, [t.id, t.label, 'top', '', t.iptc, t.count, t.score, t.share, '', '', '']);
  }
  for (const t of report.themes || []) {
    const row = [t.id, t.label, t.parent ? 'sub' : 'top', t.parent || '', t.iptc, t.count, t.score,
                 t.share, t.per_1000_words, t.tone, terms(t)];
    const top = rows.get(t.id);
    if (top) {
      // The top level's own figures (count, score, share over its sub-themes) stay; the rest
      // (density, tone, terms) come from its entry in `themes`.
      for (let i = 8; i < row.length; i++) top[i] = row[i];
    } else {
      rows.set(t.id, row);
    }
  }
  // Sub-themes right after their top level (a custom dictionary's orphans at the end).
  const ordered = [];
  const placed = new Set();
  for (const t of report.top_level || []) {
    ordered.push(rows.get(t.id));
    placed.add(t.id);
    for (const [id, row] of rows) {
      if (row[3] === t.id && !placed.has(id)) {
        ordered.push(row);
        placed.add(id);
      }
    }
  }
  for (const [id, row] of rows) if (!placed.has(id)) ordered.push(row);
  return toCsv(header, ordered.map((row) => row.map(spreadsheetSafe)));
}

/** One row per actor (country, organization, person): its mentions, tone, code and role, and
 *  the actors it is most often named with in one sentence. */
export function actorsCsv(report) {
  const header = ['name', 'type', 'code', 'role', 'mentions', 'tone', 'named_with'];
  const pairs = new Map();
  for (const p of report.co_mentions || []) {
    for (const [x, y] of [[p.a, p.b], [p.b, p.a]]) {
      if (!pairs.has(x)) pairs.set(x, []);
      pairs.get(x).push(`${y}:${p.count}`);
    }
  }
  const rows = (report.entities || []).map((e) =>
    [e.name, e.type, e.code || '', e.role || '', e.count, e.tone,
     (pairs.get(e.name) || []).join('; ')]);
  return toCsv(header, rows.map((row) => row.map(spreadsheetSafe)));
}

/** One row per sentence: number, offsets, tone, the lexicon that scored it, themes and the
 *  sentence itself (kept text if it starts like a formula). */
export function sentencesCsv(report, text) {
  const header = ['sentence', 'start', 'end', 'compound', 'lexicon', 'themes', 'text'];
  const rows = (report.sentences || []).map(([start, end, compound], i) =>
    [i + 1, start, end, compound, sentenceLexicon(report, i), sentenceThemes(report, i).join(' '),
     text.slice(start, end).replace(/\s+/g, ' ')]);
  return toCsv(header, rows.map((row) => row.map(spreadsheetSafe)));
}

/** A file name stem from the article's first line: "full-letter-xi-jinping-discusses". */
export function fileStem(text) {
  const first = text.split('\n').map((l) => l.trim()).find((l) => l.length > 12) || 'article';
  const stem = first.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '').slice(0, 40).replace(/-[^-]*$/, '');
  return `newslens-${stem || 'article'}`;
}
