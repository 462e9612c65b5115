/**
 * The adapters against the fake CLIs of test/fixtures/bin (first on PATH): each scenario's real-format output,
 * from the adapter's own invocation, interpreted back into the outcome a real run would get.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../../src/agents/index.js';
import { buildPrompt } from '../../src/agents/prompt.js';
import type { AgentContext, AgentResult } from '../../src/agents/types.js';
import { alive } from '../support/run.js';
import { fakePath, inheritedEnv, oneTask, runInvocation } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orchestrator-agents-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A task for `agent` whose prompt asks the fake for `scenario`, with the prompt the runner would build. */
function scenarioContext(agent: string, scenario: string | null, extra = ''): AgentContext {
  const line = scenario === null ? '' : `\n      fake-scenario: ${scenario}`;
  const { plan, task } = oneTask(
    `    title: Say hello\n    agent: ${agent}\n    prompt: |\n      Greet the user.${line}\n${extra}`,
  );
  const outputDir = path.join(dir, 'outputs', task.id);
  fs.mkdirSync(outputDir, { recursive: true });
  const prompt = buildPrompt({ plan, task, outputDir, deps: [] });
  return { plan, task, prompt, promptFile: path.join(outputDir, 'prompt.md'), outputDir };
}

function play(ctx: AgentContext, env: Record<string, string> = {}): AgentResult {
  const adapter = adapterFor(ctx.plan, ctx.task.agent);
  const end = runInvocation(adapter.invocation(ctx), {
    ORCHESTRATOR_OUTPUT_DIR: ctx.outputDir,
    FAKE_AGENT_STATE_DIR: path.join(dir, 'state'),
    ...env,
  });
  return adapter.interpret(end, ctx);
}

type Expect = [scenario: string, outcome: AgentResult['outcome'], error: RegExp | undefined];

const COMMON: Expect[] = [
  ['success', 'success', undefined],
  ['slow:50', 'success', undefined],
  ['failure', 'failure', /./],
  ['overloaded', 'transient', /transient/],
  ['rate-limited', 'transient', /transient/],
  ['usage-limit', 'failure', /usage limit|quota/],
  ['garbage', 'failure', /printed no JSON .*; last output: All done, have a nice day\.$/],
  ['crash', 'failure', /exit code 1: Error: fake \w+ crashed: segmentation fault in the flux capacitor$/],
  ['no-such-scenario', 'failure', /exit code 2: fake \w+: unknown scenario "no-such-scenario"$/],
];

const SCENARIOS: Record<string, Expect[]> = {
  claude: [
    ...COMMON,
    ['is_error', 'failure', /^claude reported an error: API Error: 400 .*prompt is too long/],
    ['max_turns', 'failure', /^claude stopped at its turn limit after 3 turns$/],
  ],
  codex: COMMON,
  gemini: [
    ...COMMON,
    ['max-turns', 'failure', /^gemini stopped at its session turn limit: Reached max session turns/],
  ],
};

