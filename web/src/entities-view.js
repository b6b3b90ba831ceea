// Who and what the article names: entities with counts and tone, and the pairs named together.

import {clear, el} from './dom.js';
import {dataTable} from './data-table.js';
import {signed} from './format.js';

const TYPE_LABELS = {country: 'Country', organization: 'Organization', person: 'Person'};
/** How many co-mention pairs to list. */
const MAX_PAIRS = 8;

export function renderEntities(container, report) {
  clear(container);
  const entities = report.entities || [];
  if (!entities.length) {
    container.append(el('p', {class: 'hint', text: 'No countries, organizations or people found.'}));
    return;
  }
  container.append(dataTable({
    caption: 'Entities, by mentions',
    testid: 'entities-table',
    columns: [{label: 'Name'}, {label: 'Type'}, {label: 'Mentions', numeric: true},
              {label: 'Tone', numeric: true}],
    rows: entities.map((e) => [
      e.code ? `${e.name} (${e.code})` : e.name,
      TYPE_LABELS[e.type] || e.type,
      e.count,
      signed(e.tone),
    ]),
  }));
  const pairs = (report.co_mentions || []).slice(0, MAX_PAIRS);
  if (pairs.length) {
    container.append(
        el('h3', {text: 'Named together'}),
        el('ul', {class: 'co-mentions', dataset: {testid: 'co-mentions'}},
           pairs.map((p) => el('li', {},
               `${p.a} + ${p.b}`, el('span', {class: 'muted',
                                              text: ` — ${p.count} sentence${p.count === 1 ? '' : 's'}`})))));
  }
}
