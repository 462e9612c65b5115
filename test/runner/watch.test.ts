/**
 * The runner's side of an adapter's watcher (AgentAdapter.watch): every line reaches it while the agent runs,
 * its progress goes to the log and the run's events, its stop verdict ends the attempt at once with its reason,
 * and a timeout's reason says what the agent was last seen doing. The adapter is a stand-in (the real ones are
 * tested in test/agents/), its process a real one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as AgentsModule from '../../src/agents/index.js';
import type { AgentAdapter } from '../../src/agents/types.js';
import { tempDir } from '../support/cli.js';
import { runText } from '../support/run.js';

vi.mock('../../src/agents/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof AgentsModule>();
  const watched: AgentAdapter = {
    name: 'claude',
    ai: true,
    // The task's `inputs.script` is what the stand-in agent does; the prompt is its stdin.
    invocation: ({ task }) => ({ argv: ['bash', '-c', String(task.inputs['script'])], stdin: 'prompt' }),
    interpret: (end) =>
      end.exitCode === 0
        ? { outcome: 'success', result: end.stdout }
        : { outcome: 'failure', result: '', error: `exit ${end.exitCode}` },
    watch: () => ({
      line(text) {
        const [word, ...rest] = text.split(' ');
        const said = rest.join(' ');
        if (word === 'PROGRESS') return { progress: `agent: ${said}` };
        if (word === 'STOP-FAIL')
          return { progress: 'agent: giving up', stop: { outcome: 'failure', error: said } };
        if (word === 'STOP-TRANSIENT') return { stop: { outcome: 'transient', error: said } };
        return undefined;
      },
    }),
  };
  return {
    ...original,
    adapterFor: (plan: never, agent: string) =>
      agent === 'claude' ? watched : original.adapterFor(plan, agent),
  };
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function planOf(script: string, extra = ''): string {
  return `version: 1\nname: watch\ntasks:\n  - id: T-01\n    title: Watched\n    agent: claude\n    retries: 1\n    backoff: { initial: 1ms, max: 1ms }\n${extra}    inputs:\n      script: ${JSON.stringify(script)}\n`;
}

async function run(script: string, extra = '') {
  const dir = tempDir();
  dirs.push(dir);
  const result = await runText(planOf(script, extra), dir);
  const log = fs.readFileSync(path.join(dir, '.orchestrator/outputs/T-01/log.txt'), 'utf8');
  return { ...result, dir, log, status: result.task('T-01') };
}

describe('an agent watcher', () => {
  it('shows progress in the events and the log, once per change, and the task ends as the agent ended', async () => {
    const r = await run(
      'echo PROGRESS retrying 1 of 3; echo PROGRESS retrying 1 of 3; echo PROGRESS writing a.ts; echo answer',
    );
    expect(r.status.status).toBe('done');
    const progress = r.events.flatMap((e) => (e.type === 'progress' ? [e.text] : []));
    expect(progress).toEqual(['agent: retrying 1 of 3', 'agent: writing a.ts']);
    expect(r.log).toContain('[orchestrator] agent: retrying 1 of 3\n');
    expect(r.log.match(/retrying 1 of 3/g)).toHaveLength(3); // the agent's own two lines, and one progress line
  });

  it('stops the attempt on a failure verdict, without retrying and without waiting for the process', async () => {
    const r = await run(
      'echo STOP-FAIL claude authentication failed: Invalid API key; sleep 600',
      '    timeout: 10m\n',
    );
    expect(r.status).toMatchObject({
      status: 'failed',
      attempts: 1,
      exit_code: null,
      error: 'claude authentication failed: Invalid API key',
    });
    expect(r.log).toContain(
      '[orchestrator] stopping the attempt: claude authentication failed: Invalid API key',
    );
  });

  it('retries after a transient verdict, as after any transient failure', async () => {
    const r = await run(
      'if [ "$ORCHESTRATOR_ATTEMPT" = 1 ]; then echo STOP-TRANSIENT no network; sleep 600; fi; echo ok',
    );
    expect(r.status).toMatchObject({ status: 'done', attempts: 2 });
    expect(r.events.some((e) => e.type === 'retry' && e.error === 'no network')).toBe(true);
  });

  it('names what the agent was last doing when it times out, and records no exit code for a stopped process', async () => {
    // Like gemini, the stand-in exits 0 on SIGTERM: that 0 says nothing of the task. The timeout leaves bash
    // seconds to print its one line, however slow the machine.
    const r = await run(
      "trap 'exit 0' TERM; echo PROGRESS retrying the API, 7 of 10; sleep 600 & wait",
      '    timeout: 8s\n    retry-on: transient\n',
    );
    expect(r.status.status).toBe('failed');
    expect(r.status.error).toBe(
      'timed out after 8s (timeout: 8s); last seen: agent: retrying the API, 7 of 10',
    );
    expect(r.status.exit_code).toBeNull();
  });

  it('gives each AI attempt a TMPDIR of its own, removed when the attempt ends', async () => {
    const r = await run('echo "$TMPDIR"; touch "$TMPDIR/gemini-client-error-1.json"; test -d "$TMPDIR"');
    expect(r.status.status).toBe('done');
    const tmp = fs.readFileSync(path.join(r.dir, '.orchestrator/outputs/T-01/result.md'), 'utf8').trim();
    expect(path.basename(tmp)).toMatch(/^orchestrator-T-01-1-/);
    expect(fs.existsSync(tmp)).toBe(false);
  });
});