describe.each(Object.keys(SCENARIOS))('fake %s', (agent) => {
  it.each(SCENARIOS[agent]!)('scenario %s is %s', (scenario, outcome, error) => {
    const result = play(scenarioContext(agent, scenario));
    expect(result.outcome).toBe(outcome);
    if (error === undefined) expect(result.error).toBeUndefined();
    else expect(result.error).toMatch(error);
  });

  it('answers with a summary naming the first line of the prompt, and its usage', () => {
    const result = play(scenarioContext(agent, 'success'));
    expect(result.result).toBe(`Fake ${agent} did the task.\nFirst line of the prompt: # Say hello`);
    expect(result.tokens).toBeDefined();
    expect(result.sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('takes the scenario from $FAKE_AGENT_SCENARIO when the prompt names none; the prompt wins', () => {
    expect(play(scenarioContext(agent, null), { FAKE_AGENT_SCENARIO: 'overloaded' }).outcome).toBe(
      'transient',
    );
    expect(play(scenarioContext(agent, 'success'), { FAKE_AGENT_SCENARIO: 'overloaded' }).outcome).toBe(
      'success',
    );
  });

  it('overloaded-once: overloaded on the first call for a prompt, then success', () => {
    const ctx = scenarioContext(agent, 'overloaded-once');
    expect(play(ctx).outcome).toBe('transient');
    expect(play(ctx).outcome).toBe('success');
    expect(play(ctx).outcome).toBe('success');
    expect(play(scenarioContext(agent, 'overloaded-once', '    inputs: { other: prompt }\n')).outcome).toBe(
      'transient',
    );
  });

  it('write-file: writes extra.txt into the output folder', () => {
    const ctx = scenarioContext(agent, 'write-file');
    expect(play(ctx).outcome).toBe('success');
    expect(fs.readFileSync(path.join(ctx.outputDir, 'extra.txt'), 'utf8')).toBe(
      `written by the fake ${agent}\n`,
    );
  });

  it('echo-args: answers with its argv; every call is logged with its argv and stdin', () => {
    const ctx = scenarioContext(agent, 'echo-args', '    model: some-model\n');
    const log = path.join(dir, 'calls.jsonl');
    const result = play(ctx, { FAKE_AGENT_LOG: log, ORCHESTRATOR_TASK_ID: 'T-01' });
    const argv = adapterFor(ctx.plan, agent).invocation(ctx).argv.slice(1);
    expect(result.outcome).toBe('success');
    expect(JSON.parse(result.result)).toEqual(argv);
    const calls = fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(calls).toEqual([
      {
        agent,
        argv,
        stdin: ctx.prompt,
        env: { ORCHESTRATOR_OUTPUT_DIR: ctx.outputDir, ORCHESTRATOR_TASK_ID: 'T-01' },
      },
    ]);
  });
});

describe('fake claude', () => {
  it('reports the cost and the tokens', () => {
    expect(play(scenarioContext('claude', 'success'))).toMatchObject({
      costUsd: 0.0123,
      tokens: { input: 1200, output: 456, cacheRead: 15000, cacheWrite: 3400 },
      turns: 2,
    });
  });

  it('stops at the --max-turns it was given', () => {
    expect(play(scenarioContext('claude', 'max_turns', '    max-turns: 7\n')).error).toBe(
      'claude stopped at its turn limit after 7 turns (max-turns: 7)',
    );
  });

  it('refuses an empty prompt as the real CLI does', () => {
    const ctx = { ...scenarioContext('claude', 'success'), prompt: '' };
    expect(play(ctx).error).toBe(
      'claude printed no JSON result; exit code 1: Error: Input must be provided either through stdin or as a prompt argument when using --print',
    );
  });
});

describe('hang', () => {
  const started: number[] = [];
  afterEach(() => {
    for (const pid of started.splice(0)) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });

  it.each(['claude', 'codex', 'gemini'])(
    'fake %s starts a grandchild in its process group, and all of it dies with the group',
    async (agent) => {
      const ctx = scenarioContext(agent, 'hang');
      const pidFile = path.join(dir, 'pids.json');
      const [file, ...args] = adapterFor(ctx.plan, agent).invocation(ctx).argv;
      const child = spawn(file!, args, {
        detached: true,
        stdio: ['pipe', 'ignore', 'ignore'],
        env: { ...inheritedEnv(), PATH: fakePath(), FAKE_AGENT_PID_FILE: pidFile },
      });
      started.push(child.pid!);
      child.stdin.end(ctx.prompt);
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_, signal) => resolve(signal)),
      );

      const pids = await waitFor(() => (fs.existsSync(pidFile) ? readPids(pidFile) : undefined));
      expect(pids.pid).toBe(child.pid);
      expect(alive(pids.grandchild)).toBe(true);

      process.kill(-child.pid!, 'SIGKILL');
      expect(await exited).toBe('SIGKILL');
      await waitFor(() => (alive(pids.grandchild) ? undefined : true));
    },
  );
});

function readPids(file: string): { pid: number; grandchild: number } {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number; grandchild: number };
}

/** Polls until `probe` gives a value, for up to 10 s. */
async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
