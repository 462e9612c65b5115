// The security audit over every workflow the project ships or keeps as a golden: the repository's own workflows
// and the examples as a release ships them (first-party actions pinned by commit too), the goldens as the compiler
// writes them by default (`org/orchestrator/task@v1`, pinned by the user's --action-ref).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditWorkflow, formatAuditFinding } from '../../src/github/audit.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function workflows(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
}

const SHIPPED = [...workflows('.github/workflows'), ...workflows('examples/workflows')];
const GOLDEN = workflows('test/golden/workflow');

function findings(file: string, shipped: boolean): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return auditWorkflow(text, { shipped }).map((f) => formatAuditFinding(file, f));
}

describe('the audit of every shipped workflow', () => {
  it('finds them all', () => {
    expect(SHIPPED).toContain('.github/workflows/orchestrate.yml');
    expect(SHIPPED).toContain('examples/workflows/pr-decompose.yml');
    expect(GOLDEN.length).toBeGreaterThanOrEqual(5);
  });

  it.each(SHIPPED)('%s (shipped)', (file) => {
    expect(findings(file, true)).toEqual([]);
  });

  it.each(GOLDEN)('%s', (file) => {
    expect(findings(file, false)).toEqual([]);
  });
});
