// The report@2 JSON Schema (docs/report.schema.json), compiled once with ajv: every report@2 the
// wasm and CLI tests produce is validated against it (validateReport2 throws with ajv's errors).
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './helpers.mjs';

export const reportSchema = JSON.parse(readFileSync(join(root, 'docs', 'report.schema.json'), 'utf8'));
// strictTuples off: a sentence is a tuple of 3 items, or 4 when it names its lexicon (tone auto).
const validate = new Ajv({ allErrors: true, strict: true, strictTuples: false }).compile(reportSchema);

/** Throws unless `report` is a valid newslens/report@2 (docs/report.schema.json). */
export function validateReport2(report, what = 'report') {
  if (!validate(report)) {
    const errors = validate.errors.slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new Error(`${what} is not a valid newslens/report@2: ${errors}`);
  }
  return report;
}
