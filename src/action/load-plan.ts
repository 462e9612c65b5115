/**
 * Loads the plan for a mode: each finding becomes an annotation at its file and line, and an invalid plan ends
 * the step before anything is written.
 *
 * `origin` says who wrote the plan (input `plan-origin`). A plan from `decompose` was written by a planner from
 * text anyone may have written: it is also held to the stricter rules of core/validate/untrusted.ts (no env that
 * redirects the agent's key or injects code, no custom agents), and refused when it breaks one. This is the one
 * place every mode (plan, task, aggregate) checks it.
 */
import * as core from '@actions/core';
import crypto from 'node:crypto';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Plan } from '../core/model.js';
import { formatOf } from '../core/plan-file.js';
import { selectWithDeps } from '../core/select.js';
import { untrustedDiagnostics } from '../core/validate/untrusted.js';
import { UserError } from '../errors.js';
import { readPlan } from '../workspace/read-plan.js';
import type { PlanOrigin } from './inputs.js';

export interface LoadedPlanFile {
  plan: Plan;
  /** The file read: `file` itself, or the plan file inside the folder `file` names. */
  file: string;
  /** The sha256 of the bytes the plan was parsed from, hex: the digest a reviewed plan is named by. */
  sha256: string;
}

/**
 * The plan, or with `select` only those tasks and what they depend on (src/core/select.ts). The stricter rules
 * of a decomposed plan apply to the whole plan, whatever is selected.
 */
export function loadPlan(
  file: string,
  origin: PlanOrigin = 'repository',
  select: readonly string[] = [],
): Plan {
  return loadPlanFile(file, origin, select).plan;
}

/** loadPlan, with the file read and its digest. */
export function loadPlanFile(
  file: string,
  origin: PlanOrigin = 'repository',
  select: readonly string[] = [],
): LoadedPlanFile {
  const loaded = loadWholePlan(file, origin);
  if (select.length === 0) return loaded;
  try {
    return { ...loaded, plan: selectWithDeps(loaded.plan, select) };
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`input \`select\`: ${error.message}`);
    throw error;
  }
}

function loadWholePlan(file: string, origin: PlanOrigin): LoadedPlanFile {
  const loaded = readPlan(file);
  annotate(loaded.diagnostics);
  if (loaded.plan === null) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    throw new UserError(`${file}: the plan has ${errors} error${errors === 1 ? '' : 's'} (annotated above)`);
  }
  if (origin === 'decompose') {
    // The very bytes the plan was parsed from: a file changed between two reads cannot pass one check and
    // run as another.
    const refused = untrustedDiagnostics({
      file: loaded.file,
      bytes: loaded.bytes,
      format: formatOf(loaded.file),
    });
    if (refused.length > 0) {
      annotate(refused);
      const lines = refused.map((d) => `  ${d.file}:${d.line}:${d.column}: ${d.message} [${d.rule}]`);
      throw new UserError(
        `${file}: the plan comes from decompose (plan-origin: decompose) and breaks ${refused.length === 1 ? 'a rule' : `${refused.length} rules`} for decomposed plans; it is not run or shown as runnable:\n${lines.join('\n')}`,
      );
    }
  }
  const sha256 = crypto.createHash('sha256').update(loaded.bytes).digest('hex');
  return { plan: loaded.plan, file: loaded.file, sha256 };
}

function annotate(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const props = { file: d.file, startLine: d.line, startColumn: d.column, title: d.rule };
    if (d.severity === 'error') core.error(d.message, props);
    else core.warning(d.message, props);
  }
}
