/**
 * The claude adapter against the real Claude Code (the pinned 2.1.330, test/support/real-clis.ts), run by the
 * real runner, offline: the CLI talks to the loopback mock of the Messages API (test/support/mock-api/
 * anthropic.ts) through ANTHROPIC_BASE_URL, with a HOME and CLAUDE_CONFIG_DIR of its own, and
 * CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC (no update check, telemetry or side requests). Its own retries are
 * cut with CLAUDE_CODE_MAX_RETRIES (default 10, about three minutes of backoff) where a test does not need them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { startAnthropicMock, type AnthropicScenario } from '../support/mock-api/anthropic.js';
import { refusedUrl, type Mock } from '../support/mock-api/server.js';
import { realCliBin } from '../support/real-clis.js';
import { runText } from '../support/run.js';
import { inheritedEnv } from './helpers.js';

const TIMEOUT = { timeout: 180_000 };
const MODEL = 'claude-sonnet-4-5';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function mock(scenario: AnthropicScenario): Promise<Mock> {
  const m = await startAnthropicMock(scenario);
  cleanups.push(() => m.close());
  return m;
}

function workDir(): string {
  const dir = tempDir();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The environment of a run: nothing of this machine's Claude login or settings, the real CLI first on PATH. */
function claudeEnv(
  dir: string,
  baseUrl: string,
  extra: Record<string, string | undefined>,
): NodeJS.ProcessEnv {
  const own = Object.fromEntries(
    Object.entries(inheritedEnv()).filter(([key]) => !/^(ANTHROPIC_|CLAUDE_|API_TIMEOUT_MS$)/.test(key)),
  );
  const home = path.join(dir, '.home');
  fs.mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...own,
    PATH: `${realCliBin('claude')}${path.delimiter}${process.env['PATH'] ?? ''}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    CLAUDE_CONFIG_DIR: path.join(home, '.claude'),
    ANTHROPIC_BASE_URL: baseUrl,
    ANTHROPIC_API_KEY: 'sk-ant-mock-key',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_MAX_RETRIES: '1',
  };
  // An undefined value takes the variable out (a run with no key at all).
  const merged = { ...env, ...extra };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}

interface RunOptions {
  edit?: boolean;
  timeout?: string;
  env?: Record<string, string | undefined>;
}

/** One claude task, run by the runner in a fresh folder against `baseUrl`. */
async function runClaude(dir: string, baseUrl: string, options: RunOptions = {}) {
  const plan = [
    'version: 1',
    'name: real-claude',
    'tasks:',
    '  - id: T-01',
    '    title: Say hello',
    '    agent: claude',
    '    prompt: Say hello, and write the file you are asked to write.',
    `    model: ${MODEL}`,
    '    retries: 0',
    `    timeout: ${options.timeout ?? '2m'}`,
    ...(options.edit === true ? ['    edit: true'] : []),
    '',
  ].join('\n');
  const result = await runText(plan, dir, { env: claudeEnv(dir, baseUrl, options.env ?? {}) });
  const outputs = path.join(dir, '.orchestrator/outputs/T-01');
  const read = (name: string) => fs.readFileSync(path.join(outputs, name), 'utf8');
  const progress = result.events.flatMap((e) => (e.type === 'progress' ? [e.text] : []));
  return { status: result.task('T-01'), log: read('log.txt'), read, progress, outputs };
}

describe('real claude 2.1.330 against the mock Messages API', () => {
  it('a text answer: done, with its result, cost and tokens', TIMEOUT, async () => {
    const api = await mock({ kind: 'text', text: 'Hello from the mock.' });
    const dir = workDir();
    const r = await runClaude(dir, api.url);
    expect(r.status).toMatchObject({
      status: 'done',
      attempts: 1,
      exit_code: 0,
      error: null,
      tokens: { input: 100, output: 20, cache_read: 0, cache_write: 0 },
    });
    // claude-sonnet-4-5 at $3 / $15 a million: 100 × 3e-6 + 20 × 15e-6.
    expect(r.status.cost_usd).toBeCloseTo(0.0006, 10);
    expect(r.read('result.md')).toBe('Hello from the mock.');
    // The flags the adapter passes reached the API: the model, and a key from ANTHROPIC_API_KEY.
    const call = api.requests.find((q) => q.url.startsWith('/v1/messages'));
    expect(call?.headers['x-api-key']).toBe('sk-ant-mock-key');
    expect(call?.body).toMatchObject({ model: MODEL, stream: true });
    // stream-json: one object a line, the init event first, the result last.
    expect(r.log).toMatch(/^\{"type":"system","subtype":"init"/m);
  });

  it('edit: true writes the file the model asks to write, and shows the tool call', TIMEOUT, async () => {
    const dir = workDir();
    fs.mkdirSync(path.join(dir, 'src'));
    const api = await mock({ kind: 'write-file', file: path.join(dir, 'src/a.ts'), content: 'export {};\n' });
    const r = await runClaude(dir, api.url, { edit: true });
    expect(r.status).toMatchObject({ status: 'done', error: null });
    expect(fs.readFileSync(path.join(dir, 'src/a.ts'), 'utf8')).toBe('export {};\n');
    expect(r.progress).toContain('claude: Write src/a.ts');
    expect(r.log).toContain('[orchestrator] claude: Write src/a.ts');
    // Two turns: the tool call, then the answer after its result.
    expect(r.status.tokens).toMatchObject({ input: 200, output: 40 });
  });

  it('edit: false: the refused Write is a permission failure, though the CLI exits 0', TIMEOUT, async () => {
    const dir = workDir();
    fs.mkdirSync(path.join(dir, 'src'));
    const api = await mock({ kind: 'write-file', file: path.join(dir, 'src/a.ts'), content: 'export {};\n' });
    const r = await runClaude(dir, api.url);
    expect(r.status).toMatchObject({
      status: 'failed',
      exit_code: 0,
      error:
        'permission: claude was refused Write on src/a.ts (the task has no edit: true; set edit: true to let it change files)',
    });
    expect(fs.existsSync(path.join(dir, 'src/a.ts'))).toBe(false);
    // The refusal went back to the model as the tool's result.
    expect(JSON.stringify(api.requests.at(-1)?.body)).toContain("you haven't granted it yet");
  });

  it(
    'edit: false still lets the agent write into its own output folder, as its prompt asks',
    TIMEOUT,
    async () => {
      const dir = workDir();
      const file = path.join(dir, '.orchestrator/outputs/T-01/notes.md');
      const api = await mock({ kind: 'write-file', file, content: '# notes\n' });
      const r = await runClaude(dir, api.url);
      expect(r.status).toMatchObject({ status: 'done', error: null });
      expect(fs.readFileSync(file, 'utf8')).toBe('# notes\n');
    },
  );

  it('a bad key (401): stopped at the first retry, not after minutes of them', TIMEOUT, async () => {
    const api = await mock({ kind: '401' });
    const dir = workDir();
    // The CLI's default of 10 retries: left alone it would retry the 401 for about three minutes.
    const r = await runClaude(dir, api.url, { timeout: '10m', env: { CLAUDE_CODE_MAX_RETRIES: undefined } });
    expect(r.status).toMatchObject({
      status: 'failed',
      attempts: 1,
      exit_code: null,
      error: 'claude authentication failed: Invalid API key, the API answered 401 (check ANTHROPIC_API_KEY)',
    });
    expect(r.log).toMatch(/^\{"type":"system","subtype":"api_retry","attempt":1,"max_retries":10,/m);
    expect(r.log).toContain('[orchestrator] stopping the attempt: claude authentication failed');
    expect(api.requests.length).toBeLessThan(10);
  });

  it('a bad key with no retries left: the result says it, and names the variable', TIMEOUT, async () => {
    const api = await mock({ kind: '401' });
    const r = await runClaude(workDir(), api.url, { env: { CLAUDE_CODE_MAX_RETRIES: '0' } });
    expect(r.status).toMatchObject({
      status: 'failed',
      exit_code: 1,
      error: 'claude authentication failed: Invalid API key · Fix external API key (check ANTHROPIC_API_KEY)',
    });
  });

  it('no key at all: "Not logged in" says to set ANTHROPIC_API_KEY', TIMEOUT, async () => {
    const api = await mock({ kind: 'text' });
    const r = await runClaude(workDir(), api.url, { env: { ANTHROPIC_API_KEY: undefined } });
    expect(r.status).toMatchObject({
      status: 'failed',
      error: 'claude authentication failed: Not logged in · Please run /login (set ANTHROPIC_API_KEY)',
    });
    expect(api.requests).toHaveLength(0);
  });

  it('a rate limit (429): transient, each retry shown', TIMEOUT, async () => {
    const api = await mock({ kind: '429' });
    const r = await runClaude(workDir(), api.url, { env: { CLAUDE_CODE_MAX_RETRIES: '2' } });
    expect(r.status).toMatchObject({
      status: 'failed',
      tokens: { input: 0, output: 0 },
      error:
        'claude API error (transient): API Error: Request rejected (429) · Number of request tokens has exceeded your per-minute rate limit',
    });
    expect(r.progress).toEqual([
      'claude: retrying the API, 1 of 2 (429 rate_limit)',
      'claude: retrying the API, 2 of 2 (429 rate_limit)',
    ]);
    expect(r.status.cost_usd).toBe(0);
  });

  it('an overload (529): transient', TIMEOUT, async () => {
    const api = await mock({ kind: 'overloaded' });
    const r = await runClaude(workDir(), api.url, { env: { CLAUDE_CODE_MAX_RETRIES: '2' } });
    expect(r.status.status).toBe('failed');
    expect(r.status.error).toMatch(/^claude API error \(transient\): API Error: 529 Overloaded\. /);
    expect(r.progress).toContain('claude: retrying the API, 2 of 2 (529 overloaded)');
  });

  it("a refused connection: transient, with the CLI's words for it", TIMEOUT, async () => {
    const r = await runClaude(workDir(), await refusedUrl());
    expect(r.status).toMatchObject({
      status: 'failed',
      error:
        'claude API error (transient): API Error: Connection refused — a firewall or proxy may be blocking it (ECONNREFUSED)',
    });
    expect(r.progress).toEqual(['claude: retrying the API, 1 of 1 (no answer)']);
  });

  it('a slow answer within its time: done', TIMEOUT, async () => {
    const api = await mock({ kind: 'slow', delayMs: 3000, text: 'Late, but here.' });
    const r = await runClaude(workDir(), api.url);
    expect(r.status).toMatchObject({ status: 'done', tokens: { input: 100, output: 20 } });
    expect(r.read('result.md')).toBe('Late, but here.');
  });

  it('an answer slower than API_TIMEOUT_MS: transient', TIMEOUT, async () => {
    // 1 s against 30 s of delay: the CLI gives up long before the answer, however slow the machine.
    const api = await mock({ kind: 'slow', delayMs: 30_000 });
    const r = await runClaude(workDir(), api.url, {
      env: { API_TIMEOUT_MS: '1000', CLAUDE_CODE_MAX_RETRIES: '0' },
    });
    expect(r.status.status).toBe('failed');
    expect(r.status.error).toMatch(/^claude API error \(transient\): Request timed out\. /);
  });
});
