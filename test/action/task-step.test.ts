// The task step holds nothing worth stealing and leaves nothing behind (issue 11, findings 1 and 2), through the
// bundled action as the composite's `run:` step starts it: a task that reads its ancestors' environments, writes
// to the step's command files it finds there, or leaves detached processes running.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { jobFolder } from '../support/jobs.js';
import { alive } from '../support/run.js';
import { runAction } from './run-action.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A plan of one shell task `id` running `script` (a YAML block scalar, indented here). */
function plan(id: string, script: string, extra = ''): string {
  const body = script
    .trim()
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
  return `version: 1\ntasks:\n  - id: ${id}\n    retries: 0\n${extra}    run: |\n${body}\n`;
}

/**
 * Shell that walks from the task's shell up to pid 1 and appends every ancestor's environment, one variable a
 * line, to "$FOUND" (a prompt-injected agent can read any ancestor's /proc/<pid>/environ).
 */
const ANCESTORS = `
pid=$$
while [ "$pid" -gt 1 ]; do
  { tr '\\0' '\\n' < "/proc/$pid/environ"; echo; } >> "$FOUND" 2>/dev/null || true
  pid=$(sed 's/.*) //' "/proc/$pid/stat" | cut -d' ' -f2)
done
`;

/** Shell: `settled <pid>` waits until the process has left the task's session (setsid has run). */
const SETTLED = `
settled() { while [ "$(sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f4)" != "$1" ]; do sleep 0.01; done; }
`;

describe('the task step: the files that speak to the steps after it', () => {
  it('puts GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STATE and the summary back as they were', () => {
    const found = path.join(dir, 'found.txt');
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'victim\n');
    // The task finds the files in its ancestors' environments and writes what would run in the job's later
    // steps: NODE_OPTIONS through GITHUB_ENV, its own folder first on PATH, a forged output, a summary; and it
    // swaps GITHUB_STATE for a link to another file.
    const a = jobFolder(
      dir,
      'A',
      plan(
        'evil',
        `${ANCESTORS}
for f in $(grep -E '^GITHUB_(ENV|PATH|OUTPUT|STATE|STEP_SUMMARY)=' "$FOUND" | cut -d= -f2- | sort -u); do
  echo "NODE_OPTIONS=--require /tmp/evil.js" >> "$f"
  echo "/tmp/evil-bin" >> "$f"
  printf 'status<<EOF\\ndone\\nEOF\\n' >> "$f"
done
state=$(grep -E '^GITHUB_STATE=' "$FOUND" | head -1 | cut -d= -f2-)
rm -f "$state"; ln -s "$VICTIM" "$state"
# The runner's folder of command files also holds other steps' (the composite step's own among them).
for f in "$(dirname "$state")"/set_env_*; do echo "NODE_OPTIONS=--require /tmp/evil.js" >> "$f"; done
echo "NODE_OPTIONS=--require /tmp/evil.js" > "$(dirname "$state")/set_env_planted"
exit 1
`,
      ),
    );
    // As the runner keeps them: every step's in one folder (the composite's step, which the runner reads when
    // the composite ends, is `set_env_outer`).
    const folder = path.join(dir, '_runner_file_commands');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'set_env_outer'), '');
    const files: Record<string, string> = {};
    for (const name of ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE']) {
      files[name] = path.join(folder, `${name.toLowerCase()}_1`);
      // What an earlier command of the same step wrote: kept.
      fs.writeFileSync(files[name], `${name}_BEFORE<<X\nkept\nX\n`);
    }
    const r = runAction(
      a,
      { mode: 'task', plan: 'plan.yml', task: 'evil' },
      { ...files, FOUND: found, VICTIM: victim },
    );
    expect(r.code).toBe(1);
    // The task did find them: the attack ran.
    expect(fs.readFileSync(found, 'utf8')).toMatch(/^GITHUB_ENV=/m);
    for (const [name, file] of Object.entries(files)) {
      expect(fs.lstatSync(file).isFile(), name).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), name).toBe(`${name}_BEFORE<<X\nkept\nX\n`);
    }
    expect(fs.readFileSync(victim, 'utf8')).toBe('victim\n');
    expect(fs.readFileSync(path.join(folder, 'set_env_outer'), 'utf8')).toBe('');
    expect(fs.readdirSync(folder).sort()).toEqual([
      'github_env_1',
      'github_path_1',
      'github_state_1',
      'set_env_outer',
    ]);
    // The outputs and the summary are the step's own, written after the files were put back.
    expect(r.outputs.status).toBe('failed');
    expect(r.summary).not.toContain('NODE_OPTIONS');
    expect(r.summary).toContain('# Task evil');
    expect(r.stdout).toMatch(
      /::warning::a task changed this step's command files \(GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY, set_env_outer, set_env_planted\): put back as they were before the tasks ran/,
    );
  });
});

