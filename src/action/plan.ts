/**
 * Mode `plan`: validate the plan, write the planning outputs to the workspace, publish the plan for review (job
 * summary, and the sticky pull request comment with `comment: true`: everything that will run, and the plan
 * file's sha256), and output what the reusable workflow needs: one matrix per level (`matrices`, for its waves,
 * each leg naming the agents it runs), which tasks each multi-task leg's artifact holds (`sources`), the number
 * of levels, the agents used, and the plan file's `sha256`.
 */
import * as core from '@actions/core';
import { analyze, type Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { estimateJobs, formatEstimates } from '../github/estimate.js';
import { groupJobs } from '../github/group.js';
import { waveMatrices } from '../github/waves.js';
import { renderPostedPlan } from '../render/posted-plan.js';
import { writePlanOutputs } from '../workspace/plan-outputs.js';
import { postComment } from './comment.js';
import type { ActionSettings } from './inputs.js';
import { loadPlanFile } from './load-plan.js';
import type { ModeOutcome } from './outcome.js';

/** Under GitHub's 1 MiB for a job summary, with room for what a workflow may append to it. */
const SUMMARY_BYTES = 900 * 1024;
/** Under GitHub's 65,536 characters for a comment, with room for the marker and the footer. */
const COMMENT_BYTES = 60_000;

export async function planMode(settings: ActionSettings): Promise<ModeOutcome> {
  const loaded = loadPlanFile(settings.plan, settings.planOrigin, settings.select);
  const plan = loaded.plan;
  const analysis = analyze(plan);
  // Before anything is written: a plan too deep for the waves ends the step with what to do instead.
  const waves = waveMatrices(plan, analysis, settings.maxWaves === 0 ? Infinity : settings.maxWaves);
  const written = writePlanOutputs(settings.dir, plan, analysis);
  core.setOutput('tasks', plan.tasks.length);
  core.setOutput('batches', analysis.batches.length);
  core.setOutput('levels', analysis.batches.length);
  core.setOutput('master-plan', written.masterPlan);
  core.setOutput('matrices', JSON.stringify(waves.matrices));
  core.setOutput('sources', waves.sources);
  core.setOutput('agents', JSON.stringify([...new Set(plan.tasks.map((t) => t.agent))].sort()));
  core.setOutput('sha256', loaded.sha256);
  // What is posted is what will run (render/posted-plan.ts), not the seed's master plan: a reviewer approves
  // the commands, prompts, env and tools, and the digest of the file that holds them.
  const shown = (maxBytes: number, elsewhere: string): string =>
    renderPostedPlan(plan, analysis, {
      file: { name: loaded.file, sha256: loaded.sha256 },
      after: [estimatesSection(plan, analysis)],
      maxBytes,
      elsewhere,
    });
  await core.summary.addRaw(shown(SUMMARY_BYTES, 'the plan file (named above)')).write();
  if (settings.comment !== null) {
    await postComment(
      settings.comment,
      shown(COMMENT_BYTES, "this run's job summary, or the plan file (named above)"),
    );
  }
  return { failure: null };
}

/** What running the plan on GitHub costs, by the dynamic run's waves and by a compiled workflow. */
function estimatesSection(plan: Plan, analysis: Analysis): string {
  const estimate = (group: 'level' | 'auto', name: string) =>
    estimateJobs(plan, analysis, groupJobs(plan, analysis, { group, fuseChains: false }), {}, name);
  const table = formatEstimates([
    estimate('level', 'waves (reusable workflow)'),
    estimate('auto', 'generated workflow'),
  ]);
  return `## Estimate on GitHub Actions\n\n\`\`\`text\n${table.replaceAll('`', "'")}\n\`\`\`\n`;
}
