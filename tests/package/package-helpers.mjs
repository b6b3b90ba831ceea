// Shared by the package tests (tests/package/): the repo, the Release build the tests reuse, the
// one version number, and running commands with their output kept for the failure message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The native Release build that `make build` leaves (the CLI tests use the same one).
export const buildDir = process.env.NEWSLENS_BUILD_DIR || join(root, 'build');
export const samplePath = join(root, 'data', 'samples', 'china-russia-letter.txt');
// The one version number (docs/packaging.md): package.json's.
export const packageVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

export const tempDir = (what) => mkdtempSync(join(tmpdir(), `newslens-${what}-`));

// Runs a command under `nice` (the machine is shared); throws with its output when it fails.
export function run(cmd, args, options = {}) {
  const r = spawnSync('nice', ['-n', '10', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    ...options,
    env: { ...process.env, ...(options.env || {}) },
  });
  if (r.error) throw r.error;
  if (r.status !== 0 && !options.allowFailure) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

export function requireBuild() {
  if (!existsSync(join(buildDir, 'CMakeCache.txt')) || !existsSync(join(buildDir, 'newslens'))) {
    throw new Error(`${buildDir} has no Release build: run 'make build' first`);
  }
}
