// runTaskJob's boundary: what it stages holds no secret of the job, no link, nothing past the size limit, and is
// staged only once `beforeStage` has run; what it reads of its deps' folders is bounded.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { Plan } from '../../src/core/model.js';
import { collectResults, MAX_RESULT_BYTES } from '../../src/report/collect.js';
import { readStatusFile } from '../../src/runner/deps.js';
import { runTaskJob, selectTasks, type TaskJobOptions } from '../../src/runner/task-job.js';
import { listFiles, tempDir } from '../support/cli.js';
import { load } from '../support/plans.js';
import { FAKE_BIN } from '../support/run.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const out = (...parts: string[]): string => path.join(dir, '.orchestrator', ...parts);
const GIB = 1024 * 1024 * 1024;

const KEY = 'sk-ant-api03-FAKE_key_for_the_redaction_test-0123456789abcdef';

async function job(plan: Plan, ids: string[], options: Partial<TaskJobOptions> = {}) {
  return runTaskJob(plan, analyze(plan), selectTasks(plan, ids), {
    root: out(),
    cwd: dir,
    concurrency: 2,
    schedule: 'critical-path',
    resume: false,
    env: { ...process.env, PATH: `${FAKE_BIN}:${process.env.PATH}`, ANTHROPIC_API_KEY: KEY },
    graceMs: 300,
    stage: true,
    ...options,
  });
}

/** Every file below `folder` as bytes, with its relative path. */
function contents(folder: string): [string, Buffer][] {
  return listFiles(folder).map((f) => [f, fs.readFileSync(path.join(folder, f))]);
}

describe('runTaskJob: secrets', () => {
  // The finding 7: a task that prints the key put it in the artifact's log.txt and result.md.
  const printer = load(`version: 1
tasks:
  - id: T-01
    run: |
      echo "raw: $ANTHROPIC_API_KEY"
      echo "base64: $(printf %s "$ANTHROPIC_API_KEY" | base64 -w0)"
      echo "base64, shifted: $(printf 'x%s' "$ANTHROPIC_API_KEY" | base64 -w0)"
      echo "hex: $(printf %s "$ANTHROPIC_API_KEY" | od -An -tx1 | tr -d ' \\n')"
      echo "reversed: $(printf %s "$ANTHROPIC_API_KEY" | rev)"
      echo "stderr: $ANTHROPIC_API_KEY" >&2
      printf '\\0\\1%s\\2' "$ANTHROPIC_API_KEY" > "$ORCHESTRATOR_OUTPUT_DIR/dump.bin"
      echo key > "$ORCHESTRATOR_OUTPUT_DIR/name-$ANTHROPIC_API_KEY.txt"
      exit 3
    retries: 0
    on-failure: continue
`);
  const forms = [
    KEY,
    Buffer.from(KEY).toString('base64').slice(0, 40),
    Buffer.from(KEY).toString('hex'),
    [...KEY].reverse().join(''),
    KEY.slice(10, 40),
  ];

  it('leaves no form of a secret in the staged artifact, nor in outputs/<id>/ that the summary reads', async () => {
    const r = await job(printer, ['T-01'], { secrets: [KEY] });
    expect(r.tasks[0]!.status).toBe('failed');
    const staged = contents(out('artifact'));
    expect(staged.map(([f]) => f)).toEqual([
      'T-01/dump.bin',
      'T-01/log.txt',
      'T-01/name-***.txt',
      'T-01/result.md',
      'T-01/status.json',
    ]);
    for (const [file, bytes] of [...staged, ...contents(out('outputs'))]) {
      for (const form of forms) expect(bytes.includes(form), `${file} holds ${form}`).toBe(false);
    }
    const result = fs.readFileSync(out('artifact/T-01/result.md'), 'utf8');
    expect(result).toContain('raw: ***\n');
    expect(result).toContain('reversed: ***\n');
    expect(fs.readFileSync(out('artifact/T-01/dump.bin'))).toEqual(Buffer.from('\0\u0001***\u0002'));
    expect(fs.readFileSync(out('outputs/T-01/log.txt'), 'utf8')).toContain('stderr: ***');
    // The report the job summary is made of (collect.ts reads outputs/) has none either.
    const report = collectResults(printer, out('outputs'))[0]!;
    const shown = JSON.stringify(report);
    for (const form of forms) expect(shown).not.toContain(form);
    expect(report.log?.lines).toContain('stderr: ***');
  });

  it('without secrets stages what the task wrote (the same plan shows the key)', async () => {
    await job(printer, ['T-01']);
    expect(fs.readFileSync(out('artifact/T-01/result.md'), 'utf8')).toContain(`raw: ${KEY}`);
  });
});

