/**
 * Mode `aggregate` (docs/github.md, "The job contract"): final_output.md from `<dir>/outputs/` alone (the
 * downloaded artifacts) through report/aggregate.ts, the function behind `orchestrator aggregate`; the job
 * summary is the same report with the request and results as fenced text. The step fails when the run did,
 * as `orchestrator aggregate` exits 1.
 */
import * as core from '@actions/core';
import { analyze } from '../core/analyze.js';
import { aggregate } from '../report/aggregate.js';
import { renderFinalOutput } from '../report/final-output.js';
import { REPORT_STATUSES, summaryLine } from '../report/summary.js';
import { layout } from '../workspace/layout.js';
import { postComment } from './comment.js';
import type { ActionSettings } from './inputs.js';
import { loadPlan } from './load-plan.js';
import type { ModeOutcome } from './outcome.js';

/** Room for the marker and the footer under GitHub's 65,536 characters. */
const COMMENT_BYTES = 60_000;

export async function aggregateMode(settings: ActionSettings): Promise<ModeOutcome> {
  const plan = loadPlan(settings.plan, settings.select);
  const analysis = analyze(plan);
  const files = layout(settings.dir);
  const { reports, summary, file } = aggregate(plan, analysis, files.outputs, files.finalOutput);
  core.setOutput('status', summary.status);
  for (const status of REPORT_STATUSES) core.setOutput(status, summary.counts[status]);
  core.setOutput('counts', JSON.stringify(summary.counts));
  core.setOutput('cost', String(summary.costUsd));
  core.setOutput('final-output', file);
  const shown = renderFinalOutput(plan, analysis, reports, { plainText: true });
  await core.summary.addRaw(shown).write();
  if (settings.comment !== null) {
    const comment = renderFinalOutput(plan, analysis, reports, {
      plainText: true,
      title: 'Results',
      maxBytes: COMMENT_BYTES,
      limitName: "GitHub's size limit for a comment (the whole report is the run's `final-output` artifact)",
    });
    await postComment(settings.comment, comment.replace(/\bBatch #(\d+)/g, 'Batch $1'));
  }
  return { failure: summary.status === 'success' ? null : `the run failed: ${summaryLine(summary)}` };
}
