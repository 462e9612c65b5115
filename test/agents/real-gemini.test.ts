/**
 * The gemini adapter against the real CLI (@google/gemini-cli 0.61.0, test/support/real-clis.ts) talking to a
 * loopback mock of the Gemini API (test/support/mock-api/gemini.ts). Each run has a HOME of its own with a
 * settings.json that selects API-key auth (0.61.0 rejects the `gateway` type GOOGLE_GEMINI_BASE_URL implies),
 * turns off usage statistics and update checks, and sets `general.maxAttempts: 1` so a 429 or 503 is not
 * retried for a minute; `-m` is given so no model-router request is made.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { geminiAdapter } from '../../src/agents/gemini.js';
import type { AgentContext, ProcessEnd } from '../../src/agents/types.js';
import { refusedUrl, type Mock } from '../support/mock-api/server.js';
import { startGeminiMock, type GeminiScenario } from '../support/mock-api/gemini.js';
import { realCliBin } from '../support/real-clis.js';
import { contextOf, oneTask } from './helpers.js';

const MODEL = 'gemini-2.5-flash';
const TIMEOUT = 120_000;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `real-gemini-${name}-`));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Run {
  end: ProcessEnd;
  work: string;
  tmp: string;
  progress: string[];
}

/** Runs the adapter's invocation with the real gemini first on PATH, feeding stderr lines to its watcher. */
async function runGemini(
  ctx: AgentContext,
  baseUrl: string,
  { maxAttempts = 1, argv }: { maxAttempts?: number; argv?: (argv: string[]) => string[] } = {},
): Promise<Run> {
  const home = tempDir('home');
  const work = tempDir('work');
  const tmp = tempDir('tmp');
  fs.mkdirSync(path.join(home, '.gemini'));
  const settings = {
    security: { auth: { selectedType: 'gemini-api-key' } },
    general: { maxAttempts, enableAutoUpdate: false, enableAutoUpdateNotification: false },
    privacy: { usageStatisticsEnabled: false },
  };
  fs.writeFileSync(path.join(home, '.gemini', 'settings.json'), JSON.stringify(settings));
  const invocation = geminiAdapter.invocation(ctx);
  const [file, ...args] = argv === undefined ? invocation.argv : argv(invocation.argv);
  const env = {
    PATH: `${realCliBin('gemini')}${path.delimiter}${process.env['PATH'] ?? ''}`,
    HOME: home,
    TMPDIR: tmp,
    GEMINI_API_KEY: 'test-key',
    GOOGLE_GEMINI_BASE_URL: baseUrl,
    GEMINI_TELEMETRY_ENABLED: 'false',
    ...invocation.env,
  };
  const watch = geminiAdapter.watch!(ctx);
  const progress: string[] = [];
  const end = await new Promise<ProcessEnd>((resolve, reject) => {
    const child = spawn(file!, args, { cwd: work, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      stderr += chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const note = watch.line(line, 'stderr');
        if (note?.progress !== undefined) progress.push(note.progress);
      }
    });
    child.on('error', reject);
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal, stdout, stderr, truncated: false }));
    child.stdin.end(invocation.stdin ?? '');
  });
  return { end, work, tmp, progress };
}

async function mock(scenario: GeminiScenario): Promise<Mock> {
  const started = await startGeminiMock(scenario);
  cleanups.push(() => started.close());
  return started;
}

function context(edit = false): AgentContext {
  const { plan, task } = oneTask(`    agent: gemini\n    prompt: Name the capital\n    model: ${MODEL}\n`);
  task.edit = edit;
  const ctx = contextOf(plan, task, 'Name the capital of France.');
  return { ...ctx, outputDir: tempDir('out') };
}

