/**
 * The adapter for a task's agent: a built-in one, or a custom agent from the plan's `agents:`.
 */
import type { Plan } from '../core/model.js';
import { claudeAdapter } from './claude.js';
import { codexAdapter } from './codex.js';
import { customAdapter } from './custom.js';
import { geminiAdapter } from './gemini.js';
import { shellAdapter } from './shell.js';
import type { AgentAdapter } from './types.js';

const BUILTIN: Readonly<Record<string, AgentAdapter>> = {
  shell: shellAdapter,
  claude: claudeAdapter,
  codex: codexAdapter,
  gemini: geminiAdapter,
};

export function adapterFor(plan: Plan, agent: string): AgentAdapter {
  // Own keys only: a plan's agent named "constructor" or "toString" must not reach Object.prototype.
  if (Object.hasOwn(BUILTIN, agent)) return BUILTIN[agent]!;
  if (Object.hasOwn(plan.agents, agent)) return customAdapter(agent, plan.agents[agent]!);
  // The validator refuses unknown agents [unknown-agent]; reaching this is a bug.
  throw new Error(`unknown agent ${JSON.stringify(agent)}`);
}
