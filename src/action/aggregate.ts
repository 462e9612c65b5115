/**
 * Mode `aggregate` (docs/github.md, "The job contract"): the downloaded artifacts imported from `<dir>/downloads/`
 * into `<dir>/outputs/` (runner/downloads.ts: each artifact speaks only for its own tasks, the rest is refused and
 * annotated), then final_output.md from `outputs/` alone through report/aggregate.ts, the function behind
 * `orchestrator aggregate`; the job summary is the same report with the request and results as fenced text. The
 * step fails when the run did, or when an artifact held what it may not, as `orchestrator aggregate` exits 1.
 */
import * as core from '@actions/core';
import { analyze } from '../core/analyze.js';
import { aggregate } from '../report/aggregate.js';
import { neutralizeGithubText } from '../render/github-text.js';
import { renderFinalOutput } from '../report/final-output.js';
import { REPORT_STATUSES, summaryLine } from '../report/summary.js';
import { tamperingSection, withTamperingSection } from '../report/tampering.js';
import { importDownloads } from '../runner/downloads.js';
import { layout } from '../workspace/layout.js';
import { postComment } from './comment.js';
import type { ActionSettings } from './inputs.js';
import { annotateTampering } from './tampering.js';
import { loadPlan } from './load-plan.js';
import type { ModeOutcome } from './outcome.js';

/** Room for the marker and the footer under GitHub's 65,536 characters. */
const COMMENT_BYTES = 60_000;

export async function aggregateMode(settings: ActionSettings): Promise<ModeOutcome> {
  const plan = loadPlan(settings.plan, settings.planOrigin, settings.select);
  const analysis = analyze(plan);
  const files = layout(settings.dir);
  const { tampering } = importDownloads(plan, files.root, settings.sources);
  annotateTampering(tampering);
  const { reports, summary, file } = aggregate(plan, analysis, files.outputs, files.finalOutput, tampering);
  core.setOutput('status', summary.status);
  for (const status of REPORT_STATUSES) core.setOutput(status, summary.counts[status]);
  core.setOutput('counts', JSON.stringify(summary.counts));
  core.setOutput('cost', String(summary.costUsd));
  core.setOutput('final-output', file);
  const shown = renderFinalOutput(plan, analysis, reports, { plainText: true });
  await core.summary.addRaw(neutralizeGithubText(withTamperingSection(shown, tampering))).write();
  if (settings.comment !== null) {
    // Statuses, errors and results (redacted when their task job staged them), never a log: a comment is public
    // and notifies; it says where each log is (comment.ts makes it inert and redacts what this job holds).
    const comment = renderFinalOutput(plan, analysis, reports, {
      plainText: true,
      logs: false,
      title: 'Results',
      maxBytes: COMMENT_BYTES - Buffer.byteLength(tamperingSection(tampering)),
      limitName: "GitHub's size limit for a comment (the whole report is the run's `final-output` artifact)",
    });
    await postComment(
      settings.comment,
      withTamperingSection(comment, tampering).replace(/\bBatch #(\d+)/g, 'Batch $1'),
    );
  }
  const problems: string[] = [];
  if (summary.status !== 'success') problems.push(`the run failed: ${summaryLine(summary)}`);
  if (tampering.length > 0) {
    const paths = tampering.length === 1 ? '1 path' : `${tampering.length} paths`;
    problems.push(
      `${paths} of the downloaded artifacts refused: an artifact held what is not its own (annotated above)`,
    );
  }
  return { failure: problems.length === 0 ? null : problems.join('; ') };
}