describe('runTaskJob: staging', () => {
  it('stages only after beforeStage, which runs once the tasks have ended', async () => {
    const plan = load(`version: 1\ntasks:\n  - {id: A, run: 'echo a'}\n`);
    const seen: string[] = [];
    const r = await job(plan, ['A'], {
      beforeStage: () => {
        seen.push(fs.existsSync(out('outputs/A/status.json')) ? 'ended' : 'running');
        seen.push(fs.existsSync(out('artifact')) ? 'staged' : 'not staged');
        // What a leftover process wrote before it was stopped is staged: staging comes after.
        fs.writeFileSync(out('outputs/A/late.txt'), 'late\n');
        return Promise.resolve();
      },
    });
    expect(seen).toEqual(['ended', 'not staged']);
    expect(listFiles(r.artifact!)).toContain('A/late.txt');
  });

  it('leaves out links and files past the size limit, saying so in the staged log', async () => {
    const plan = load(`version: 1
tasks:
  - id: A
    run: |
      echo small > "$ORCHESTRATOR_OUTPUT_DIR/small.txt"
      truncate -s 600M "$ORCHESTRATOR_OUTPUT_DIR/huge.bin"
      ln -s /proc/self/environ "$ORCHESTRATOR_OUTPUT_DIR/environ"
      mkdir "$ORCHESTRATOR_OUTPUT_DIR/sub" && ln -s / "$ORCHESTRATOR_OUTPUT_DIR/sub/root"
`);
    const r = await job(plan, ['A']);
    expect(r.tasks[0]!.status).toBe('done');
    expect(listFiles(r.artifact!)).toEqual(['A/log.txt', 'A/result.md', 'A/small.txt', 'A/status.json']);
    expect(r.staged.map((n) => `${n.id}/${n.path}: ${n.why}`)).toEqual([
      'A/environ: a symbolic link (links are never copied: the upload would follow them)',
      "A/huge.bin: 600 MiB: beyond the 512 MiB a task's folder may hold",
      'A/sub/root: a symbolic link (links are never copied: the upload would follow them)',
    ]);
    const log = fs.readFileSync(path.join(r.artifact!, 'A/log.txt'), 'utf8');
    expect(log).toContain("[orchestrator] 3 paths of this task's folder left out of its artifact:\n");
    expect(log).toContain('  "huge.bin": 600 MiB: beyond the 512 MiB');
  });
});

describe('bounded reads of what a dep left', () => {
  /** A dep outside the job, done, whose result.md is a sparse file of `bytes`. */
  function bigDep(bytes: number): string {
    const folder = out('outputs/T-01');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'status.json'),
      JSON.stringify({ id: 'T-01', status: 'done', attempts: 1, agent: 'shell', hash: 'h' }),
    );
    const result = path.join(folder, 'result.md');
    fs.writeFileSync(result, 'the start of a huge result\n');
    fs.truncateSync(result, bytes);
    return result;
  }

  /** The paths fs.readFileSync was asked for while `run` ran. */
  async function wholeReads<T>(run: () => Promise<T> | T): Promise<{ value: T; paths: string[] }> {
    const spy = vi.spyOn(fs, 'readFileSync');
    const value = await run();
    const paths = spy.mock.calls.map(([p]) => String(p));
    spy.mockRestore();
    return { value, paths };
  }

  it('a 2 GiB dep result is described by its size in the prompt, never read whole', async () => {
    const result = bigDep(2 * GIB);
    const plan = load(`version: 1
tasks:
  - {id: T-01, run: 'echo one'}
  - {id: T-02, agent: claude, prompt: Summarize, deps: [T-01]}
`);
    const { value: r, paths } = await wholeReads(() => job(plan, ['T-02'], { stage: false }));
    expect(r.tasks[0]!.status).toBe('done');
    expect(paths).not.toContain(result);
    const prompt = fs.readFileSync(out('outputs/T-02/prompt.md'), 'utf8');
    expect(prompt).toContain(
      `### T-01\n\nIts result (2.0 GiB) is too large to include here: read it from \`${result}\`.`,
    );
  });

  it('status.json of 100 MB is not read', async () => {
    const folder = out('outputs/X');
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'status.json');
    fs.writeFileSync(file, '{"id":"X","status":"done"}');
    fs.truncateSync(file, 100 * 1024 * 1024);
    const { value, paths } = await wholeReads(() => readStatusFile(out('outputs'), 'X'));
    expect(value).toBeNull();
    expect(paths).not.toContain(file);
  });

  it('the report reads the start of a 2 GiB result.md only', async () => {
    bigDep(2 * GIB);
    const plan = load(`version: 1\ntasks:\n  - {id: T-01, run: 'echo one'}\n`);
    const { value, paths } = await wholeReads(() => collectResults(plan, out('outputs')));
    expect(paths).toEqual([]);
    expect(value[0]!.status).toBe('done');
    expect(value[0]!.result).toMatchObject({ bytes: 2 * GIB, truncated: true });
    expect(value[0]!.result!.text.length).toBeLessThanOrEqual(MAX_RESULT_BYTES);
    expect(value[0]!.result!.text.startsWith('the start of a huge result\n')).toBe(true);
  });
});
