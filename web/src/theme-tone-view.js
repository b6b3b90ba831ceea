// Tone per theme: a diverging bar for each sub-theme's tone (the mean tone of the sentences that
// mention it), on the same −1…+1 scale as the document.

import {barChart, setBarFocus} from './charts.js';
import {dataTable, fillTable} from './data-table.js';
import {focusHasTheme} from './focus.js';
import {signed} from './format.js';
import {toneColour} from './palette.js';

/** Themes shown, by score; the table lists them all. */
const MAX_BARS = 12;

export class ThemeToneView {
  constructor(els, {onFocus}) {
    this.els = els;
    this.onFocus = onFocus;
    this.chart = null;
  }

  render(report) {
    const {els} = this;
    if (this.chart) this.chart.destroy();
    const themes = (report.themes || []).filter((t) => typeof t.tone === 'number');
    const shown = themes.slice(0, MAX_BARS);
    const rows = shown.map((t) => ({id: t.id, label: t.label, value: t.tone,
                                    colour: toneColour(t.tone)}));
    els.canvas.setAttribute('aria-label', 'Diverging bar chart of tone per theme: ' +
        rows.map((r) => `${r.label} ${signed(r.value)}`).join(', '));
    this.chart = barChart(els.canvas, rows, {
      valueLabel: 'Tone', min: -1, max: 1, format: (x) => signed(x),
      onSelect: (i) => this.onFocus({kind: 'theme', id: rows[i].id})});
    els.hint.textContent = themes.length ?
        `Mean tone of the sentences that mention each theme${themes.length > MAX_BARS ?
          ` (the ${MAX_BARS} highest-scoring; the table lists all ${themes.length})` : ''}.` :
        'No theme matched, so there is no tone per theme.';
    fillTable(els.table, () => dataTable({
      caption: 'Tone per theme',
      testid: 'theme-tone-data',
      columns: [{label: 'Theme'}, {label: 'Tone', numeric: true}, {label: 'Mentions', numeric: true}],
      rows: themes.map((t) => [t.label, signed(t.tone), t.count]),
    }));
  }

  setFocus(focus) {
    setBarFocus(this.chart, focus && focus.kind === 'theme' ? (r) => focusHasTheme(focus, r.id)
                                                            : null);
  }
}
