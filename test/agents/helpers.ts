/**
 * Shared by the agent tests: plans from YAML, contexts, finished processes, the recorded CLI outputs in
 * test/fixtures/agent-output/, and running the fake CLIs of test/fixtures/bin/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AgentContext, Invocation, ProcessEnd } from '../../src/agents/types.js';
import type { Plan, Task } from '../../src/core/model.js';
import { load } from '../support/plans.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const BIN = path.join(FIXTURES, 'bin');

/** A plan from YAML text that must be valid. */
export function planOf(yaml: string): Plan {
  return load(yaml);
}

/** The plan of one task, written as YAML lines (indented under `- `). */
export function oneTask(fields: string, head = ''): { plan: Plan; task: Task } {
  const plan = planOf(`version: 1\nname: demo\n${head}tasks:\n  - id: T-01\n${fields}`);
  return { plan, task: plan.tasks[0]! };
}

export function contextOf(plan: Plan, task: Task, prompt = 'Do the thing.'): AgentContext {
  const outputDir = `/work/.orchestrator/outputs/${task.id}`;
  return { plan, task, prompt, promptFile: `${outputDir}/prompt.md`, outputDir };
}

export function ended(end: Partial<ProcessEnd> = {}): ProcessEnd {
  return { exitCode: 0, signal: null, stdout: '', stderr: '', truncated: false, ...end };
}

/** A recorded output: test/fixtures/agent-output/<agent>/<name>. */
export function sample(agent: string, name: string): string {
  return fs.readFileSync(path.join(FIXTURES, 'agent-output', agent, name), 'utf8');
}

/** PATH with the fake CLIs first. */
export function fakePath(): string {
  return `${BIN}${path.delimiter}${process.env['PATH'] ?? ''}`;
}

/** Runs an invocation as the runner would (argv, stdin, env), with the fake CLIs first on PATH. */
export function runInvocation(
  invocation: Invocation,
  env: Record<string, string> = {},
  cwd?: string,
): ProcessEnd {
  const [file, ...args] = invocation.argv;
  const result = spawnSync(file!, args, {
    input: invocation.stdin ?? '',
    env: { ...inheritedEnv(), ...invocation.env, PATH: fakePath(), ...env },
    encoding: 'utf8',
    timeout: 20_000,
    ...(cwd !== undefined ? { cwd } : {}),
  });
  if (result.error !== undefined) throw result.error;
  return {
    exitCode: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    truncated: false,
  };
}

/**
 * This process's environment without the variables the runner and the fakes read, so a test sees only what it
 * sets (the tests may themselves run inside an orchestrator task).
 */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('ORCHESTRATOR_') && !key.startsWith('FAKE_AGENT_'),
    ),
  );
}
