// Shared by the npm package tests: packs build-npm/ (tools/build-npm.mjs) with `npm pack` and
// installs the tarball into a fresh consumer project in a temporary folder outside the tree, as
// a user's project would get it, with no network: `npm install --offline` against an empty npm
// cache, so a package that needed anything from the registry would fail to install. Not a test
// file itself.

import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const packageDir = join(root, 'build-npm');
/** Only bounds a hang: on a loaded 2-core machine `npm pack` and a tsc run take seconds each. */
export const TIMEOUT_MS = 180_000;

/** Runs a command; resolves {stdout, stderr}, rejects with both in the message on failure. */
export function run(command, args, options = {}) {
  return new Promise((ok, fail) => {
    execFile(command, args, {timeout: TIMEOUT_MS, maxBuffer: 64 << 20, ...options},
             (error, stdout, stderr) => {
               if (error) {
                 error.message += `\n--- stdout\n${stdout}\n--- stderr\n${stderr}`;
                 error.stdout = stdout;
                 error.stderr = stderr;
                 fail(error);
               } else {
                 ok({stdout, stderr});
               }
             });
  });
}

/**
 * Packs build-npm/ and installs the tarball into a new consumer project. Resolves
 * {dir, pack, cleanup()}: `pack` is npm pack's JSON record (filename, files, size, ...).
 */
export async function consumerProject() {
  assert.ok(existsSync(join(packageDir, 'package.json')),
            'build-npm/ is not built: run `make build` (or `make npm` after `make wasm web`)');
  const dir = mkdtempSync(join(tmpdir(), 'newslens-consumer-'));
  const env = {...process.env, npm_config_cache: join(dir, '.npm-cache'),
               npm_config_update_notifier: 'false'};
  const {stdout} = await run('npm', ['pack', '--json', '--pack-destination', dir],
                             {cwd: packageDir, env});
  const [pack] = JSON.parse(stdout);
  writeFileSync(join(dir, 'package.json'),
                JSON.stringify({name: 'newslens-consumer', private: true, version: '1.0.0'}) + '\n');
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error',
                    join(dir, pack.filename)], {cwd: dir, env});
  return {dir, pack, env, cleanup: () => rmSync(dir, {recursive: true, force: true})};
}

/** Runs a script file written into the consumer project with node, from there; parses its JSON. */
export async function runInConsumer(dir, name, source) {
  writeFileSync(join(dir, name), source);
  const {stdout} = await run(process.execPath, [name], {cwd: dir});
  return JSON.parse(stdout);
}

export const repoVersion = () => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
