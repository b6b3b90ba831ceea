// The page's Chart.js date adapter (web/src/time-adapter.js), in node: UTC calendar arithmetic
// for the corpus trends' time axis.
//
//   node --test tests/web/time-adapter.test.mjs

import assert from 'node:assert/strict';
import {test} from 'node:test';

import {utcAdapter as a} from '../../web/src/time-adapter.js';

const t = (s) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);

test('parses ISO days as UTC midnight, and timestamps as they are', () => {
  assert.equal(a.parse('2024-03-05'), t('2024-03-05'));
  assert.equal(a.parse(t('2024-03-05')), t('2024-03-05'));
  assert.equal(a.parse('not a date'), null);
  assert.equal(a.parse(null), null);
});

test('start of a day, an ISO week (Monday), a month, a quarter, a year', () => {
  const x = t('2024-03-07T15:30:00Z');  // a Thursday
  assert.equal(a.startOf(x, 'day'), t('2024-03-07'));
  assert.equal(a.startOf(x, 'isoWeek', true), t('2024-03-04'));
  assert.equal(a.startOf(t('2024-03-10'), 'isoWeek', 1), t('2024-03-04'));  // Sunday → its Monday
  assert.equal(a.startOf(x, 'week'), t('2024-03-03'));                    // weeks from Sunday
  assert.equal(a.startOf(x, 'month'), t('2024-03-01'));
  assert.equal(a.startOf(x, 'quarter'), t('2024-01-01'));
  assert.equal(a.startOf(x, 'year'), t('2024-01-01'));
  assert.equal(a.endOf(x, 'day'), t('2024-03-08') - 1);
  assert.equal(a.endOf(x, 'isoWeek'), t('2024-03-11') - 1);
});

test('adds and diffs by calendar units', () => {
  assert.equal(a.add(t('2024-01-31'), 1, 'month'), t('2024-02-29'));  // clamped to the month's end
  assert.equal(a.add(t('2024-03-04'), 2, 'week'), t('2024-03-18'));
  assert.equal(a.add(t('2024-03-04'), 1, 'year'), t('2025-03-04'));
  assert.equal(a.diff(t('2024-03-18'), t('2024-03-04'), 'day'), 14);
  assert.equal(a.diff(t('2024-05-02'), t('2024-01-30'), 'month'), 4);
  assert.equal(a.diff(t('2025-02-01'), t('2024-01-01'), 'year'), 1);
});

test('labels for ticks and tooltips, without Intl', () => {
  const x = t('2024-03-05T09:07:00Z');
  assert.equal(a.format(x, a.formats().day), '5 Mar');
  assert.equal(a.format(x, a.formats().month), 'Mar 2024');
  assert.equal(a.format(x, a.formats().year), '2024');
  assert.equal(a.format(x, a.formats().hour), '09:07');
  assert.equal(a.format(x, 'datetime'), '5 Mar 2024');
});
