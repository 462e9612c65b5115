// The process launcher (runner/launcher.ts) is started with the run's environment, never with the runner
// process's own: a task's parent is the launcher, and any process can read /proc/<its parent>/environ. Here the
// runner's process holds a runtime token and a token input, as a JavaScript action's process does, the run is
// given an environment without them (as the action gives it, src/action/agent-env.ts), and a task reads its
// parent's environment. Each test file runs in a process of its own, so this one's environment is its own.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentEnvironment } from '../../src/action/agent-env.js';
import { tempDir } from '../support/cli.js';
import { runText } from '../support/run.js';

const RUNTIME = 'fake-runtime-token-of-the-runner-process-only';
const INPUT = 'ghs_fakeTokenInputOfTheRunnerProcessOnly';
let dir: string;
beforeAll(() => {
  process.env.ACTIONS_RUNTIME_TOKEN = RUNTIME;
  process.env['INPUT_GITHUB-TOKEN'] = INPUT;
  dir = tempDir();
});
afterAll(() => {
  delete process.env.ACTIONS_RUNTIME_TOKEN;
  delete process.env['INPUT_GITHUB-TOKEN'];
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(['python', 'perl'])('the %s launcher', (launcher) => {
  it('holds none of the runner process’s tokens', async () => {
    const cwd = path.join(dir, launcher);
    fs.mkdirSync(cwd);
    const r = await runText(
      [
        'version: 1',
        'tasks:',
        '  - id: look',
        '    run: |',
        "      tr '\\0' '\\n' < /proc/$PPID/environ",
        '      echo "parent: $(cat /proc/$PPID/comm)"',
        '',
      ].join('\n'),
      cwd,
      { env: { ...agentEnvironment(process.env), ORCHESTRATOR_LAUNCHER: launcher } },
    );
    expect(r.status).toBe('success');
    const parent = fs.readFileSync(path.join(cwd, '.orchestrator/outputs/look/result.md'), 'utf8');
    expect(parent).toMatch(launcher === 'python' ? /^parent: python/m : /^parent: perl/m);
    expect(parent).toContain(`ORCHESTRATOR_LAUNCHER=${launcher}`);
    expect(parent).not.toContain(RUNTIME);
    expect(parent).not.toContain(INPUT);
  });
});
