// The data table beside each chart: the same numbers as text, for screen readers, keyboards and
// anyone who prefers reading to squinting at bars.

import {el} from './dom.js';

/**
 * columns: [{label, numeric?}]; rows: arrays of cells (string, number or Node).
 * Returns a <table> with a caption.
 */
export function dataTable({caption, columns, rows, testid}) {
  return el('table', {class: 'data-table', dataset: testid ? {testid} : undefined},
      el('caption', {text: caption}),
      el('thead', {}, el('tr', {}, columns.map((c) =>
        el('th', {scope: 'col', class: c.numeric ? 'num' : null, text: c.label})))),
      el('tbody', {}, rows.map((row) => el('tr', {}, row.map((cell, i) =>
        el(i === 0 ? 'th' : 'td', {scope: i === 0 ? 'row' : null,
                                   class: columns[i] && columns[i].numeric ? 'num' : null},
           typeof cell === 'number' ? String(cell) : cell))))));
}

/**
 * Puts the table `build()` returns into `wrap` — now if the table is showing, otherwise when it
 * is first opened (a long article's sentence table has thousands of rows nobody may look at).
 */
export function fillTable(wrap, build) {
  wrap.replaceChildren();
  wrap.buildTable = build;
  if (!wrap.hidden) showTable(wrap);
}

function showTable(wrap) {
  if (wrap.buildTable) {
    wrap.replaceChildren(wrap.buildTable());
    wrap.buildTable = null;
  }
}

/** Wires a "Show table" button (aria-controls → the table's container). */
export function wireTableToggle(button) {
  const target = document.getElementById(button.getAttribute('aria-controls'));
  // The table scrolls inside its box, so keyboard users must be able to focus the box.
  const heading = button.closest('section') && button.closest('section').querySelector('h2');
  target.tabIndex = 0;
  target.setAttribute('role', 'region');
  target.setAttribute('aria-label', `${heading ? heading.textContent : 'Chart'}: data table`);
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide table' : 'Show table';
    if (open) showTable(target);
    target.hidden = !open;
  });
}
