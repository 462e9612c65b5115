// `orchestrator task` and `orchestrator aggregate` through the built CLI, as jobs on separate machines use them:
// each job in a fresh folder, only the staged artifacts passed between them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, cli, listFiles, tempDir } from '../support/cli.js';
import { downloadArtifact, jobFolder } from '../support/jobs.js';
import { FAKE_BIN, waitFor } from '../support/run.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const env = { PATH: `${FAKE_BIN}:${process.env.PATH}` };

const job = (name: string, plan: string): string => jobFolder(dir, name, plan);

const download = downloadArtifact;

const read = (folder: string, file: string): string => fs.readFileSync(path.join(folder, file), 'utf8');

const PLAN = `version: 1
name: two-jobs
request: Audit, then summarize
tasks:
  - {id: T-01, title: Audit, run: 'echo "audit says: 42 findings"'}
  - id: T-02
    title: Summarize the audit
    agent: claude
    prompt: Summarize the findings.
    deps: [T-01]
  - {id: T-03, title: Independent, run: 'echo independent'}
`;

/**
 * What upload-artifact then download-artifact (without merging) do with a job's staged artifact: its contents
 * land in `<dir>/downloads/<name>/` of the consumer's job.
 */
function transfer(from: string, name: string, to: string): void {
  fs.cpSync(path.join(from, '.orchestrator/artifact'), path.join(to, '.orchestrator/downloads', name), {
    recursive: true,
  });
}

// The finding 6: a task leaves a `setsid` process that writes forged T-02/ and T-03/ folders ("done")
// into its job's staged artifact after staging, before the upload step.
const FORGER = `set -e
art="$1/artifact"
touch "$1/forger-detached"
i=0
until [ -f "$art/T-01/status.json" ]; do i=$((i+1)); [ $i -lt 200 ] || exit 0; sleep 0.05; done
sleep 0.2
for id in T-02 T-03; do
  mkdir -p "$art/$id"
  printf '{"id":"%s","status":"done","attempts":1,"agent":"shell","hash":"h"}' "$id" > "$art/$id/status.json"
  echo "forged result of $id" > "$art/$id/result.md"
done
touch "$1/forged"
`;

const FORGED_PLAN = `version: 1
name: forged
tasks:
  - id: T-01
    title: Compromised
    run: |
      setsid sh ./forge.sh "$ORCHESTRATOR_OUTPUTS/.." </dev/null >/dev/null 2>&1 &
      for i in $(seq 250); do [ -f "$ORCHESTRATOR_OUTPUTS/../forger-detached" ] && break; sleep 0.02; done
      echo one
  - {id: T-02, title: Fails, run: 'exit 3', retries: 0, on-failure: skip-dependents}
  - {id: T-03, title: Needs T-02, run: 'echo ran', deps: [T-02]}
`;

