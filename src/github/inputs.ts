/**
 * The values from outside the plan's structure that reach a workflow: the plan's path and the action ref. Both
 * are checked here, in one place, against plain character sets, so neither can carry an expression (`${{`),
 * a quote or a line break into the YAML. Task ids and runner labels are checked by the plan validator; the
 * patterns are repeated here for the writer's own guard.
 */
import { UserError } from '../errors.js';

export const TASK_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;
export const RUNS_ON_LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const PATH = /^[A-Za-z0-9_.][A-Za-z0-9_./-]*$/;
/** `owner/repo@ref`, `owner/repo/path@ref`, or a local action `./path`. */
const ACTION_REF =
  /^(?:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_./-]+)?@[A-Za-z0-9_./-]+|\.\/[A-Za-z0-9_./-]*)$/;

export const DEFAULT_ACTION_REF = 'org/orchestrator@v1';

/** A repository-relative path, `/`-separated, of plain characters, that does not leave the repository. */
export function checkRepoPath(path: string, what: string): string {
  const segments = path.split('/');
  if (!PATH.test(path) || segments.some((s) => s === '..' || s === '') || path.endsWith('/')) {
    throw new UserError(
      `${what} ${JSON.stringify(path)} cannot go into a workflow: use a path inside the repository made of letters, digits, ".", "_", "-" and "/"`,
    );
  }
  return path;
}

export function checkActionRef(ref: string): string {
  if (!ACTION_REF.test(ref) || ref.includes('..')) {
    throw new UserError(
      `--action-ref ${JSON.stringify(ref)} is not an action reference: expected owner/repo@ref (e.g. ${DEFAULT_ACTION_REF}), owner/repo/path@ref or ./path`,
    );
  }
  return ref;
}
