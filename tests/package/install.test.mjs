// The CLI installed the way a shell user installs it (issue 22): `PREFIX=<tmp> make install`, then
// the installed newslens runs, says package.json's version, and its man page reads with `man -l`
// and documents every option that `newslens --help` lists (the page is written from --help by
// help2man at build time; this keeps the two from drifting).
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { packageVersion, requireBuild, root, run, tempDir } from './package-helpers.mjs';

let prefix;

before(() => {
  requireBuild();
  prefix = tempDir('install');
  // As the README says: PREFIX in the environment, or on the command line.
  run('make', ['-C', root, 'install'], { env: { PREFIX: prefix } });
});

after(() => {
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

const installed = () => join(prefix, 'bin', 'newslens');
const manPage = () => join(prefix, 'share', 'man', 'man1', 'newslens.1');

test('make install puts newslens in PREFIX/bin and it says package.json\'s version', () => {
  assert.ok(existsSync(installed()));
  assert.equal(run(installed(), ['--version']).stdout, `newslens ${packageVersion}\n`);
});

test('the installed newslens analyses the installed sample article', () => {
  const sample = join(prefix, 'share', 'newslens', 'samples', 'china-russia-letter.txt');
  const report = JSON.parse(run(installed(), ['analyze', '--json', sample]).stdout);
  assert.equal(report.generator, `newslens ${packageVersion}`);
  assert.ok(report.primary_theme);
  assert.ok(report.stats.words > 1000);
});

// The options named in `newslens --help`: every -x / --long-name token, in usage and option lines.
function helpOptions(help) {
  return [...new Set([...help.matchAll(/(?<![\w-])(--?[a-z][a-z0-9-]*)/g)].map((m) => m[1]))].sort();
}

test('man -l reads the installed page, and it documents every option of --help', () => {
  assert.ok(existsSync(manPage()), 'share/man/man1/newslens.1 installed (help2man: tools/install-deps.sh)');
  const r = run('man', ['-l', manPage()], {
    env: { MANPAGER: 'cat', PAGER: 'cat', MANWIDTH: '200', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
  // A word hyphenated at the end of a line is joined back.
  const page = r.stdout.replace(/[‐-]\n\s*/g, '');
  for (const section of ['NAME', 'DESCRIPTION', 'OPTIONS', 'EXAMPLES', 'SEE ALSO']) {
    assert.match(page, new RegExp(`^${section}$`, 'm'), `section ${section}`);
  }
  assert.match(page, /newslens - themes, tone and actors of news articles/);
  assert.match(page, new RegExp(`newslens ${packageVersion.replace(/\./g, '\\.')}\\s`), 'the footer names the version');
  const help = run(installed(), ['--help']).stdout;
  const options = helpOptions(help);
  assert.ok(options.length >= 15 && options.includes('--json') && options.includes('--version'), options.join(' '));
  const missing = options.filter((o) => !new RegExp(`(?<![\\w-])${o}(?![\\w-])`).test(page));
  assert.deepEqual(missing, [], 'options of --help missing from the man page');
  for (const command of ['newslens analyze', 'newslens aggregate']) assert.ok(page.includes(command), command);
});