describe('the real gemini CLI against the mock API', () => {
  it(
    'exits 55 in an untrusted folder without --skip-trust; the adapter passes it',
    { timeout: TIMEOUT },
    async () => {
      const api = await mock({ kind: 'text' });
      const untrusted = await runGemini(context(), api.url, {
        argv: (argv) => argv.filter((arg) => arg !== '--skip-trust'),
      });
      expect(untrusted.end.exitCode).toBe(55);
      expect(untrusted.end.stderr).toContain('not running in a trusted directory');
      expect(geminiAdapter.interpret(untrusted.end, context())).toMatchObject({
        outcome: 'failure',
        error: expect.stringMatching(/^gemini refused the folder as untrusted; exit code 55: /),
      });
      expect(api.requests).toEqual([]);
    },
  );

  it('text: success with the answer and the tokens', { timeout: TIMEOUT }, async () => {
    const api = await mock({ kind: 'text' });
    const run = await runGemini(context(), api.url);
    expect(run.end.exitCode).toBe(0);
    const result = geminiAdapter.interpret(run.end, context());
    expect(result).toMatchObject({
      outcome: 'success',
      result: 'The capital of France is Paris.',
      tokens: { input: 60, output: 10, cacheRead: 40 },
    });
    expect(result.costUsd).toBeUndefined();
    expect(api.requests.map((r) => r.url)).toEqual([`/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`]);
    expect(api.requests[0]!.headers['x-goog-api-key']).toBe('test-key');
    // The deprecated --allowed-tools is not passed: no warning.
    expect(run.end.stderr).not.toContain('deprecated');
  });

  it(
    'write-file with edit: true writes the file (approval mode auto_edit)',
    { timeout: TIMEOUT },
    async () => {
      const api = await mock({
        kind: 'write-file',
        path: 'notes.txt',
        content: 'written\n',
        text: 'Wrote it.',
      });
      const ctx = context(true);
      const run = await runGemini(ctx, api.url);
      expect(geminiAdapter.interpret(run.end, ctx)).toMatchObject({
        outcome: 'success',
        result: 'Wrote it.',
      });
      expect(fs.readFileSync(path.join(run.work, 'notes.txt'), 'utf8')).toBe('written\n');
      expect(api.requests).toHaveLength(2);
    },
  );

  it('write-file without edit: nothing written, a permission failure', { timeout: TIMEOUT }, async () => {
    const api = await mock({
      kind: 'write-file',
      path: 'notes.txt',
      content: 'written\n',
      text: 'Wrote it.',
    });
    const ctx = context(false);
    const run = await runGemini(ctx, api.url);
    expect(run.end.exitCode).toBe(0);
    expect(run.end.stderr).toContain('Tool "write_file" not found');
    expect(fs.existsSync(path.join(run.work, 'notes.txt'))).toBe(false);
    expect(geminiAdapter.interpret(run.end, ctx)).toMatchObject({
      outcome: 'failure',
      error:
        'permission: gemini was refused write_file (the task has no edit: true; set edit: true to let it change files)',
    });
  });

  it(
    '401: an authentication failure naming GEMINI_API_KEY (exit code 145)',
    { timeout: TIMEOUT },
    async () => {
      const api = await mock({ kind: '401' });
      const run = await runGemini(context(), api.url);
      expect(run.end.exitCode).toBe(145);
      expect(geminiAdapter.interpret(run.end, context())).toMatchObject({
        outcome: 'failure',
        error: expect.stringMatching(
          /^gemini authentication failed: .*API key not valid.*\(check GEMINI_API_KEY\)$/,
        ),
      });
    },
  );

  it('no key: exit code 41, an authentication failure', { timeout: TIMEOUT }, async () => {
    const api = await mock({ kind: 'text' });
    const ctx = context();
    const run = await runGemini(ctx, api.url, {
      argv: (argv) => ['env', 'GEMINI_API_KEY=', ...argv],
    });
    expect(run.end.exitCode).toBe(41);
    expect(geminiAdapter.interpret(run.end, ctx)).toMatchObject({
      outcome: 'failure',
      error: expect.stringMatching(
        /^gemini authentication failed: When using Gemini API, you must specify the GEMINI_API_KEY/,
      ),
    });
  });

  it('429: transient (exit code 173)', { timeout: TIMEOUT }, async () => {
    const api = await mock({ kind: '429' });
    const run = await runGemini(context(), api.url);
    expect(run.end.exitCode).toBe(173);
    expect(geminiAdapter.interpret(run.end, context())).toMatchObject({
      outcome: 'transient',
      error: expect.stringMatching(/^gemini API error \(transient\): /),
    });
  });

  it('503 overloaded: transient (exit code 247), each retry shown', { timeout: TIMEOUT }, async () => {
    const api = await mock({ kind: 'overloaded' });
    const run = await runGemini(context(), api.url, { maxAttempts: 2 });
    expect(run.end.exitCode).toBe(247);
    expect(run.progress).toEqual(['gemini: retrying the API after attempt 1 (status 503)']);
    expect(geminiAdapter.interpret(run.end, context())).toMatchObject({
      outcome: 'transient',
      error: 'gemini API error (transient): Error: The model is overloaded. Please try again later.',
    });
    // Its error reports go to TMPDIR, which the runner removes after the attempt.
    expect(fs.readdirSync(run.tmp).some((f) => f.startsWith('gemini-client-error-'))).toBe(true);
  });

  it('a refused connection: transient', { timeout: TIMEOUT }, async () => {
    const run = await runGemini(context(), await refusedUrl());
    expect(run.end.exitCode).toBe(1);
    expect(geminiAdapter.interpret(run.end, context())).toMatchObject({
      outcome: 'transient',
      error: expect.stringContaining('fetch failed'),
    });
  });

  it('a slow answer is waited for', { timeout: TIMEOUT }, async () => {
    const api = await mock({ kind: 'slow', delayMs: 3000, text: 'Late but here.' });
    const run = await runGemini(context(), api.url);
    expect(geminiAdapter.interpret(run.end, context())).toMatchObject({
      outcome: 'success',
      result: 'Late but here.',
    });
  });

  it(
    'max-turns becomes model.maxSessionTurns: the turn limit stops it (exit code 53)',
    { timeout: TIMEOUT },
    async () => {
      const api = await mock({ kind: 'write-file', path: 'notes.txt', content: 'x\n' });
      // gemini skips a system settings file below a folder others may write to (os.tmpdir() is 1777), so the
      // task's folder goes where no folder above it is group- or world-writable: the checkout, or HOME (a fresh
      // clone may sit under /tmp).
      const safe = [path.resolve(import.meta.dirname, '../../node_modules/.cache'), os.homedir()].find(
        noWritableAncestor,
      );
      if (safe === undefined)
        throw new Error('no folder without a group- or world-writable parent for this test');
      const outputDir = fs.mkdtempSync(path.join(safe, 'real-gemini-out-'));
      cleanups.push(() => fs.rmSync(outputDir, { recursive: true, force: true }));
      const ctx = { ...context(true), outputDir };
      ctx.task.maxTurns = 1;
      const run = await runGemini(ctx, api.url);
      expect(run.end.exitCode).toBe(53);
      expect(geminiAdapter.interpret(run.end, ctx)).toMatchObject({
        outcome: 'failure',
        error: expect.stringMatching(/^gemini stopped at its session turn limit/),
      });
    },
  );

  it(
    'allowed-tools becomes a policy file: no deprecation warning, the tool is offered',
    { timeout: TIMEOUT },
    async () => {
      const api = await mock({ kind: 'text' });
      const ctx = context();
      ctx.task.allowedTools = ['run_shell_command'];
      const run = await runGemini(ctx, api.url);
      expect(run.end.exitCode).toBe(0);
      expect(run.end.stderr).not.toContain('deprecated');
      const tools = JSON.stringify((api.requests[0]!.body as { tools?: unknown }).tools);
      expect(tools).toContain('run_shell_command');
    },
  );
});

/** No folder from `dir` up to `/` lets its group or others write (gemini's check on a system settings file). */
function noWritableAncestor(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.statSync(d).mode & 0o022) return false;
    if (path.dirname(d) === d) return true;
  }
}
