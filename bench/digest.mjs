// A wire digest of short news paragraphs on many subjects, every paragraph different and naming
// its own town: the text of bench/page-large.mjs (the page's largest text) and bench/long-text.sh
// (the core's time on long texts with many names). Written here, not dev data.
//
//   node bench/digest.mjs MB OUT.txt     writes about MB * 10^6 bytes to OUT.txt

import {writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/** At most `bytes` (within a paragraph of it) of a digest of short news paragraphs, each one
 *  different. */
export function digest(bytes) {
  const towns = ['Northbridge', 'Lakemoor', 'Port Ellis', 'Ashford Vale', 'Kingsreach', 'Marlow Bay'];
  const leads = [
    (t, n) => `The council of ${t} approved a budget of ${n} million for schools and roads on Tuesday.`,
    (t, n) => `Floods closed ${n} roads around ${t}, and rescue crews moved families to shelters.`,
    (t, n) => `Voters in ${t} chose a new mayor after a campaign about housing costs, with turnout at ${n % 90} percent.`,
    (t, n) => `Factory workers in ${t} went on strike over pay after talks broke down for the ${n}th time.`,
    (t, n) => `Doctors at the hospital in ${t} warned that ${n} patients waited more than a day for a bed.`,
    (t, n) => `The football club of ${t} won ${n % 7} to 1 and moved to the top of the league.`,
  ];
  const follows = ['Officials said the plan would be reviewed next spring.',
                   'Critics called the decision reckless, but supporters praised its ambition.',
                   'Police arrested two men and said an investigation was continuing.',
                   'Investors welcomed the news and shares rose sharply in early trading.'];
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const town = `${towns[i % towns.length]} ${Math.floor(i / towns.length) + 1}`;
    const p = `${leads[i % leads.length](town, 10 + (i * 37) % 900)} ${follows[(i * 3) % follows.length]}`;
    if (size + p.length + 2 > bytes) break;
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mb, out] = process.argv.slice(2);
  if (!mb || !out) {
    console.error('usage: node bench/digest.mjs MB OUT.txt');
    process.exit(2);
  }
  writeFileSync(out, digest(Number(mb) * 1e6));
}
