// The corpus aggregate's JSON Schema (docs/aggregate.schema.json), compiled once with ajv: the
// page's "Aggregate (JSON)" exports are validated against it, as the CLI's are
// (tests/cli/aggregate-page.test.mjs).
import Ajv from 'ajv';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'docs', 'aggregate.schema.json'), 'utf8'));
const validate = new Ajv({allErrors: true, strict: true}).compile(schema);

/** Throws unless `aggregate` is a valid newslens/aggregate@1. */
export function validateAggregate(aggregate, what = 'aggregate') {
  if (!validate(aggregate)) {
    const errors = validate.errors.slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new Error(`${what} is not a valid newslens/aggregate@1: ${errors}`);
  }
  return aggregate;
}
