// Compare: the current article (A) and a second one (B) on shared axes — theme weight per 1,000
// words (so a long and a short article compare fairly), tone figures, and the two tone arcs over
// the position in each article.

import {arcOverlayChart, groupedBarChart} from './charts.js';
import {dataTable, fillTable} from './data-table.js';
import {clear, el} from './dom.js';
import {signed, summary} from './format.js';
import {OKABE_ITO} from './palette.js';

/** A is blue, B orange; B's arc is also dashed, so the two never depend on colour alone. */
const COLOURS = {a: OKABE_ITO.blue, b: OKABE_ITO.orange};

/** Theme weight comparable across lengths: score per 1,000 words, one decimal. */
export function perThousand(score, words) {
  return words ? Math.round((score / words) * 10000) / 10 : 0;
}

export class CompareView {
  /** els: {summary, themesCanvas, themesTable, toneCanvas, toneTable, arcCanvas, results} */
  constructor(els) {
    this.els = els;
    this.charts = {themes: null, tone: null, arc: null};
  }

  get chart() {
    return this.charts.themes;
  }

  setFocus() {}  // comparisons are not part of the linked views

  clear() {
    for (const c of Object.values(this.charts)) if (c) c.destroy();
    this.charts = {themes: null, tone: null, arc: null};
    this.els.results.hidden = true;
  }

  render(a, b) {
    const {els} = this;
    this.clear();
    els.results.hidden = false;
    clear(els.summary).append(
        el('li', {}, el('strong', {text: 'A (the article above): '}), summary(a)),
        el('li', {}, el('strong', {text: 'B: '}), summary(b)));

    // Themes: union of both articles' top-level themes, by combined weight.
    const ids = new Map();
    for (const [key, r] of [['a', a], ['b', b]]) {
      for (const t of r.top_level || []) {
        if (!ids.has(t.id)) ids.set(t.id, {label: t.label, a: 0, b: 0});
        ids.get(t.id)[key] = perThousand(t.score, r.stats.words);
      }
    }
    const rows = [...ids.values()].sort((x, y) => (y.a + y.b) - (x.a + x.b));
    this.charts.themes = groupedBarChart(els.themesCanvas, rows.map((r) => r.label), [
      {label: 'A', values: rows.map((r) => r.a), colour: COLOURS.a},
      {label: 'B', values: rows.map((r) => r.b), colour: COLOURS.b},
    ], {valueLabel: 'Theme score per 1,000 words'});
    els.themesCanvas.setAttribute('aria-label', 'Grouped bar chart of theme score per 1,000 ' +
        `words: ${rows.map((r) => `${r.label} A ${r.a}, B ${r.b}`).join('; ')}`);
    fillTable(els.themesTable, () => dataTable({
      caption: 'Theme score per 1,000 words',
      testid: 'compare-themes-data',
      columns: [{label: 'Theme'}, {label: 'A', numeric: true}, {label: 'B', numeric: true}],
      rows: rows.map((r) => [r.label, r.a, r.b]),
    }));

    // Tone: compound on −1…+1 and the positive/negative word shares, on one axis.
    const measures = [['Compound tone', (r) => r.tone.compound],
                      ['Positive share', (r) => r.tone.positive],
                      ['Negative share', (r) => -r.tone.negative]];
    this.charts.tone = groupedBarChart(els.toneCanvas, measures.map((m) => m[0]), [
      {label: 'A', values: measures.map((m) => m[1](a)), colour: COLOURS.a},
      {label: 'B', values: measures.map((m) => m[1](b)), colour: COLOURS.b},
    ], {valueLabel: 'Tone (negative share drawn below zero)', min: -1, max: 1,
        format: (x) => signed(x)});
    els.toneCanvas.setAttribute('aria-label', `Tone of A and B: compound A ${signed(a.tone.compound)}, ` +
        `B ${signed(b.tone.compound)}`);
    fillTable(els.toneTable, () => dataTable({
      caption: 'Tone',
      testid: 'compare-tone-data',
      columns: [{label: 'Measure'}, {label: 'A', numeric: true}, {label: 'B', numeric: true}],
      rows: [
        ['Compound', signed(a.tone.compound), signed(b.tone.compound)],
        ['Label', a.tone.label, b.tone.label],
        ['Positive share', a.tone.positive, b.tone.positive],
        ['Negative share', a.tone.negative, b.tone.negative],
        ['GDELT tone', signed(a.tone.gdelt_tone, 1), signed(b.tone.gdelt_tone, 1)],
        ['Words', a.stats.words, b.stats.words],
      ],
    }));

    const arc = (r) => {
      const n = (r.sentences || []).length;
      return (r.sentences || []).map((s, i) => ({x: n > 1 ? Math.round((i / (n - 1)) * 1000) / 10 : 0,
                                                  y: s[2]}));
    };
    this.charts.arc = arcOverlayChart(els.arcCanvas, [
      {label: 'A', points: arc(a), colour: COLOURS.a},
      {label: 'B', points: arc(b), colour: COLOURS.b},
    ]);
    els.arcCanvas.setAttribute('aria-label', 'Line chart of sentence tone across A (solid) and ' +
        'B (dashed), by position in each article');
  }
}
