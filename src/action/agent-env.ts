/**
 * The environment the action gives the tasks and agents it runs: its own, without the job's tokens and without
 * the step's command files. A GitHub job's process may hold `INPUT_*` inputs, the ACTIONS_* runtime tokens (a
 * JavaScript action's process) and GITHUB_TOKEN/GH_TOKEN; an agent has no use for them, and a prompt injection
 * could make one read its environment. GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STATE and
 * GITHUB_STEP_SUMMARY name the files through which a step sets the environment, PATH and outputs of the steps
 * after it: an agent must not be handed them (step-files.ts puts them back as they were in case one finds them
 * anyway, e.g. in /proc/<its parent>/environ).
 *
 * This filters what is passed on; it cannot take anything out of this process's own /proc/<pid>/environ. That is
 * why the task step is a `run:` step of the composite action (task/action.yml): its process never holds a token.
 */
import { STEP_FILE_VARIABLES } from './step-files.js';

/** Tokens of the job that an agent has no use for: never passed to it. */
const JOB_TOKENS =
  /^(INPUT_.*|ACTIONS_.*|GITHUB_TOKEN|GH_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_ENTERPRISE_TOKEN)$/i;

const STEP_FILES = new Set<string>(STEP_FILE_VARIABLES);

export function agentEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([k]) => !JOB_TOKENS.test(k) && !STEP_FILES.has(k.toUpperCase())),
  );
}
