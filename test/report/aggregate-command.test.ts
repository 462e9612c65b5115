import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregateCommand } from '../../src/cli/commands/aggregate.js';
import type { Output } from '../../src/cli/terminal.js';
import { UserError } from '../../src/errors.js';
import { writePlanOutputs } from '../../src/workspace/plan-outputs.js';
import { scenarioAnalysis, scenarioPlan, writeScenario } from './scenario.js';
import { writeTask } from './support.js';

function capture(): Output & { text(): { out: string; err: string } } {
  const chunks = { out: '', err: '' };
  const stream = (key: 'out' | 'err'): Writable =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks[key] += chunk.toString();
        done();
      },
    });
  return { out: stream('out'), err: stream('err'), env: { NO_COLOR: '1' }, text: () => chunks };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orchestrator-aggregate-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('aggregateCommand', () => {
  it('writes final_output.md from plan.json and outputs/, prints the summary, exits 1 when the run failed', () => {
    writePlanOutputs(dir, scenarioPlan, scenarioAnalysis);
    writeScenario(path.join(dir, 'outputs'));
    const io = capture();
    expect(aggregateCommand({ dir, json: false }, io)).toBe(1);
    const report = fs.readFileSync(path.join(dir, 'final_output.md'), 'utf8');
    expect(report).toContain('## T-06: Summarize the test results');
    expect(io.text().out).toBe(
      '❌ Run failed · ✅ 2 done · ❌ 2 failed (1 allowed by on-failure: continue) · ⏭️ 1 skipped · ⚪ 1 not run · cost $0.64 · wall time 4m 30s · 6 attempts\n' +
        `Wrote ${path.join(dir, 'final_output.md')}\n`,
    );
    // No temporary file is left beside the report.
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('exits 0 when every task is done, and prints JSON with --json', () => {
    writePlanOutputs(dir, scenarioPlan, scenarioAnalysis);
    for (const task of scenarioPlan.tasks)
      writeTask(path.join(dir, 'outputs'), task.id, { status: { cost_usd: 0.1 } });
    const io = capture();
    const output = path.join(dir, 'report', 'summary.md');
    expect(aggregateCommand({ dir, output, json: true }, io)).toBe(0);
    expect(JSON.parse(io.text().out)).toEqual({
      status: 'success',
      counts: { done: 6, failed: 0, skipped: 0, cancelled: 0, 'not-run': 0 },
      allowedFailures: 0,
      costUsd: 0.6,
      attempts: 6,
      startedAt: '2026-03-01T10:00:00.000Z',
      endedAt: '2026-03-01T10:01:00.000Z',
      wallMs: 60_000,
      file: output,
    });
    expect(fs.readFileSync(output, 'utf8')).toMatch(/^# Final Output\n/);
  });

  it('reads the plan given with --plan', () => {
    const planFile = path.join(dir, 'plan.yml');
    fs.writeFileSync(planFile, 'version: 1\ntasks:\n  - { id: A, run: a }\n');
    const io = capture();
    expect(aggregateCommand({ dir: path.join(dir, 'run'), plan: planFile, json: false }, io)).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'run', 'final_output.md'), 'utf8')).toContain('**Not run:** A');
  });

  it('refuses a missing plan.json with exit 2, writing nothing', () => {
    const io = capture();
    const call = (): number => aggregateCommand({ dir, json: false }, io);
    expect(call).toThrow(UserError);
    expect(call).toThrow(
      `${path.join(dir, 'plan.json')}: no such file (aggregate reads the plan that \`orchestrator plan\` or \`run\` writes there; give --plan <file> to use another)`,
    );
    try {
      call();
    } catch (error) {
      expect((error as UserError).exitCode).toBe(2);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses an invalid plan with exit 2 and its diagnostics, writing nothing', () => {
    fs.writeFileSync(
      path.join(dir, 'plan.json'),
      '{"version": 1, "tasks": [{"id": "A", "run": "a", "deps": ["Z"]}]}',
    );
    const io = capture();
    expect(() => aggregateCommand({ dir, json: false }, io)).toThrow(
      `${path.join(dir, 'plan.json')}: the plan has 1 error; nothing was written`,
    );
    expect(io.text().err).toContain('depends on unknown task "Z" [unknown-dep]');
    expect(fs.existsSync(path.join(dir, 'final_output.md'))).toBe(false);
  });
});
