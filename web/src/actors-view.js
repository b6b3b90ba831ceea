// Actors: who and what the article names — a bar per entity coloured by type, the table with
// counts and tone, and the pairs named in the same sentence.

import {barChart, setBarFocus} from './charts.js';
import {dataTable, fillTable} from './data-table.js';
import {appendAll, clear, el} from './dom.js';
import {mostSalient, signed} from './format.js';
import {ENTITY_COLOURS, OTHER_COLOUR} from './palette.js';

const TYPE_LABELS = {country: 'Country', organization: 'Organization', person: 'Person'};
/** Entities in the chart (the table lists all). */
const MAX_BARS = 12;
/** Co-mention pairs listed. */
const MAX_PAIRS = 8;

export class ActorsView {
  constructor(els, {onFocus}) {
    this.els = els;
    this.onFocus = onFocus;
    this.chart = null;
  }

  render(report) {
    const {els} = this;
    if (this.chart) this.chart.destroy();
    this.chart = null;
    const entities = report.entities || [];
    const focusOn = (name) => () => this.onFocus({kind: 'entity', name});
    clear(els.legend);
    clear(els.pairs);
    fillTable(els.table, () => el('p', {class: 'hint', text: 'No entities.'}));
    els.chartBox.hidden = !entities.length;
    if (!entities.length) {
      els.hint.textContent = 'No countries, organizations or people found.';
      return;
    }
    els.hint.textContent = 'Mentions of each country, organization and person. ' +
                           'Select one to follow it through the article.';
    // The bars: the actors the article is most about, by mentions.
    const shown = new Set(mostSalient(entities, MAX_BARS));
    const charted = entities.filter((e) => shown.has(e));
    const rows = charted.map((e) => ({
      name: e.name, label: e.name, value: e.count, colour: ENTITY_COLOURS[e.type] || OTHER_COLOUR}));
    els.canvas.setAttribute('aria-label', 'Bar chart of mentions per entity: ' +
        rows.map((r) => `${r.label} ${r.value}`).join(', '));
    this.chart = barChart(els.canvas, rows, {valueLabel: 'Mentions',
                                             onSelect: (i) => focusOn(rows[i].name)()});
    const types = [...new Set(charted.map((e) => e.type))];
    appendAll(els.legend, types.map((t) => el('span', {class: 'legend-item'},
        el('span', {class: `swatch entity-${ENTITY_COLOURS[t] ? t : 'other'}`, 'aria-hidden': 'true'}),
        TYPE_LABELS[t] || t)));
    fillTable(els.table, () => dataTable({
      caption: 'Entities, by mentions',
      testid: 'entities-data',
      columns: [{label: 'Name'}, {label: 'Type'}, {label: 'Mentions', numeric: true},
                {label: 'Tone', numeric: true}],
      rows: entities.map((e) => [
        el('button', {type: 'button', class: 'link-button', text: e.code ? `${e.name} (${e.code})` : e.name,
                      'aria-label': `Follow ${e.name} through the article`, onclick: focusOn(e.name)}),
        e.role ? `${TYPE_LABELS[e.type] || e.type}: ${e.role}` : TYPE_LABELS[e.type] || e.type,
        e.count, signed(e.tone)]),
    }));
    const pairs = (report.co_mentions || []).slice(0, MAX_PAIRS);
    if (pairs.length) {
      els.pairs.append(
          el('h3', {text: 'Named together'}),
          el('ul', {class: 'co-mentions', dataset: {testid: 'co-mentions'}},
             pairs.map((p) => el('li', {}, `${p.a} + ${p.b}`,
                 el('span', {class: 'muted',
                             text: ` — ${p.count} sentence${p.count === 1 ? '' : 's'}`})))));
    }
  }

  setFocus(focus) {
    setBarFocus(this.chart, focus && focus.kind === 'entity' ? (r) => r.name === focus.name : null);
  }
}
