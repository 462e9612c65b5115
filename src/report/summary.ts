/**
 * The outcome of a run, from its task reports alone: the aggregate's exit code and the report's overall line.
 */
import { humanDuration } from '../core/duration.js';
import { statusMark } from '../render/status.js';
import { plural } from '../render/text.js';
import type { ReportStatus, TaskReport } from './collect.js';

export interface RunSummary {
  status: 'success' | 'failure';
  counts: Record<ReportStatus, number>;
  /** Failed tasks whose `on-failure: continue` lets the run succeed anyway. */
  allowedFailures: number;
  /** The sum of the costs the agents reported (tasks without one count for nothing). */
  costUsd: number;
  attempts: number;
  /** The earliest start and the latest end (ISO 8601), null when no task has one. */
  startedAt: string | null;
  endedAt: string | null;
  /** From the earliest start to the latest end. */
  wallMs: number | null;
}

/** Display order of the statuses, as in the seed's legend. */
export const REPORT_STATUSES: readonly ReportStatus[] = ['done', 'failed', 'skipped', 'cancelled', 'not-run'];

/**
 * Whether the run failed, following DESIGN §4 "Failure":
 * - a failed task fails the run, unless its `on-failure` is `continue` ("goes on; exit 0 if nothing else
 *   failed"): such a failure is recorded and counted, but does not change the outcome;
 * - a cancelled task fails the run: something (fail-fast, an interrupt) stopped it before it could finish;
 * - a task that did not run (no folder, no usable status.json) fails the run: its work is not done, and
 *   nothing says why, so success cannot be claimed;
 * - a skipped task does not, by itself: it is skipped because a dep failed under `skip-dependents`, and that
 *   failure is already counted.
 */
export function summarize(reports: readonly TaskReport[]): RunSummary {
  const counts: Record<ReportStatus, number> = { done: 0, failed: 0, skipped: 0, cancelled: 0, 'not-run': 0 };
  let failing = 0;
  let allowedFailures = 0;
  let cost = 0;
  let attempts = 0;
  let start = Infinity;
  let end = -Infinity;
  for (const report of reports) {
    counts[report.status]++;
    if (report.status === 'failed' && report.onFailure === 'continue') allowedFailures++;
    else if (report.status === 'failed' || report.status === 'cancelled' || report.status === 'not-run')
      failing++;
    const file = report.file;
    if (file === null) continue;
    cost += file.cost_usd ?? 0;
    attempts += file.attempts;
    if (file.started_at !== null) start = Math.min(start, Date.parse(file.started_at));
    if (file.ended_at !== null) end = Math.max(end, Date.parse(file.ended_at));
  }
  const startedAt = Number.isFinite(start) ? new Date(start).toISOString() : null;
  const endedAt = Number.isFinite(end) ? new Date(end).toISOString() : null;
  return {
    status: failing === 0 ? 'success' : 'failure',
    counts,
    allowedFailures,
    // Summing floats leaves noise like 0.30000000000000004 in the JSON.
    costUsd: Math.round(cost * 1e6) / 1e6,
    attempts,
    startedAt,
    endedAt,
    wallMs: Number.isFinite(start) && Number.isFinite(end) && end >= start ? end - start : null,
  };
}

export function reportMark(status: ReportStatus): string {
  return status === 'not-run' ? '⚪' : statusMark(status);
}

const REPORT_LABELS: Record<ReportStatus, string> = {
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  'not-run': 'Not run',
};

export function reportLabel(status: ReportStatus): string {
  return REPORT_LABELS[status];
}

/** `$0.42`; fractions of a cent keep two significant digits (`$0.0031`), as agent calls often cost that. */
export function formatCost(usd: number): string {
  if (usd === 0 || usd >= 1) return `$${usd.toFixed(2)}`;
  const decimals = Math.min(6, Math.max(2, 1 - Math.floor(Math.log10(usd))));
  // $0.020 reads as more precise than it is: drop zeros past the cents.
  return `$${usd.toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
}

/**
 * The overall line, in plain text that is also valid markdown (no plan text in it), as a head and details:
 * `❌ Run failed` · `✅ 3 done · ❌ 1 failed · ⚪ 1 not run · cost $0.42 · wall time 4m 5s · 6 attempts`.
 */
export function summaryParts(summary: RunSummary): { head: string; details: string[] } {
  const total = REPORT_STATUSES.reduce((n, s) => n + summary.counts[s], 0);
  let head: string;
  if (summary.status === 'failure') head = `${statusMark('failed')} Run failed`;
  else if (summary.counts.done === total)
    head = `${statusMark('done')} ${total === 1 ? 'The task is done' : `All ${total} tasks done`}`;
  else head = `${statusMark('done')} Succeeded`;
  const details: string[] = [];
  // With everything done, "✅ 5 done" would only repeat the head.
  if (summary.counts.done !== total) {
    for (const status of REPORT_STATUSES) {
      const count = summary.counts[status];
      if (count === 0) continue;
      let allowed = '';
      if (status === 'failed' && summary.allowedFailures > 0) {
        const which =
          summary.allowedFailures === count
            ? count === 1
              ? 'allowed'
              : 'all allowed'
            : `${summary.allowedFailures} allowed`;
        allowed = ` (${which} by on-failure: continue)`;
      }
      details.push(`${reportMark(status)} ${count} ${reportLabel(status).toLowerCase()}${allowed}`);
    }
  }
  if (summary.costUsd > 0) details.push(`cost ${formatCost(summary.costUsd)}`);
  if (summary.wallMs !== null) details.push(`wall time ${humanDuration(summary.wallMs)}`);
  details.push(plural(summary.attempts, 'attempt'));
  return { head, details };
}

/** The overall line as one string, for the terminal. */
export function summaryLine(summary: RunSummary): string {
  const { head, details } = summaryParts(summary);
  return [head, ...details].join(' · ');
}
