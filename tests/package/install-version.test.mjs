// One version number (issue 22, docs/packaging.md): package.json's "version" is the source, and
// every place that shows it agrees — the CMake project and package, the generated
// NEWSLENS_VERSION header, `newslens --version`, the man page, the report's `generator` from the
// native build and from the wasm build, NewsLens.version in JS, and CHANGELOG.md's newest section.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

import { buildDir, packageVersion, requireBuild, root, run } from './package-helpers.mjs';

const numeric = packageVersion.match(/^\d+\.\d+\.\d+/)[0];

test('package.json has a semver version, and CHANGELOG.md\'s newest release is it', () => {
  assert.match(packageVersion, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  const newest = readFileSync(join(root, 'CHANGELOG.md'), 'utf8').match(/^## (\S+)/m);
  assert.ok(newest, 'CHANGELOG.md has a release section');
  assert.equal(newest[1], packageVersion);
});

test('the native build: CMake project, package version file, header, --version, man page and report agree', () => {
  requireBuild();
  const cache = readFileSync(join(buildDir, 'CMakeCache.txt'), 'utf8');
  assert.match(cache, new RegExp(`^CMAKE_PROJECT_VERSION:STATIC=${numeric}$`, 'm'));
  assert.match(readFileSync(join(buildDir, 'newslensConfigVersion.cmake'), 'utf8'),
    new RegExp(`set\\(PACKAGE_VERSION "${numeric}"\\)`));
  const header = readFileSync(join(buildDir, 'generated', 'include', 'newslens', 'version.h'), 'utf8');
  assert.match(header, new RegExp(`^#define NEWSLENS_VERSION "${packageVersion}"$`, 'm'));
  const [maj, min, pat] = numeric.split('.');
  assert.match(header, new RegExp(`^#define NEWSLENS_VERSION_MAJOR ${maj}\\n#define NEWSLENS_VERSION_MINOR ${min}\\n#define NEWSLENS_VERSION_PATCH ${pat}$`, 'm'));
  const cli = join(buildDir, 'newslens');
  assert.equal(run(cli, ['--version']).stdout, `newslens ${packageVersion}\n`);
  const report = JSON.parse(run(cli, ['analyze', '--json', '-'], { input: 'The minister signed the treaty.' }).stdout);
  assert.equal(report.generator, `newslens ${packageVersion}`);
  // report@1 keeps December's shape.
  const v1 = JSON.parse(run(cli, ['analyze', '--json', '--schema', '1', '-'], { input: 'A treaty.' }).stdout);
  assert.equal(v1.generator, undefined);
  const man = join(buildDir, 'man', 'newslens.1');
  if (existsSync(man)) assert.match(readFileSync(man, 'utf8'), new RegExp(`^\\.TH NEWSLENS "1" "[^"]*" "newslens ${packageVersion}"`, 'm'));
});

test('the wasm build: NewsLens.version and the report generator are package.json\'s', async () => {
  const modulePath = process.env.NEWSLENS_MODULE || join(root, 'dist', 'newslens.js');
  if (!existsSync(modulePath)) throw new Error(`${modulePath} is missing: run 'make build' first`);
  const { NewsLens } = createRequire(import.meta.url)(modulePath);
  assert.equal(NewsLens.version, packageVersion);
  const nl = await NewsLens.create();
  assert.equal(nl.analyze('The minister signed the treaty.').generator, `newslens ${packageVersion}`);
  assert.equal(JSON.parse(nl.analyzeToJson('The minister signed the treaty.')).generator, `newslens ${packageVersion}`);
});
