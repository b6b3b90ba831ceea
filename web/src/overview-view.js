// Overview: the one-sentence summary, the tone figure and the key counts.

import {clear, el} from './dom.js';
import {count, readingTime, summary} from './format.js';
import {renderTone} from './tone-view.js';

export function renderOverview(els, report) {
  els.summary.textContent = summary(report);
  renderTone(els.tone, report);
  const {stats} = report;
  const primary = report.primary_theme &&
                  (report.top_level || []).find((t) => t.id === report.primary_theme);
  const item = (label, testid, value, text) =>
    el('div', {}, el('dt', {text: label}), el('dd', {dataset: {testid, value: String(value)}, text}));
  clear(els.stats).append(
      item('Primary theme', 'primary-theme', report.primary_theme || '',
           primary ? primary.label : 'none'),
      item('Words', 'stat-words', stats.words, count(stats.words)),
      item('Sentences', 'stat-sentences', stats.sentences, count(stats.sentences)),
      item('Paragraphs', 'stat-paragraphs', stats.paragraphs, count(stats.paragraphs)),
      item('Reading time', 'stat-reading-time', stats.words, readingTime(stats.words)));
}
