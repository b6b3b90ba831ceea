// Tone arc: each sentence's compound tone in reading order (points joined by steps; long texts in
// bins of consecutive sentences); its tooltip quotes the sentence. Select a point (or a row of
// the table) to jump to that sentence in the article.

import {setArcFocus, toneArcChart} from './charts.js';
import {dataTable, fillTable} from './data-table.js';
import {el} from './dom.js';
import {sentenceLexicon, sentencesInFocus} from './focus.js';
import {signed} from './format.js';

/** Characters of each sentence shown in the table. */
const EXCERPT_CHARS = 90;

export class ArcView {
  constructor(els, {onSelect}) {
    this.els = els;
    this.onSelect = onSelect;
    this.chart = null;
    this.report = null;
  }

  render(report, text) {
    const {els} = this;
    this.report = report;
    const sentences = report.sentences || [];
    if (this.chart) this.chart.destroy();
    const sentenceText = (i) => text.slice(sentences[i][0], sentences[i][1]).replace(/\s+/g, ' ').trim();
    const lexicon = (i) => sentenceLexicon(report, i);
    this.chart = toneArcChart(els.canvas, sentences,
                              {onSelect: this.onSelect, sentenceText, sentenceLexicon: lexicon});
    const binned = this.chart.$points.length < sentences.length;
    els.canvas.setAttribute('aria-label', `Chart of the tone of ${sentences.length} sentences, ` +
        `first to last${binned ? `, averaged in ${this.chart.$points.length} groups` : ''}; ` +
        'the table lists each sentence with its tone');
    const excerpt = ([start, end]) => {
      const t = text.slice(start, end).replace(/\s+/g, ' ');
      return t.length > EXCERPT_CHARS ? `${t.slice(0, EXCERPT_CHARS - 1)}…` : t;
    };
    fillTable(els.table, () => dataTable({
      caption: 'Tone of each sentence',
      testid: 'arc-data',
      columns: [{label: '#', numeric: true}, {label: 'Tone', numeric: true}, {label: 'Lexicon'},
                {label: 'Sentence'}],
      rows: sentences.map((s, i) => [
        el('button', {type: 'button', class: 'link-button', text: String(i + 1),
                      'aria-label': `Go to sentence ${i + 1}`, onclick: () => this.onSelect(i)}),
        signed(s[2]), lexicon(i), excerpt(s)]),
    }));
  }

  setFocus(focus) {
    if (!this.chart) return;
    const hits = sentencesInFocus(this.report, focus);
    setArcFocus(this.chart, focus ? (i) => hits.has(i) : null);
  }
}
