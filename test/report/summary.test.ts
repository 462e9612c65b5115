import { describe, expect, it } from 'vitest';
import type { OnFailure } from '../../src/core/model.js';
import type { ReportStatus, TaskReport } from '../../src/report/collect.js';
import { formatCost, summarize, summaryLine } from '../../src/report/summary.js';
import type { TaskStatusFile } from '../../src/runner/status.js';
import { statusFile } from './support.js';

let counter = 0;
function report(
  status: ReportStatus,
  onFailure: OnFailure = 'fail-fast',
  file: Partial<TaskStatusFile> = {},
): TaskReport {
  const id = `T-${++counter}`;
  return {
    id,
    index: 0,
    onFailure,
    status,
    file: status === 'not-run' ? null : { ...statusFile(id), status, ...file },
    notes: [],
    result: null,
    log: null,
    files: [],
    moreFiles: 0,
  };
}

describe('summarize: the run fails or succeeds as DESIGN §4 says', () => {
  it('succeeds when every task is done', () => {
    expect(summarize([report('done'), report('done')]).status).toBe('success');
  });

  it.each(['fail-fast', 'skip-dependents'] as const)('fails when a task under %s failed', (policy) => {
    expect(summarize([report('done'), report('failed', policy)]).status).toBe('failure');
  });

  it('succeeds when the only failure is of an on-failure: continue task, and counts it', () => {
    const summary = summarize([report('done'), report('failed', 'continue'), report('done')]);
    expect(summary).toMatchObject({ status: 'success', allowedFailures: 1 });
    expect(summary.counts.failed).toBe(1);
  });

  it('fails when a continue failure comes with another failure', () => {
    expect(summarize([report('failed', 'continue'), report('failed', 'fail-fast')]).status).toBe('failure');
  });

  it('fails when a task was cancelled, whatever its policy', () => {
    expect(summarize([report('done'), report('cancelled', 'continue')]).status).toBe('failure');
  });

  it('fails when a task did not run (no folder, no usable status.json)', () => {
    expect(summarize([report('done'), report('not-run', 'continue')]).status).toBe('failure');
  });

  it('does not fail for a skipped task by itself: the failure that caused it is counted', () => {
    expect(summarize([report('done'), report('skipped', 'continue')]).status).toBe('success');
    expect(summarize([report('failed', 'skip-dependents'), report('skipped')]).status).toBe('failure');
  });

  it('succeeds on an empty plan', () => {
    expect(summarize([])).toEqual({
      status: 'success',
      counts: { done: 0, failed: 0, skipped: 0, cancelled: 0, 'not-run': 0 },
      allowedFailures: 0,
      costUsd: 0,
      attempts: 0,
      startedAt: null,
      endedAt: null,
      wallMs: null,
    });
  });
});

describe('summarize: totals', () => {
  it('sums costs and attempts, and measures the wall time from the earliest start to the latest end', () => {
    const summary = summarize([
      report('done', 'fail-fast', {
        attempts: 1,
        cost_usd: 0.1,
        started_at: '2026-03-01T10:00:05.000Z',
        ended_at: '2026-03-01T10:01:00.000Z',
      }),
      report('failed', 'continue', {
        attempts: 3,
        cost_usd: 0.2,
        started_at: '2026-03-01T10:00:00.000Z',
        ended_at: '2026-03-01T10:00:30.000Z',
      }),
      report('skipped', 'fail-fast', { attempts: 0, started_at: null, ended_at: null, duration_ms: null }),
      report('not-run'),
    ]);
    expect(summary).toEqual({
      status: 'failure',
      counts: { done: 1, failed: 1, skipped: 1, cancelled: 0, 'not-run': 1 },
      allowedFailures: 1,
      costUsd: 0.3,
      attempts: 4,
      startedAt: '2026-03-01T10:00:00.000Z',
      endedAt: '2026-03-01T10:01:00.000Z',
      wallMs: 60_000,
    });
  });
});

describe('summaryLine', () => {
  it('says all done in one head', () => {
    expect(summaryLine(summarize([report('done'), report('done')]))).toBe(
      '✅ All 2 tasks done · wall time 1m · 2 attempts',
    );
  });

  it('names allowed failures and every status there is', () => {
    const line = summaryLine(
      summarize([
        report('done', 'fail-fast', { cost_usd: 0.0123 }),
        report('failed', 'continue'),
        report('skipped'),
      ]),
    );
    expect(line).toBe(
      '✅ Succeeded · ✅ 1 done · ❌ 1 failed (allowed by on-failure: continue) · ⏭️ 1 skipped · cost $0.012 · wall time 1m · 3 attempts',
    );
  });

  it('says the run failed', () => {
    expect(summaryLine(summarize([report('failed'), report('failed', 'continue'), report('not-run')]))).toBe(
      '❌ Run failed · ❌ 2 failed (1 allowed by on-failure: continue) · ⚪ 1 not run · wall time 1m · 2 attempts',
    );
  });
});

describe('formatCost', () => {
  it.each([
    [0, '$0.00'],
    [0.42, '$0.42'],
    [0.0123, '$0.012'],
    [0.0031, '$0.0031'],
    [0.000001, '$0.000001'],
    [0.02, '$0.02'],
    [0.0201, '$0.02'],
    [0.1, '$0.10'],
    [12.345, '$12.35'],
  ])('%d → %s', (usd, text) => {
    expect(formatCost(usd)).toBe(text);
  });
});
