/**
 * Loads the plan for a mode: each finding becomes an annotation at its file and line, and an invalid plan ends
 * the step before anything is written.
 */
import * as core from '@actions/core';
import type { Plan } from '../core/model.js';
import { selectWithDeps } from '../core/select.js';
import { UserError } from '../errors.js';
import { readPlan } from '../workspace/read-plan.js';

/** The plan, or with `select` only those tasks and what they depend on (src/core/select.ts). */
export function loadPlan(file: string, select: readonly string[] = []): Plan {
  const plan = loadWholePlan(file);
  if (select.length === 0) return plan;
  try {
    return selectWithDeps(plan, select);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`input \`select\`: ${error.message}`);
    throw error;
  }
}

function loadWholePlan(file: string): Plan {
  const loaded = readPlan(file);
  for (const d of loaded.diagnostics) {
    const props = { file: d.file, startLine: d.line, startColumn: d.column, title: d.rule };
    if (d.severity === 'error') core.error(d.message, props);
    else core.warning(d.message, props);
  }
  if (loaded.plan === null) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    throw new UserError(`${file}: the plan has ${errors} error${errors === 1 ? '' : 's'} (annotated above)`);
  }
  return loaded.plan;
}
