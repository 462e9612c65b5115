/**
 * The GitHub Action entry (action.yml). For now one mode, `plan`: validate the plan, write .orchestrator/, and
 * publish the master plan as the job summary. The `task`, `aggregate` and `decompose` modes come with the
 * compiler and action issues.
 */
import * as core from '@actions/core';
import fs from 'node:fs';
import { analyze } from '../core/analyze.js';
import { readPlan } from '../workspace/read-plan.js';
import { UserError } from '../errors.js';
import { writePlanOutputs } from '../workspace/plan-outputs.js';
import { DEFAULT_DIR } from '../workspace/layout.js';

const MODES = ['plan'] as const;

export async function run(): Promise<void> {
  try {
    const mode = core.getInput('mode') || 'plan';
    if (!(MODES as readonly string[]).includes(mode)) {
      throw new UserError(`input \`mode\` must be one of ${MODES.join(', ')}; got ${JSON.stringify(mode)}`);
    }
    const file = core.getInput('plan', { required: true });
    const loaded = readPlan(file);
    for (const d of loaded.diagnostics) {
      const props = { file: d.file, startLine: d.line, startColumn: d.column, title: d.rule };
      if (d.severity === 'error') core.error(d.message, props);
      else core.warning(d.message, props);
    }
    if (loaded.plan === null) {
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
      throw new UserError(
        `${file}: the plan has ${errors} error${errors === 1 ? '' : 's'} (annotated above)`,
      );
    }
    const analysis = analyze(loaded.plan);
    const written = writePlanOutputs(DEFAULT_DIR, loaded.plan, analysis);
    core.setOutput('tasks', loaded.plan.tasks.length);
    core.setOutput('batches', analysis.batches.length);
    core.setOutput('master-plan', written.masterPlan);
    await core.summary.addRaw(fs.readFileSync(written.masterPlan, 'utf8')).write();
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