describe('the task step: nothing the tasks started outlives it', () => {
  it('kills detached processes (setsid, a double fork out of a new session) once the tasks end', () => {
    const pids = path.join(dir, 'pids');
    fs.mkdirSync(pids);
    const a = jobFolder(
      dir,
      'A',
      plan(
        'leave',
        `${SETTLED}
setsid sleep 300 </dev/null >/dev/null 2>&1 &
echo $! > "$PIDS/setsid"
setsid bash -c '(sleep 301 </dev/null >/dev/null 2>&1 & echo $! > "$PIDS/double") &' </dev/null >/dev/null 2>&1
nohup setsid sleep 302 </dev/null >/dev/null 2>&1 &
echo $! > "$PIDS/nohup"
settled "$(cat "$PIDS/setsid")"; settled "$(cat "$PIDS/nohup")"
while [ ! -s "$PIDS/double" ]; do sleep 0.01; done
echo left three behind
`,
      ),
    );
    const r = runAction(a, { mode: 'task', plan: 'plan.yml', task: 'leave' }, { PIDS: pids });
    expect(r.code).toBe(0);
    const left = fs.readdirSync(pids).map((f) => Number(fs.readFileSync(path.join(pids, f), 'utf8')));
    expect(left).toHaveLength(3);
    try {
      expect(left.filter(alive)).toEqual([]);
      expect(r.stdout).toMatch(
        /::warning::killed 3 processes the tasks left running: \d+ sleep, \d+ sleep, \d+ sleep/,
      );
    } finally {
      for (const pid of left.filter(alive)) process.kill(pid, 'SIGKILL');
    }
  });

  it('kills them when the step fails too; in the tests’ scope, a process of another run is spared', () => {
    const pids = path.join(dir, 'pids');
    fs.mkdirSync(pids);
    const a = jobFolder(
      dir,
      'A',
      plan(
        'leave',
        `${SETTLED}
setsid sleep 300 </dev/null >/dev/null 2>&1 &
echo $! > "$PIDS/mine"
ORCHESTRATOR_RUN_ID=20260101T000000-1 setsid sleep 303 </dev/null >/dev/null 2>&1 &
echo $! > "$PIDS/other"
settled "$(cat "$PIDS/mine")"; settled "$(cat "$PIDS/other")"
exit 3
`,
      ),
    );
    const r = runAction(a, { mode: 'task', plan: 'plan.yml', task: 'leave' }, { PIDS: pids });
    const mine = Number(fs.readFileSync(path.join(pids, 'mine'), 'utf8'));
    const other = Number(fs.readFileSync(path.join(pids, 'other'), 'utf8'));
    try {
      expect(r.code).toBe(1);
      expect(alive(mine)).toBe(false);
      // ORCHESTRATOR_SWEEP=run (run-action.ts sets it, as the workflow executor does): other test files' runs
      // go on beside this one as the same user.
      expect(alive(other)).toBe(true);
    } finally {
      for (const pid of [mine, other].filter(alive)) process.kill(pid, 'SIGKILL');
    }
  });
});

describe('the task step: the launcher holds none of the runner’s tokens', () => {
  for (const launcher of ['python', 'perl'] as const) {
    it(`a task reading /proc/$PPID/environ (the ${launcher} launcher) finds no token of the runner’s process`, () => {
      const found = path.join(dir, 'found.txt');
      const a = jobFolder(dir, 'A', plan('look', ANCESTORS));
      const r = runAction(
        a,
        { mode: 'task', plan: 'plan.yml', task: 'look', 'github-token': 'ghs_fakeInputTokenOfThisStepOnly' },
        {
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'fake-id-token-request-of-this-step-only',
          ORCHESTRATOR_LAUNCHER: launcher,
          FOUND: found,
        },
      );
      expect(r.code).toBe(0);
      // One block per process: the task's shell, its parent (the launcher), the runner (the action's process).
      const [, parent = '', runner = ''] = fs.readFileSync(found, 'utf8').split('\n\n');
      expect(parent).toMatch(/^PATH=/m);
      expect(parent).not.toContain('ghs_fakeInputTokenOfThisStepOnly');
      expect(parent).not.toContain('fake-id-token-request-of-this-step-only');
      // The runner's own environment is what it was started with; the composite's `run:` step holds no token.
      expect(runner).toContain('INPUT_GITHUB-TOKEN=ghs_fakeInputTokenOfThisStepOnly');
    });
  }
});
