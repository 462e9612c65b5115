/**
 * Mode `plan`: validate the plan, write the planning outputs to the workspace, publish the master plan (job
 * summary, and the sticky pull request comment with `comment: true`), and output what the reusable workflow
 * needs: one matrix per level (`matrices`, for its waves), the number of levels, the agents used.
 */
import * as core from '@actions/core';
import fs from 'node:fs';
import { analyze, type Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { estimateJobs, formatEstimates } from '../github/estimate.js';
import { groupJobs } from '../github/group.js';
import { waveMatrices } from '../github/waves.js';
import { writePlanOutputs } from '../workspace/plan-outputs.js';
import { postComment } from './comment.js';
import type { ActionSettings } from './inputs.js';
import { loadPlan } from './load-plan.js';
import type { ModeOutcome } from './outcome.js';

export async function planMode(settings: ActionSettings): Promise<ModeOutcome> {
  const plan = loadPlan(settings.plan, settings.select);
  const analysis = analyze(plan);
  // Before anything is written: a plan too deep for the waves ends the step with what to do instead.
  const waves = waveMatrices(plan, analysis, settings.maxWaves === 0 ? Infinity : settings.maxWaves);
  const written = writePlanOutputs(settings.dir, plan, analysis);
  core.setOutput('tasks', plan.tasks.length);
  core.setOutput('batches', analysis.batches.length);
  core.setOutput('levels', analysis.batches.length);
  core.setOutput('master-plan', written.masterPlan);
  core.setOutput('matrices', JSON.stringify(waves.matrices));
  core.setOutput('agents', JSON.stringify([...new Set(plan.tasks.map((t) => t.agent))].sort()));
  // On GitHub, `#1` links to issue 1: the seed's "Batch #1" reads "Batch 1" there (the file keeps the seed's).
  const masterPlan = fs.readFileSync(written.masterPlan, 'utf8').replace(/\bBatch #(\d+)/g, 'Batch $1');
  const body = `${masterPlan.trimEnd()}\n\n${estimatesSection(plan, analysis)}`;
  await core.summary.addRaw(body).write();
  if (settings.comment !== null) await postComment(settings.comment, body);
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
