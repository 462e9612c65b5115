import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  collectResults,
  LOG_TAIL_LINES,
  MAX_LISTED_FILES,
  MAX_RESULT_BYTES,
} from '../../src/report/collect.js';
import { load } from '../support/plans.js';
import { writeTask } from './support.js';

const plan = load(`version: 1
tasks:
  - { id: A, run: a }
  - { id: B, run: b, deps: [A], on-failure: continue }
  - { id: C, run: c, deps: [A] }
`);

let outputs: string;
beforeEach(() => {
  outputs = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'orchestrator-report-')), 'outputs');
});
afterEach(() => {
  fs.rmSync(path.dirname(outputs), { recursive: true, force: true });
});

describe('collectResults', () => {
  it('reports every task as not run when there is no outputs folder at all', () => {
    const reports = collectResults(plan, outputs);
    expect(reports.map((r) => [r.id, r.index, r.status, r.notes])).toEqual([
      ['A', 0, 'not-run', ['no output folder: the task never ran']],
      ['B', 1, 'not-run', ['no output folder: the task never ran']],
      ['C', 2, 'not-run', ['no output folder: the task never ran']],
    ]);
    expect(reports[1]!.onFailure).toBe('continue');
  });

  it('reads status.json, result.md and the other files of a done task', () => {
    writeTask(outputs, 'A', {
      status: { cost_usd: 0.25, tokens: { input: 10, output: 2 } },
      result: 'All good.\n',
      log: 'not read for a done task\n',
      extra: { 'report.txt': 'x', 'sub/dir/data.json': '{}', 'prompt.md': 'the runner wrote this' },
    });
    const [a] = collectResults(plan, outputs);
    expect(a).toMatchObject({
      status: 'done',
      notes: [],
      result: { text: 'All good.\n', bytes: 10, truncated: false },
      log: null,
      files: ['report.txt', 'sub/dir/data.json'],
      moreFiles: 0,
    });
    expect(a!.file).toMatchObject({ id: 'A', status: 'done', attempts: 1, cost_usd: 0.25 });
  });

  it('turns a missing status.json into "not run" with a note, and keeps the log that says why', () => {
    writeTask(outputs, 'A', { log: 'starting\nSegmentation fault\n' });
    const [a] = collectResults(plan, outputs);
    expect(a).toMatchObject({
      status: 'not-run',
      file: null,
      notes: ['no status.json: the task started but its job ended before writing one'],
      log: { lines: ['starting', 'Segmentation fault'], truncated: false },
    });
  });

  it.each([
    ['{"id": "A", "status": "done"', /^status\.json is not valid JSON \(/],
    ['[1, 2]', /^status\.json is not a JSON object$/],
    ['{"status": "done"}', /^status\.json has no `id`$/],
    ['{"id": "B", "status": "done"}', /^status\.json is for task "B", not "A"$/],
    [
      '{"id": "A", "status": "running"}',
      /^status\.json has status "running", not one of done, failed, skipped, cancelled$/,
    ],
    ['', /^status\.json is not valid JSON/],
  ])('turns a malformed status.json (%j) into "not run" with a note', (text, note) => {
    writeTask(outputs, 'A', { status: text, result: 'partial' });
    const [a] = collectResults(plan, outputs);
    expect(a!.status).toBe('not-run');
    expect(a!.file).toBeNull();
    expect(a!.notes).toHaveLength(1);
    expect(a!.notes[0]).toMatch(note);
    expect(a!.result?.text).toBe('partial');
  });

  it('keeps the outcome when another field is wrong, dropping that field with a note', () => {
    writeTask(outputs, 'A', {
      status: JSON.stringify({
        id: 'A',
        status: 'failed',
        attempts: -1,
        cost_usd: '0.1',
        started_at: 'yesterday',
      }),
    });
    const [a] = collectResults(plan, outputs);
    expect(a!.status).toBe('failed');
    expect(a!.file).toMatchObject({
      attempts: 0,
      cost_usd: null,
      started_at: null,
      ended_at: null,
      error: null,
    });
    expect(a!.notes).toEqual([
      'status.json: `attempts` is -1, not a count; ignored',
      'status.json: `started_at` is "yesterday", not a date; ignored',
      'status.json: `cost_usd` is "0.1", not an amount in dollars; ignored',
    ]);
  });

  it('reads at most MAX_RESULT_BYTES of result.md, never splitting a character, and says so', () => {
    // 'é' is two bytes: the limit falls in the middle of one.
    const text = `${'a'.repeat(MAX_RESULT_BYTES - 1)}é${'b'.repeat(1000)}`;
    writeTask(outputs, 'A', { status: {}, result: text });
    const [a] = collectResults(plan, outputs);
    const { text: read, ...rest } = a!.result!;
    expect(rest).toEqual({ bytes: MAX_RESULT_BYTES + 1001, truncated: true });
    // Compared as a boolean: a failed comparison of 256 KiB strings would print them whole.
    expect(read === 'a'.repeat(MAX_RESULT_BYTES - 1)).toBe(true);
  });

  it("keeps the last lines of a failed task's log, without terminal escapes", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `\u001b[31mline ${i + 1}\u001b[0m\r`);
    writeTask(outputs, 'A', {
      status: { status: 'failed', exit_code: 1, error: 'exit code 1' },
      log: `${lines.join('\n')}\n\n`,
    });
    const [a] = collectResults(plan, outputs);
    expect(a!.log!.truncated).toBe(true);
    expect(a!.log!.lines).toHaveLength(LOG_TAIL_LINES);
    expect(a!.log!.lines[0]).toBe('line 61');
    expect(a!.log!.lines.at(-1)).toBe('line 100');
  });

  it('reads only the end of a huge log', () => {
    const big = `${'x'.repeat(5 * 1024 * 1024)}\nfirst kept\nlast line`;
    writeTask(outputs, 'A', { status: { status: 'failed' }, log: big });
    const [a] = collectResults(plan, outputs);
    expect(a!.log!.lines).toEqual(['first kept', 'last line']);
    expect(a!.log!.truncated).toBe(true);
  });

  it('refuses links and special files instead of following them', () => {
    writeTask(outputs, 'A', { status: {} });
    const secret = path.join(path.dirname(outputs), 'secret.txt');
    fs.writeFileSync(secret, 'secret');
    fs.symlinkSync(secret, path.join(outputs, 'A', 'result.md'));
    fs.mkdirSync(path.join(outputs, 'B'));
    fs.symlinkSync(path.join(outputs, 'A', 'status.json'), path.join(outputs, 'B', 'status.json'));
    const [a, b] = collectResults(plan, outputs);
    expect(a!.result).toBeNull();
    expect(a!.notes).toEqual(['result.md is not a regular file; ignored']);
    expect(b!.notes).toEqual(['status.json is not a regular file; ignored']);
  });

  it('lists a bounded number of files, in a stable order', () => {
    const extra = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [`f-${String(i).padStart(3, '0')}.txt`, '']),
    );
    writeTask(outputs, 'A', { status: {}, extra });
    const [a] = collectResults(plan, outputs);
    expect(a!.files).toHaveLength(MAX_LISTED_FILES);
    expect(a!.files[0]).toBe('f-000.txt');
    expect(a!.moreFiles).toBe(50);
  });
});
