import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { collectResults } from '../../src/report/collect.js';
import { FINAL_OUTPUT_MAX_BYTES, renderFinalOutput } from '../../src/report/final-output.js';
import { load } from '../support/plans.js';
import { scenarioAnalysis, scenarioPlan, writeScenario } from './scenario.js';
import { expectGolden, writeTask } from './support.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'orchestrator-report-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** The lines of a markdown text that are outside fenced code blocks (CommonMark's closing rule). */
function linesOutsideFences(markdown: string): string[] {
  const outside: string[] = [];
  let open: string | null = null;
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (open === null) {
      if (m !== null) open = m[1]!;
      else outside.push(line);
    } else if (m !== null && m[2]!.trim() === '' && m[1]![0] === open[0] && m[1]!.length >= open.length) {
      open = null;
    }
  }
  expect(open, 'a fence is left open at the end').toBeNull();
  return outside;
}

function scenario(): string {
  const outputs = path.join(root, 'outputs');
  writeScenario(outputs);
  return renderFinalOutput(scenarioPlan, scenarioAnalysis, collectResults(scenarioPlan, outputs));
}

describe('renderFinalOutput', () => {
  it('renders the scenario (golden)', () => {
    expectGolden('final_output.md', scenario());
  });

  it('is deterministic: the same files give the same bytes', () => {
    expect(scenario()).toBe(scenario());
  });

  it('keeps every task heading outside code, whatever the results leave open', () => {
    const outside = linesOutsideFences(scenario());
    for (const task of scenarioPlan.tasks) {
      expect(
        outside.some((line) => line.startsWith(`## ${task.id}: `)),
        task.id,
      ).toBe(true);
    }
  });

  it('shows hostile text literally', () => {
    const text = scenario();
    expect(text).not.toContain('<script>');
    expect(text).toContain('Audit \\`auth\\` \\| ${{ github.token }} &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('fences a log with a longer fence than any backtick run in it', () => {
    expect(scenario()).toContain('`````text\n');
  });

  it('says who never ran, and why', () => {
    const text = scenario();
    expect(text).toContain('**Not run:** T-05');
    expect(text).toContain('**Why:** no status.json: the task started but its job ended before writing one.');
  });

  it('counts a task it was given no report for as not run', () => {
    const text = renderFinalOutput(scenarioPlan, scenarioAnalysis, []);
    expect(text).toContain('**❌ Run failed** · ⚪ 6 not run · 0 attempts');
    expect(text).toContain('**Why:** no report for this task.');
    expect(text).toContain('_No task started: there is no timeline._');
  });

  it('uses the title it is given, escaped', () => {
    const outputs = path.join(root, 'outputs');
    const text = renderFinalOutput(scenarioPlan, scenarioAnalysis, collectResults(scenarioPlan, outputs), {
      title: 'Run #12 | <b>',
    });
    expect(text.split('\n')[0]).toBe('# Run #12 \\| &lt;b&gt;');
  });

  it('stays under the job summary limit when the results total several MiB, and says what it left out', () => {
    const n = 30;
    const plan = load(
      `version: 1\ntasks:\n${Array.from({ length: n }, (_, i) => `  - { id: T-${i}, run: x }\n`).join('')}`,
    );
    const outputs = path.join(root, 'outputs');
    const result = `${'A line of a long result, repeated.\n'.repeat(7_000)}`; // about 240 KiB each, 7 MiB in all
    plan.tasks.forEach((task) => writeTask(outputs, task.id, { status: {}, result }));
    const text = renderFinalOutput(plan, analyze(plan), collectResults(plan, outputs));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(FINAL_OUTPUT_MAX_BYTES);
    expect(text).toContain(
      "> This report is shortened to stay under GitHub's 1 MiB limit for a job summary: each result shows at most 16 KiB",
    );
    expect(text).toContain(
      '_Cut here: this shows 16 KiB of 239 KiB; the whole result is in `outputs/T-0/result.md`._',
    );
    linesOutsideFences(text);
  });

  it('cuts the table itself for a plan of tens of thousands of tasks', () => {
    const n = 20_000;
    const plan = load(
      `version: 1\ntasks:\n${Array.from({ length: n }, (_, i) => `  - { id: T-${i}, run: x, title: "Task number ${i} of a very large plan" }\n`).join('')}`,
    );
    const text = renderFinalOutput(plan, analyze(plan), collectResults(plan, path.join(root, 'outputs')));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(FINAL_OUTPUT_MAX_BYTES);
    expect(text).toMatch(/no task has a section; the table lists \d+ of 20000 tasks/);
    expect(text).toMatch(/_… and \d+ more tasks\._/);
    expect(text).toContain('_The graph is omitted: the plan has 20000 tasks, more than 200.');
  });
});
