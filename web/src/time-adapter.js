// A date adapter for Chart.js's time axis (corpus trends), in UTC, without a date library.
//
// Chart.js's time scale does no calendar arithmetic itself; it asks an adapter. The usual
// adapters wrap date-fns, Luxon or Moment (chartjs-adapter-date-fns + date-fns would add ~20 KB
// gzipped to a page with a 400 KB budget). The trends need much less: buckets are UTC days and
// ISO weeks (web/src/corpus-aggregate.js), points are timestamps at UTC midnight, and labels are
// "5 Mar", "Mar 2024" or "2024". UTC throughout, so a day never shifts with the reader's zone.
// Values this adapter is given are numbers (ms since the epoch) or 'YYYY-MM-DD' strings.

import {_adapters} from 'chart.js';

const MS = {millisecond: 1, second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 6048e5};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n) => String(n).padStart(2, '0');

/** Months since year 0 of a timestamp, and back. */
const monthIndex = (t) => {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const fromMonthIndex = (m) => Date.UTC(Math.floor(m / 12), m % 12, 1);

/** Adds `months` keeping the day of the month where it exists (31 Jan + 1 month = 28/29 Feb). */
function addMonths(t, months) {
  const d = new Date(t);
  const target = monthIndex(t) + months;
  const y = Math.floor(target / 12);
  const m = target % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(),
                  d.getUTCSeconds(), d.getUTCMilliseconds());
}

export const utcAdapter = {
  formats() {
    return {datetime: 'datetime', millisecond: 'time', second: 'time', minute: 'time', hour: 'time',
            day: 'day', week: 'day', month: 'month', quarter: 'month', year: 'year'};
  },

  parse(value) {
    if (value == null) return null;
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (value instanceof Date) return value.getTime();
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
    if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const t = Date.parse(String(value));
    return Number.isNaN(t) ? null : t;
  },

  format(time, fmt) {
    const d = new Date(time);
    const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
    switch (fmt) {
      case 'year': return String(d.getUTCFullYear());
      case 'month': return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
      case 'day': return day;
      case 'time': return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
      default: return `${day} ${d.getUTCFullYear()}`;  // 'datetime' (tooltips)
    }
  },

  add(time, amount, unit) {
    if (unit in MS) return time + amount * MS[unit];
    if (unit === 'month') return addMonths(time, amount);
    if (unit === 'quarter') return addMonths(time, amount * 3);
    if (unit === 'year') return addMonths(time, amount * 12);
    return time;
  },

  diff(max, min, unit) {
    if (unit in MS) return (max - min) / MS[unit];
    const months = monthIndex(max) - monthIndex(min);
    if (unit === 'month') return months;
    if (unit === 'quarter') return Math.floor(months / 3);
    if (unit === 'year') return Math.floor(months / 12);
    return 0;
  },

  /** Start of the unit; 'isoWeek' starts on `weekday` (1 = Monday … 7 = Sunday; Chart.js passes
   *  true for Monday). */
  startOf(time, unit, weekday) {
    const d = new Date(time);
    switch (unit) {
      case 'second': return time - (time % 1e3 + 1e3) % 1e3;
      case 'minute': return time - (time % 6e4 + 6e4) % 6e4;
      case 'hour': return time - (time % 36e5 + 36e5) % 36e5;
      case 'day': return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      case 'week':
      case 'isoWeek': {
        const start = unit === 'week' ? 0 : (weekday === true || weekday == null ? 1 : Number(weekday)) % 7;
        const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
        return midnight - ((d.getUTCDay() - start + 7) % 7) * MS.day;
      }
      case 'month': return fromMonthIndex(monthIndex(time));
      case 'quarter': return fromMonthIndex(monthIndex(time) - (d.getUTCMonth() % 3));
      case 'year': return Date.UTC(d.getUTCFullYear(), 0, 1);
      default: return time;
    }
  },

  endOf(time, unit) {
    const next = unit === 'isoWeek' ? this.add(this.startOf(time, 'isoWeek'), 1, 'week') :
        this.add(this.startOf(time, unit), 1, unit === 'isoWeek' ? 'week' : unit);
    return next - 1;
  },
};

_adapters._date.override(utcAdapter);