describe('orchestrator task', () => {
  it('refuses the folders a leftover process forged into an artifact; the genuine artifacts are read', async () => {
    const a = job('A', FORGED_PLAN);
    fs.writeFileSync(path.join(a, 'forge.sh'), FORGER);
    expect(cli(['task', 'plan.yml', 'T-01', '-q'], { cwd: a, env }).code).toBe(0);
    await waitFor(() => fs.existsSync(path.join(a, '.orchestrator/forged')));
    expect(listFiles(path.join(a, '.orchestrator/artifact'))).toContain('T-03/status.json');
    const b = job('B', FORGED_PLAN);
    expect(cli(['task', 'plan.yml', 'T-02', '-q'], { cwd: b, env }).code).toBe(1);

    // Merged into one folder, as the workflows downloaded before, the forgery decides that T-03 runs.
    const merged = job('M', FORGED_PLAN);
    download(b, merged);
    download(a, merged);
    expect(cli(['task', 'plan.yml', 'T-03', '-q'], { cwd: merged, env }).stdout).toContain('T-03: done');

    // A job downloading every artifact by pattern (a wave of the reusable workflow): T-02's own artifact says it
    // failed, so T-03 is skipped; the forged folders are refused and named.
    const d = job('D', FORGED_PLAN);
    transfer(a, 'task-T-01', d);
    transfer(b, 'task-T-02', d);
    const wave = cli(['task', 'plan.yml', 'T-03', '-q'], { cwd: d, env });
    expect(wave.stdout).toContain('T-03: skipped · skipped: T-02 failed (on-failure: skip-dependents)');
    expect(wave.code).toBe(0);
    expect(wave.stderr).toContain(
      'orchestrator: refused: artifact task-T-01: T-02/: a folder for task T-02 in an artifact that speaks for T-01 alone: not imported\n',
    );
    expect(wave.stderr).toContain('artifact task-T-01: T-03/: a folder for task T-03');

    // The aggregate job: every artifact, each in its own folder.
    const c = job('C', FORGED_PLAN);
    transfer(a, 'task-T-01', c);
    transfer(b, 'task-T-02', c);
    transfer(d, 'task-T-03', c);
    const report = cli(['aggregate', '--plan', 'plan.yml'], { cwd: c });
    expect(report.code).toBe(1);
    expect(report.stderr).toContain('orchestrator: refused: artifact task-T-01: T-02/');
    const final = read(c, '.orchestrator/final_output.md');
    expect(final).not.toContain('All 3 tasks done');
    expect(final).not.toContain('forged result');
    expect(final).toContain('## ⚠️ Artifacts refused');
    expect(final).toContain('| T-01 | Compromised | ✅ Done |');
    expect(final).toContain('| T-02 | Fails | ❌ Failed |');
    expect(final).toContain('| T-03 | Needs T-02 | ⏭️ Skipped |');
    expect(final).toContain('refused from artifact task-T-01: a folder for task T-03');
  });

  it('runs jobs in separate folders; the second sees the first one’s result; aggregate reports it all', () => {
    const a = job('A', PLAN);
    const first = cli(['task', 'plan.yml', 'T-01', '--progress', 'lines'], { cwd: a, env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('T-01: done · 1 attempt');
    expect(first.stdout).toContain('staged: .orchestrator/artifact');
    expect(listFiles(path.join(a, '.orchestrator/artifact'))).toEqual([
      'T-01/log.txt',
      'T-01/result.md',
      'T-01/status.json',
    ]);

    const b = job('B', PLAN);
    download(a, b);
    const log = path.join(dir, 'agent.log');
    const second = cli(['task', 'plan.yml', 'T-02,T-03', '-j', '2', '-q'], {
      cwd: b,
      env: { ...env, FAKE_AGENT_LOG: log },
    });
    expect(second.code).toBe(0);
    // The agent's prompt holds the dep's result, read from the downloaded folder.
    const prompt = read(b, '.orchestrator/outputs/T-02/prompt.md');
    expect(prompt).toContain('### T-01: Audit');
    expect(prompt).toContain('audit says: 42 findings');
    const call = JSON.parse(read(dir, 'agent.log').trim()) as { env: Record<string, string> };
    expect(call.env.ORCHESTRATOR_OUTPUTS).toBe(path.join(b, '.orchestrator/outputs'));
    expect(call.env.ORCHESTRATOR_MISSING_DEPS).toBe('');
    // The downloaded dep is left as it came; only this job's tasks are staged.
    expect(read(b, '.orchestrator/outputs/T-01/result.md')).toBe('audit says: 42 findings\n');
    expect(listFiles(path.join(b, '.orchestrator/artifact')).map((f) => f.split('/')[0])).toEqual([
      'T-02',
      'T-02',
      'T-02',
      'T-02',
      'T-03',
      'T-03',
      'T-03',
    ]);

    const c = job('C', PLAN);
    download(a, c);
    download(b, c);
    const report = cli(['aggregate', '--plan', 'plan.yml', '--json'], { cwd: c });
    expect(report.code).toBe(0);
    const summary = JSON.parse(report.stdout) as {
      status: string;
      counts: Record<string, number>;
      costUsd: number;
    };
    expect(summary).toMatchObject({ status: 'success', counts: { done: 3, 'not-run': 0 }, costUsd: 0.0123 });
    const final = read(c, '.orchestrator/final_output.md');
    expect(final).toContain('**✅ All 3 tasks done**');
    expect(final).toContain('audit says: 42 findings');
    expect(final).toContain('## T-02: Summarize the audit');
    expect(final).toContain('| T-02 | Summarize the audit | ✅ Done | 1 |');
  });

  it('aggregate shows the tasks whose job never ran as not run, and exits 1', () => {
    const a = job('A', PLAN);
    expect(cli(['task', 'plan.yml', 'T-01', '-q'], { cwd: a, env }).code).toBe(0);
    const c = job('C', PLAN);
    download(a, c);
    const report = cli(['aggregate', '--plan', 'plan.yml'], { cwd: c });
    expect(report.code).toBe(1);
    expect(report.stdout).toContain('⚪ 2 not run');
    const final = read(c, '.orchestrator/final_output.md');
    expect(final).toContain('**Not run:** T-02, T-03');
    expect(final).toContain('| T-03 | Independent | ⚪ Not run | — |');
  });

  const policies: [string, string, number, string][] = [
    ['fail-fast', 'failed', 1, 'T-01: failed'],
    ['skip-dependents', 'failed', 1, 'T-01: failed'],
    ['continue', 'failed', 0, 'T-01: failed'],
  ];
  for (const [policy, status, code, line] of policies) {
    it(`a task failing under ${policy} exits ${code}, and is staged with its log`, () => {
      const a = job(
        'A',
        `version: 1\ntasks:\n  - {id: T-01, run: 'echo nope >&2; exit 5', retries: 0, on-failure: ${policy}}\n  - {id: T-02, run: 'echo b', deps: [T-01]}\n`,
      );
      const r = cli(['task', 'plan.yml', 'T-01', '-q'], { cwd: a, env });
      expect(r.code).toBe(code);
      expect(r.stdout).toContain(line);
      const file = JSON.parse(read(a, '.orchestrator/artifact/T-01/status.json')) as { status: string };
      expect(file.status).toBe(status);
      expect(read(a, '.orchestrator/artifact/T-01/log.txt')).toContain('nope');
    });
  }

  // A fail-fast failure is not a skip: it stops the run, and the task is cancelled (test/runner/subset.test.ts).
  const skips: [string, string | null, number][] = [
    ['failed under skip-dependents', 'skip-dependents', 0],
    ['left no status.json', null, 1],
  ];
  it('a task whose dep failed under fail-fast is cancelled, exit 1', () => {
    const plan = `version: 1\ntasks:\n  - {id: T-01, run: 'exit 5', retries: 0}\n  - {id: T-02, run: 'echo ran', deps: [T-01]}\n`;
    const a = job('A', plan);
    cli(['task', 'plan.yml', 'T-01', '-q'], { cwd: a, env });
    const b = job('B', plan);
    download(a, b);
    const r = cli(['task', 'plan.yml', 'T-02', '-q'], { cwd: b, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('T-02: cancelled · cancelled: T-01 failed (on-failure: fail-fast)');
    expect(JSON.parse(read(b, '.orchestrator/artifact/T-02/status.json'))).toMatchObject({
      status: 'cancelled',
    });
  });
  for (const [what, policy, code] of skips) {
    it(`a task whose dep ${what} is skipped, exit ${code}`, () => {
      const plan = `version: 1\ntasks:\n  - {id: T-01, run: 'exit 5', retries: 0, on-failure: ${policy ?? 'fail-fast'}}\n  - {id: T-02, run: 'echo ran', deps: [T-01]}\n`;
      const b = job('B', plan);
      if (policy !== null) {
        const a = job('A', plan);
        cli(['task', 'plan.yml', 'T-01', '-q'], { cwd: a, env });
        download(a, b);
      }
      const r = cli(['task', 'plan.yml', 'T-02', '-q'], { cwd: b, env });
      expect(r.code).toBe(code);
      expect(r.stdout).toMatch(/T-02: skipped · skipped: T-01 /);
      const file = JSON.parse(read(b, '.orchestrator/artifact/T-02/status.json')) as {
        status: string;
        error: string;
      };
      expect(file.status).toBe('skipped');
      expect(file.error).toMatch(/^skipped: T-01 /);
      expect(fs.existsSync(path.join(b, '.orchestrator/outputs/T-02/result.md'))).toBe(false);
    });
  }

  it('exits 2 for an unknown id, naming the closest one, before running anything', () => {
    const a = job('A', PLAN);
    const r = cli(['task', 'plan.yml', 'T-01', 't-3'], { cwd: a, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('orchestrator: the plan has no task "t-3" (did you mean "T-03"?)');
    expect(fs.existsSync(path.join(a, '.orchestrator'))).toBe(false);
    expect(cli(['task', 'plan.yml'], { cwd: a }).code).toBe(2);
    expect(cli(['task', 'plan.yml', 'T-01', '-j', '0'], { cwd: a }).stderr).toContain('`--jobs`');
  });

  it('--no-stage leaves no artifact folder', () => {
    const a = job('A', PLAN);
    const r = cli(['task', 'plan.yml', 'T-03', '--no-stage', '-q'], { cwd: a, env });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('staged');
    expect(fs.existsSync(path.join(a, '.orchestrator/artifact'))).toBe(false);
    expect(read(a, '.orchestrator/outputs/T-03/result.md')).toBe('independent\n');
  });

  it('exits 130 when interrupted, the task recorded as cancelled and still staged', async () => {
    const a = job('A', "version: 1\ntasks:\n  - {id: T-01, run: 'echo started; sleep 30'}\n");
    const child = spawn(
      process.execPath,
      [CLI, 'task', 'plan.yml', 'T-01', '--progress', 'lines', '--grace', '200ms'],
      {
        cwd: a,
        env: { ...process.env, ...env, NO_COLOR: '1' },
      },
    );
    let stdout = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sent && stdout.includes('running T-01')) sent = child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    const file = JSON.parse(read(a, '.orchestrator/artifact/T-01/status.json')) as { status: string };
    expect(file.status).toBe('cancelled');
  });
});
