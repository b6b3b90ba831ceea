// Themes: bars of the top-level theme scores; select one to drill into its sub-themes (and focus
// it in every view). The table beside the chart has the same numbers and buttons.

import {barChart, setBarFocus} from './charts.js';
import {dataTable, fillTable} from './data-table.js';
import {clear, el} from './dom.js';
import {focusHasTheme} from './focus.js';
import {signed} from './format.js';
import {termWords} from './glossary.js';
import {themeStyle} from './theme-colours.js';

/** How many terms to list per top-level theme in the overview of terms. */
const TERMS_PER_THEME = 6;

/** Terms of all themes under top-level `id` (and of `id` itself), merged, most counted first. */
export function termsOf(report, id) {
  const counts = new Map();
  for (const t of report.themes || []) {
    if (t.id !== id && t.parent !== id) continue;
    for (const {term, count} of t.terms || []) counts.set(term, (counts.get(term) || 0) + count);
  }
  // Ties in code-point order: terms are lower-case dictionary words, and the first
  // localeCompare() builds an ICU collator (~10 ms) while the page draws its first charts.
  return [...counts].map(([term, count]) => ({term, count}))
      .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

export class ThemesView {
  /** els: {canvas, table, back, hint, terms}; onFocus(focus) when the reader picks a theme. */
  constructor(els, {onFocus}) {
    this.els = els;
    this.onFocus = onFocus;
    this.chart = null;
    this.report = null;
    this.colours = new Map();
    this.parent = null;  // the top-level theme drilled into, or null
    this.focus = null;
    els.back.addEventListener('click', () => {
      this.parent = null;
      this.draw();
      this.onFocus(null);
      els.canvas.focus();
    });
  }

  render(report, colours) {
    this.report = report;
    this.colours = colours;
    this.parent = null;
    this.draw();
  }

  /** Drills into top-level theme `id` and focuses it. */
  open(id) {
    this.parent = (this.report.top_level || []).find((t) => t.id === id) || null;
    this.draw();
    this.onFocus({kind: 'theme', id});
    this.els.back.focus();
  }

  setFocus(focus) {
    this.focus = focus;
    setBarFocus(this.chart, focus && focus.kind === 'theme' ? (r) => focusHasTheme(focus, r.id)
                                                            : null);
  }

  draw() {
    const {els, report, colours, parent} = this;
    if (this.chart) this.chart.destroy();
    els.back.hidden = !parent;
    clear(els.terms);
    const styleOf = (id) => colours.get(id) || themeStyle(id);

    if (!parent) {
      const tops = report.top_level || [];
      const rows = tops.map((t) => ({id: t.id, label: t.label, value: t.score,
                                     colour: styleOf(t.id).colour, pattern: styleOf(t.id).pattern}));
      els.hint.textContent = rows.length ?
          'How strongly the article is about each theme (its words counted). ' +
          'Select a bar for its sub-themes.' :
          'No theme from the dictionary matched this text.';
      els.canvas.setAttribute('aria-label', 'Bar chart of top-level theme scores: ' +
          rows.map((r) => `${r.label} ${r.value}`).join(', '));
      this.chart = barChart(els.canvas, rows, {valueLabel: 'Theme score',
                                               onSelect: (i) => this.open(rows[i].id)});
      fillTable(els.table, () => dataTable({
        caption: 'Top-level themes',
        testid: 'themes-data',
        columns: [{label: 'Theme'}, {label: 'Theme score', numeric: true},
                  {label: 'Mentions', numeric: true}, {label: 'Share of all themes', numeric: true},
                  {label: 'IPTC code'}],
        rows: tops.map((t) => [
          el('button', {type: 'button', class: 'link-button', text: t.label,
                        'aria-label': `${t.label}: show sub-themes`, onclick: () => this.open(t.id)}),
          t.score, t.count, `${Math.round(t.share * 100)}%`, t.iptc || '']),
      }));
      this.terms('Terms counted, by theme', tops.map((t) => ({
        label: t.label, terms: termsOf(report, t.id).slice(0, TERMS_PER_THEME)})));
    } else {
      const subs = (report.themes || []).filter((t) => t.parent === parent.id);
      const {colour, pattern} = styleOf(parent.id);
      els.hint.textContent = subs.length ?
          `Sub-themes of ${parent.label}, by score. Select one to follow it through the article.` :
          `${parent.label} matched only through its general terms; it has no sub-theme hits.`;
      const rows = subs.map((t) => ({id: t.id, label: t.label, value: t.score, colour, pattern}));
      els.canvas.setAttribute('aria-label', `Bar chart of ${parent.label} sub-theme scores: ` +
          rows.map((r) => `${r.label} ${r.value}`).join(', '));
      this.chart = barChart(els.canvas, rows, {valueLabel: 'Theme score',
                            onSelect: (i) => this.onFocus({kind: 'theme', id: rows[i].id})});
      fillTable(els.table, () => dataTable({
        caption: `Sub-themes of ${parent.label}`,
        testid: 'themes-data',
        columns: [{label: 'Sub-theme'}, {label: 'Theme score', numeric: true},
                  {label: 'Mentions', numeric: true}, {label: 'Per 1,000 words', numeric: true},
                  {label: 'Tone', numeric: true}],
        rows: subs.map((t) => [
          el('button', {type: 'button', class: 'link-button', text: t.label,
                        'aria-label': `Follow ${t.label} through the article`,
                        onclick: () => this.onFocus({kind: 'theme', id: t.id})}),
          t.score, t.count, t.per_1000_words, signed(t.tone)]),
      }));
      this.terms(`Terms counted for ${parent.label}`,
                 subs.map((t) => ({label: t.label, terms: t.terms || []})));
    }
    // A new chart shows every bar in full: fading is only needed for a focus (drawing the chart
    // a second time for none was a tenth of the first chart's cost, bench/page-start.mjs).
    if (this.focus) this.setFocus(this.focus);
  }

  terms(heading, groups) {
    const shown = groups.filter((g) => g.terms.length);
    if (!shown.length) return;
    const patterns = shown.some((g) => g.terms.some((x) => x.term.endsWith('*')));
    // Folded: the chart is the card's answer; the words behind it are one click away.
    this.els.terms.append(el('details', {class: 'terms', open: this.termsOpen || null,
                                         ontoggle: (e) => { this.termsOpen = e.target.open; }},
        el('summary', {text: heading}),
        patterns ? el('p', {class: 'hint', text: 'A word ending in “…” stands for every word ' +
                            'starting so (legislat… counts legislation, legislative, legislators).'}) : null,
        el('dl', {class: 'terms-list'}, shown.map((g) => el('div', {},
            el('dt', {text: g.label}),
            el('dd', {text: g.terms.map((x) => `${termWords(x.term)} ×${x.count}`).join(', ')}))))));
  }
}
