// Shared by the wasm tests: the built module and the native CLI, from the build outputs.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Overridable so that several builds can live side by side (e.g. a sanitizer build).
export const modulePath = process.env.NEWSLENS_MODULE || join(root, 'dist', 'newslens.js');
export const cliPath = process.env.NEWSLENS_CLI || join(root, 'build', 'newslens');

export function loadNewsLens() {
  if (!existsSync(modulePath)) throw new Error(`${modulePath} is missing: run 'make build' first`);
  return createRequire(import.meta.url)(modulePath).NewsLens;
}

export const sample = readFileSync(join(root, 'data', 'samples', 'china-russia-letter.txt'), 'utf8');
