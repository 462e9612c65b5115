// Golden diagnostics: each plan in test/golden/diagnostics/ next to the exact output of `validate` for it
// (`<plan>.out`). Regenerate with UPDATE_GOLDEN=1 after an intended change, and read the diff.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { parsePlan } from '../../src/core/plan-file.js';

const DIR = path.join(import.meta.dirname, 'diagnostics');
const plans = fs.readdirSync(DIR).filter((f) => !f.endsWith('.out')).sort();

describe('golden diagnostics', () => {
  it.each(plans)('%s', (name) => {
    const bytes = fs.readFileSync(path.join(DIR, name));
    const actual = `${parsePlan({ file: name, bytes }).diagnostics.map(formatDiagnostic).join('\n')}\n`;
    const golden = path.join(DIR, `${name}.out`);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, actual);
    expect(actual).toBe(fs.readFileSync(golden, 'utf8'));
  });
});
