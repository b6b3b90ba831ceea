// Term in context (a concordance, as Voyant's Contexts): every place the article mentions the
// followed theme or actor, with the words around it, in reading order or sorted by the words just
// before or after it; exported as CSV. It shows the linked views' focus: choosing here follows the
// theme or actor everywhere, and following one elsewhere lists it here.

import {dataTable} from './data-table.js';
import {clear, el} from './dom.js';
import {focusHasEntity, focusHasTheme, sentenceAt} from './focus.js';
import {count} from './format.js';

/** Characters of context on each side of a mention (cut back to a whole word). */
export const CONTEXT_CHARS = 70;
/** Rows shown at most (the CSV has them all). */
const MAX_ROWS = 500;

/** Collator for sorting contexts as a reader would (built once, on first sort). */
let collator = null;

/**
 * Every mention of `focus` in `text`, in reading order: [{n, sentence, start, end, left, term,
 * right}] with `n` counting from 1, `sentence` the 1-based sentence number, and whitespace in the
 * contexts collapsed. A span counted by several sub-themes of a followed theme is listed once.
 */
export function occurrences(report, text, focus, width = CONTEXT_CHARS) {
  if (!focus) return [];
  const seen = new Set();
  const hits = [];
  for (const m of report.mentions || []) {
    const match = focus.kind === 'theme' ? m.kind === 'theme' && focusHasTheme(focus, m.id)
                                         : m.kind === 'entity' && focusHasEntity(focus, m.name);
    if (!match || !(m.start >= 0 && m.end <= text.length && m.start < m.end)) continue;
    const key = `${m.start}:${m.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push(m);
  }
  hits.sort((a, b) => a.start - b.start || a.end - b.end);
  const sentences = report.sentences || [];
  const squash = (s) => s.replace(/\s+/g, ' ');
  return hits.map((m, i) => {
    let left = text.slice(Math.max(0, m.start - width), m.start);
    if (m.start > width) left = left.replace(/^\S*\s?/, '');  // no cut word at the far end
    let right = text.slice(m.end, m.end + width);
    if (m.end + width < text.length) right = right.replace(/\s?\S*$/, '');
    return {n: i + 1, sentence: sentenceAt(sentences, m.start) + 1, start: m.start, end: m.end,
            left: squash(left).replace(/^ /, ''), term: squash(text.slice(m.start, m.end)),
            right: squash(right).replace(/ $/, '')};
  });
}

/** Sort keys: the reading order, the words before (nearest first, as concordances sort), the
 *  term, the words after. */
const SORTS = {
  position: null,
  left: (r) => r.left.toLowerCase().split(/\s+/).filter(Boolean).reverse().join(' '),
  term: (r) => r.term.toLowerCase(),
  right: (r) => r.right.toLowerCase(),
};

export function sortOccurrences(rows, key) {
  const by = SORTS[key];
  if (!by) return [...rows].sort((a, b) => a.n - b.n);
  if (!collator) collator = new Intl.Collator(undefined, {sensitivity: 'base', numeric: true});
  return rows.map((r) => [by(r), r]).sort((a, b) => collator.compare(a[0], b[0]) || a[1].n - b[1].n)
      .map(([, r]) => r);
}

export class ContextView {
  /** els: {select, hint, table, exportButton}; onFocus(focus) when the reader picks an item here,
   *  onSentence(index) when a row's sentence is opened. */
  constructor(els, {onFocus, onSentence}) {
    this.els = els;
    this.onFocus = onFocus;
    this.onSentence = onSentence;
    this.report = null;
    this.text = '';
    this.focus = null;
    this.rows = [];
    this.sort = 'position';
    this.chart = null;  // none: the views loop in main.js asks every view for one
    els.select.addEventListener('change', () => this.onFocus(JSON.parse(els.select.value)));
  }

  render(report, text) {
    this.report = report;
    this.text = text;
    const option = (focus, label) => el('option', {value: JSON.stringify(focus), text: label});
    const subsOf = (id) => (report.themes || []).filter((t) => t.parent === id);
    clear(this.els.select).append(
        option(null, 'Choose a theme or an actor…'),
        el('optgroup', {label: 'Themes'}, (report.top_level || []).map((t) => [
          option({kind: 'theme', id: t.id}, t.label),
          subsOf(t.id).map((s) => option({kind: 'theme', id: s.id}, `\u2003${s.label}`)),
        ])),
        (report.entities || []).length ?
          el('optgroup', {label: 'Actors'}, report.entities.map((e) =>
            option({kind: 'entity', name: e.name}, e.name))) : null);
    this.setFocus(null);
  }

  setFocus(focus) {
    this.focus = focus;
    if (!this.report) return;
    this.els.select.value = JSON.stringify(focus);
    this.rows = occurrences(this.report, this.text, focus);
    this.els.exportButton.disabled = !this.rows.length;
    this.draw();
  }

  draw() {
    const {els, rows, focus} = this;
    if (!focus) {
      els.hint.textContent = 'Every place the article mentions a theme or an actor, with the ' +
          'words around it. Choose one here, or follow one from a chart or the text.';
      clear(els.table);
      return;
    }
    const name = els.select.selectedOptions[0] ? els.select.selectedOptions[0].textContent.trim() : '';
    els.hint.textContent = rows.length ?
      `${count(rows.length)} mention${rows.length === 1 ? '' : 's'} of ${name}` +
      (rows.length > MAX_ROWS ? `; the first ${count(MAX_ROWS)} in the order chosen are shown, ` +
                                'the CSV has them all.' : '.') :
      `${name} has no mention in the text with a position (custom dictionaries may count without one).`;
    if (!rows.length) {
      clear(els.table);
      return;
    }
    const sorted = sortOccurrences(rows, this.sort).slice(0, MAX_ROWS);
    const head = (key, label) => ({label, key});
    const columns = [head('position', 'Sentence'), head('left', 'Before'), head('term', 'Term'),
                     head('right', 'After')];
    const table = dataTable({
      caption: `${name} in context`,
      testid: 'context-data',
      columns: columns.map((c) => ({label: c.label, numeric: c.key === 'position'})),
      rows: sorted.map((r) => [
        el('button', {type: 'button', class: 'link-button', text: String(r.sentence),
                      'aria-label': `Go to sentence ${r.sentence}`,
                      onclick: () => this.onSentence(r.sentence - 1)}),
        el('span', {class: 'kwic-left', text: r.left}),
        el('mark', {class: 'kwic-term', text: r.term}),
        el('span', {class: 'kwic-right', text: r.right})]),
    });
    table.classList.add('kwic-table');
    // Sortable headers: buttons, with aria-sort on the sorted column.
    table.querySelectorAll('thead th').forEach((th, i) => {
      const {key, label} = columns[i];
      th.textContent = '';
      th.setAttribute('aria-sort', key === this.sort ? 'ascending' : 'none');
      th.append(el('button', {type: 'button', class: 'sort-button', text: label,
                              dataset: {testid: `context-sort-${key}`},
                              'aria-label': `Sort by ${label.toLowerCase()}`,
                              onclick: () => {
                                this.sort = key;
                                this.draw();
                                const again = els.table.querySelector(`[data-testid="context-sort-${key}"]`);
                                if (again) again.focus();
                              }}));
    });
    clear(els.table).append(table);
  }

  /** The occurrences as CSV rows (header first), in the order shown. */
  csvRows() {
    const item = this.focus ? (this.focus.kind === 'theme' ? this.focus.id : this.focus.name) : '';
    return {
      header: ['n', 'sentence', 'start', 'end', 'item', 'before', 'term', 'after'],
      rows: sortOccurrences(this.rows, this.sort).map((r) =>
        [r.n, r.sentence, r.start, r.end, item, r.left, r.term, r.right]),
    };
  }
}
