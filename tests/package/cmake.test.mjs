// The CMake package from a consumer outside the tree (issue 22): `cmake --install` of the Release
// build into a temporary prefix, then a C++ project in a temporary folder that finds it with
// find_package(newslens CONFIG REQUIRED), links newslens::core, and analyses the sample; and the
// same project taking newslens in with FetchContent (add_subdirectory) instead.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { buildDir, packageVersion, requireBuild, root, run, samplePath, tempDir } from './package-helpers.mjs';

const consumerSource = join(root, 'tests', 'package', 'cmake-consumer');
const [major, minor] = packageVersion.split('.');
let work, prefix;

before(() => {
  requireBuild();
  work = tempDir('cmake');
  prefix = join(work, 'prefix');
  // The build is up to date after `make build`; --install copies, it does not build.
  run('cmake', ['--install', buildDir, '--prefix', prefix]);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// A copy of the consumer project in a fresh folder, configured with `defines`.
function configureConsumer(name, defines, options = {}) {
  const src = join(work, name);
  cpSync(consumerSource, src, { recursive: true });
  const bin = join(src, 'build');
  const r = run('cmake', ['-S', src, '-B', bin, '-DCMAKE_BUILD_TYPE=Release',
    // Only the prefix given: never a package registry entry or the system's.
    '-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF', '-DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF',
    ...defines], options);
  return { src, bin, r };
}

test('the prefix holds the library, its public headers and the CMake package files', () => {
  const libdir = existsSync(join(prefix, 'lib', 'cmake')) ? 'lib' : readdirSync(prefix).find((d) => d.startsWith('lib'));
  const cmakeDir = join(prefix, libdir, 'cmake', 'newslens');
  for (const f of ['newslensConfig.cmake', 'newslensConfigVersion.cmake', 'newslensTargets.cmake']) {
    assert.ok(existsSync(join(cmakeDir, f)), `${f} installed`);
  }
  assert.ok(existsSync(join(prefix, libdir, 'libnewslens_core.a')));
  const version = readFileSync(join(cmakeDir, 'newslensConfigVersion.cmake'), 'utf8');
  assert.match(version, new RegExp(`set\\(PACKAGE_VERSION "${major}\\.${minor}\\.\\d+"\\)`));
  const headers = readdirSync(join(prefix, 'include', 'newslens')).sort();
  for (const h of ['analyzer.h', 'report.h', 'status.h', 'version.h']) assert.ok(headers.includes(h), h);
  assert.match(readFileSync(join(prefix, 'include', 'newslens', 'version.h'), 'utf8'),
    new RegExp(`#define NEWSLENS_VERSION "${packageVersion.replace(/\./g, '\\.')}"`));
});

test('every installed header compiles on its own and includes only the standard library and newslens/', () => {
  const dir = join(prefix, 'include', 'newslens');
  const headers = readdirSync(dir).filter((h) => h.endsWith('.h'));
  for (const h of headers) {
    const text = readFileSync(join(dir, h), 'utf8');
    for (const [, inc] of text.matchAll(/^#include\s+["<]([^">]+)[">]/gm)) {
      assert.ok(inc.startsWith('newslens/') ? headers.includes(inc.slice(9)) : !inc.includes('/') && !inc.includes('.'),
        `${h} includes ${inc}: a consumer has only the standard library and the installed newslens/ headers`);
    }
    const tu = join(work, `only-${h}.cc`);
    writeFileSync(tu, `#include <newslens/${h}>\n#include <newslens/${h}>\nint main() { return 0; }\n`);
    run('c++', ['-std=c++17', '-fsyntax-only', '-Wall', '-Werror', '-I', join(prefix, 'include'), tu]);
  }
});

test('find_package(newslens CONFIG REQUIRED) + newslens::core: a consumer analyses the sample', () => {
  const { bin } = configureConsumer('find-package', [`-DCMAKE_PREFIX_PATH=${prefix}`, `-DNEWSLENS_WANT_VERSION=${major}.${minor}`]);
  run('cmake', ['--build', bin, '-j', '2']);
  const out = run(join(bin, 'app'), [samplePath]).stdout;
  const lines = Object.fromEntries(out.trim().split('\n').map((l) => [l.slice(0, l.indexOf(' ')), l.slice(l.indexOf(' ') + 1)]));
  // The CLI of the same build says the same about the same article.
  const cli = JSON.parse(run(join(buildDir, 'newslens'), ['analyze', '--json', samplePath]).stdout);
  assert.ok(cli.primary_theme, 'the sample has a primary theme');
  assert.equal(lines.primary_theme, cli.primary_theme);
  assert.equal(lines.primary_theme, 'politics');  // Xi's letter on China and Russia's partnership
  assert.equal(lines.version, packageVersion);
  const report = JSON.parse(lines.json);
  assert.equal(report.generator, `newslens ${packageVersion}`);
  assert.deepEqual(report.top_level, cli.top_level);
});

test('find_package refuses an installed newslens of another major version', () => {
  const { r } = configureConsumer('wrong-version',
    [`-DCMAKE_PREFIX_PATH=${prefix}`, `-DNEWSLENS_WANT_VERSION=${Number(major) + 1}.0`], { allowFailure: true });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /newslensConfig\.cmake[\s\S]*version/);
});

// FetchContent with a local SOURCE_DIR (no network) is add_subdirectory: the same target name,
// and none of newslens' tests, CLI or install rules come with it. Configured here (seconds);
// building it compiles the whole core, so that is left to NEWSLENS_PACKAGE_FULL=1
// (docs/packaging.md gives the time).
test('FetchContent / add_subdirectory: newslens::core, without the tests, the CLI or install rules', () => {
  const { bin } = configureConsumer('fetchcontent', [`-DNEWSLENS_SOURCE_DIR=${root}`]);
  const cache = readFileSync(join(bin, 'CMakeCache.txt'), 'utf8');
  for (const option of ['NEWSLENS_BUILD_TESTS', 'NEWSLENS_BUILD_CLI', 'NEWSLENS_BUILD_WASM', 'NEWSLENS_INSTALL']) {
    assert.match(cache, new RegExp(`^${option}:BOOL=OFF$`, 'm'), `${option} defaults to OFF below a parent project`);
  }
  const targets = run('cmake', ['--build', bin, '--target', 'help']).stdout;
  assert.match(targets, /\bapp\b/);
  assert.match(targets, /\bnewslens_core\b/);
  for (const t of ['newslens_core_tests', 'newslens_cli_tests', 'newslens', 'newslens_man', 'install']) {
    assert.doesNotMatch(targets, new RegExp(`^\\.\\.\\. ${t}$`, 'm'), `no ${t} target in the consumer's build`);
  }
  assert.ok(existsSync(join(bin, '_deps', 'newslens-build', 'generated', 'include', 'newslens', 'version.h')));
  if (process.env.NEWSLENS_PACKAGE_FULL === '1') {
    run('cmake', ['--build', bin, '-j', '2']);
    const out = run(join(bin, 'app'), [samplePath]).stdout;
    assert.match(out, /^primary_theme politics$/m);
  }
});
