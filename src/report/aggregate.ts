/**
 * The aggregate operation of the job contract (docs/github.md): the report from `outputs/` alone, whatever ran
 * and wherever (a local run, or the artifacts a GitHub aggregate job downloaded). `orchestrator aggregate` and
 * the action's `aggregate` mode both call it.
 */
import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import type { Tampering } from '../runner/downloads.js';
import { writeFileAtomic } from '../workspace/atomic.js';
import { collectResults, type TaskReport } from './collect.js';
import { renderFinalOutput } from './final-output.js';
import { summarize, type RunSummary } from './summary.js';
import { withTamperingNotes, withTamperingSection } from './tampering.js';

export interface Aggregate {
  /** One per task, in plan order; a task with no folder in `outputs/` is `not-run`. */
  reports: TaskReport[];
  summary: RunSummary;
  /** Where final_output.md was written. */
  file: string;
}

/**
 * Reads `outputsDir`, writes final_output.md to `target`; `tampering`, what the import of the downloaded
 * artifacts refused (runner/downloads.ts), is shown at the top and noted on the tasks concerned.
 */
export function aggregate(
  plan: Plan,
  analysis: Analysis,
  outputsDir: string,
  target: string,
  tampering: readonly Tampering[] = [],
): Aggregate {
  const reports = withTamperingNotes(plan, collectResults(plan, outputsDir), tampering);
  writeFileAtomic(target, withTamperingSection(renderFinalOutput(plan, analysis, reports), tampering));
  return { reports, summary: summarize(reports), file: target };
}
