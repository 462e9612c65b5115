// Golden planning outputs: each example plan in, the exact files `orchestrator plan` writes out
// (test/golden/plan/<example>/). Regenerate with UPDATE_GOLDEN=1 after an intended change, and read the diff.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { renderSimulated } from '../../src/render/simulated.js';
import { writePlanOutputs } from '../../src/workspace/plan-outputs.js';
import { listFiles, ROOT, tempDir } from '../support/cli.js';
import { load } from '../support/plans.js';

const EXAMPLES = ['repo-health', 'auth-refactor'];

describe('golden planning outputs', () => {
  it.each(EXAMPLES)('examples/%s.yml', (name) => {
    const plan = load(fs.readFileSync(path.join(ROOT, 'examples', `${name}.yml`), 'utf8'));
    const analysis = analyze(plan);
    const out = tempDir();
    try {
      writePlanOutputs(out, { ...plan, name }, analysis);
      fs.writeFileSync(path.join(out, 'simulated.txt'), renderSimulated(plan, analysis));
      const golden = path.join(import.meta.dirname, 'plan', name);
      if (process.env.UPDATE_GOLDEN === '1') {
        fs.rmSync(golden, { recursive: true, force: true });
        fs.cpSync(out, golden, { recursive: true });
      }
      expect(listFiles(out)).toEqual(listFiles(golden));
      for (const file of listFiles(out)) {
        expect(fs.readFileSync(path.join(out, file), 'utf8'), file).toBe(fs.readFileSync(path.join(golden, file), 'utf8'));
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
