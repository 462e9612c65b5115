/** Mode `plan`: validate the plan, write the planning outputs to the workspace, publish the master plan. */
import * as core from '@actions/core';
import fs from 'node:fs';
import { analyze } from '../core/analyze.js';
import { writePlanOutputs } from '../workspace/plan-outputs.js';
import type { ActionSettings } from './inputs.js';
import { loadPlan } from './load-plan.js';
import type { ModeOutcome } from './outcome.js';

export async function planMode(settings: ActionSettings): Promise<ModeOutcome> {
  const plan = loadPlan(settings.plan);
  const analysis = analyze(plan);
  const written = writePlanOutputs(settings.dir, plan, analysis);
  core.setOutput('tasks', plan.tasks.length);
  core.setOutput('batches', analysis.batches.length);
  core.setOutput('master-plan', written.masterPlan);
  await core.summary.addRaw(fs.readFileSync(written.masterPlan, 'utf8')).write();
  return { failure: null };
}
