// Golden checklists: each test/golden/decompose/<name>.md next to the plan the checklist decomposer writes for
// it (<name>.yml), or, for a checklist with errors, its diagnostics (<name>.out). Regenerate with UPDATE_GOLDEN=1
// after an intended change, and read the diff.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { parsePlan } from '../../src/core/plan-file.js';
import { checklistToPlan } from '../../src/decompose/checklist.js';
import { planToYaml } from '../../src/decompose/plan-yaml.js';

const DIR = path.join(import.meta.dirname, '../golden/decompose');
const inputs = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();

describe('golden checklists', () => {
  it.each(inputs)('%s', (name) => {
    const result = checklistToPlan(fs.readFileSync(path.join(DIR, name), 'utf8'), name);
    const base = name.replace(/\.md$/, '');
    const [golden, actual] =
      result.document === null
        ? [`${base}.out`, `${result.diagnostics.map(formatDiagnostic).join('\n')}\n`]
        : [`${base}.yml`, planToYaml(result.document)];
    const file = path.join(DIR, golden);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
    if (result.document !== null) {
      // The written plan is a valid plan (warnings allowed).
      const loaded = parsePlan({ file: golden, bytes: Buffer.from(actual) });
      expect(loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    }
  });
});
