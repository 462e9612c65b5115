/**
 * The environment the action gives the tasks and agents it runs: its own, without the job's tokens. A GitHub
 * job's process holds `INPUT_GITHUB-TOKEN` (the `github-token` input's default is the job's token), the
 * ACTIONS_* runtime tokens and sometimes GITHUB_TOKEN/GH_TOKEN; an agent has no use for them, and a prompt
 * injection could make one read its environment.
 */

/** Tokens of the job that an agent has no use for: never passed to it. */
const JOB_TOKENS =
  /^(INPUT_.*|ACTIONS_.*|GITHUB_TOKEN|GH_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_ENTERPRISE_TOKEN)$/i;

export function agentEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !JOB_TOKENS.test(k)));
}
