// The JSON Schema editors use agrees with the validator: it is the checked-in file, it accepts every valid
// plan we have, and it rejects what the structure rules reject.
import { Ajv } from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from '../../src/core/schema/json-schema.js';
import { toPlanDocument } from '../../src/core/serialize.js';
import { ROOT } from '../support/cli.js';
import { check, load } from '../support/plans.js';

const file = path.join(ROOT, 'schema/plan.schema.json');
const validate = new Ajv({ allErrors: true, strict: false }).compile(planJsonSchema() as object);
const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.yml'));

describe('schema/plan.schema.json', () => {
  it('is up to date (npm run schema regenerates it)', () => {
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(planJsonSchema());
  });
  it.each(examples)('accepts examples/%s and its resolved plan.json', (name) => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
    expect(validate(loadYaml(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(
      validate(JSON.parse(JSON.stringify(toPlanDocument(load(text))))),
      JSON.stringify(validate.errors),
    ).toBe(true);
  });
  it.each([
    ['an unknown key', 'version: 1\ntasks:\n  - {id: A, run: a, promt: x}\n'],
    ['a bare-number duration', 'version: 1\ntasks:\n  - {id: A, run: a, timeout: 300}\n'],
    ['a zero timeout', 'version: 1\ntasks:\n  - {id: A, run: a, timeout: 0s}\n'],
    ['a bad id', 'version: 1\ntasks:\n  - {id: 1a, run: a}\n'],
    ['an expression in runs-on', 'version: 1\ntasks:\n  - {id: A, run: a, runs-on: "${{ x }}"}\n'],
    ['version 2', 'version: 2\ntasks:\n  - {id: A, run: a}\n'],
    ['an empty task list', 'version: 1\ntasks: []\n'],
    ['a bad env name', 'version: 1\ntasks:\n  - {id: A, run: a, env: {A-B: x}}\n'],
  ])('rejects %s, as the validator does', (_, text) => {
    expect(check(text).plan).toBeNull();
    expect(validate(loadYaml(text))).toBe(false);
  });
});
