/**
 * The codex adapter against the real CLI (@openai/codex 0.169.0, installed by test/support/real-clis.ts) and
 * the loopback mock of the Responses API (test/support/mock-api/openai.ts): each outcome run as a plan task,
 * through the runner, so the argv, the key mapping, the watcher and interpret are the product's own.
 *
 * codex gets a HOME and a CODEX_HOME of its own, with a config.toml that points the built-in `openai` provider
 * at the mock (`openai_base_url`) and turns off analytics and the update check. codex's own retries are not
 * cut for the built-in provider (it refuses `model_providers.openai.*`: "Built-in providers cannot be
 * overridden"); the 503 case, which it retries five times (about 24 s), uses a custom provider `mock` with
 * `stream_max_retries = 1`, `request_max_retries = 0`, `supports_websockets = false`, read from CODEX_API_KEY.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { OPENAI_USAGE, startOpenAiMock, type OpenAiScenario } from '../support/mock-api/openai.js';
import { refusedUrl, type Mock } from '../support/mock-api/server.js';
import { realCliBin } from '../support/real-clis.js';
import { runText } from '../support/run.js';
import { inheritedEnv } from './helpers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function mock(
  scenario: OpenAiScenario,
  options?: Parameters<typeof startOpenAiMock>[1],
): Promise<Mock> {
  const m = await startOpenAiMock(scenario, options);
  cleanups.push(() => m.close());
  return m;
}

/** codex's config: the built-in provider at the mock, or a custom one without retries. */
function config(baseUrl: string, provider: 'openai' | 'no-retries' = 'openai'): string {
  const common = 'check_for_update_on_startup = false\n\n[analytics]\nenabled = false\n';
  if (provider === 'openai') return `openai_base_url = "${baseUrl}/v1"\n${common}`;
  return `model_provider = "mock"\n${common}\n[model_providers.mock]\nname = "mock"\nbase_url = "${baseUrl}/v1"\nenv_key = "CODEX_API_KEY"\nwire_api = "responses"\nrequest_max_retries = 0\nstream_max_retries = 1\nsupports_websockets = false\n`;
}

interface Run {
  key?: Record<string, string>;
  edit?: boolean;
  provider?: 'openai' | 'no-retries';
  timeout?: string;
}

async function runCodex(baseUrl: string, { key = { CODEX_API_KEY: 'sk-test' }, ...o }: Run = {}) {
  const dir = tempDir();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const home = path.join(dir, 'home');
  const codexHome = path.join(home, '.codex');
  fs.mkdirSync(codexHome, { recursive: true });
  fs.writeFileSync(path.join(codexHome, 'config.toml'), config(baseUrl, o.provider));
  const work = path.join(dir, 'work');
  fs.mkdirSync(work);
  const inherited = Object.fromEntries(
    Object.entries(inheritedEnv()).filter(([k]) => !/^(CODEX_|OPENAI_)/.test(k)),
  );
  const plan =
    `version: 1\nname: real-codex\ntasks:\n  - id: T-01\n    title: Say hello\n    agent: codex\n` +
    `    prompt: Say hello.\n    retries: 0\n    timeout: ${o.timeout ?? '3m'}\n${o.edit === true ? '    edit: true\n' : ''}`;
  const result = await runText(plan, work, {
    env: {
      ...inherited,
      HOME: home,
      CODEX_HOME: codexHome,
      PATH: `${realCliBin('codex')}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}/usr/bin:/bin`,
      ...key,
    },
  });
  const status = result.task('T-01');
  const out = path.join(work, '.orchestrator/outputs/T-01');
  const read = (f: string) =>
    fs.existsSync(path.join(out, f)) ? fs.readFileSync(path.join(out, f), 'utf8') : '';
  return { status, work, log: read('log.txt'), resultMd: read('result.md'), events: result.events };
}

const TIMEOUT = { timeout: 180_000 };
const ONE_ANSWER = { input: OPENAI_USAGE.input - OPENAI_USAGE.cached, output: OPENAI_USAGE.output };

describe('codex 0.169.0 against the mock Responses API', () => {
  it(
    'text: done, the answer in result.md, tokens (cached apart), no cost; outside any git repository',
    TIMEOUT,
    async () => {
      const m = await mock('text', { text: 'Hello from the mock.' });
      const r = await runCodex(m.url);
      expect(r.status).toMatchObject({ status: 'done', error: null, cost_usd: null });
      expect(r.status.tokens).toMatchObject({ ...ONE_ANSWER, cache_read: OPENAI_USAGE.cached });
      expect(r.resultMd).toBe('Hello from the mock.');
      const post = m.requests.find((q) => q.method === 'POST')!;
      expect(post.headers['authorization']).toBe('Bearer sk-test');
    },
  );

  it(
    'OPENAI_API_KEY alone reaches the API as a bearer key (codex itself sends only CODEX_API_KEY)',
    TIMEOUT,
    async () => {
      const m = await mock('text');
      const r = await runCodex(m.url, { key: { OPENAI_API_KEY: 'sk-openai' } });
      expect(r.status.status).toBe('done');
      expect(m.requests.filter((q) => q.method === 'POST').map((q) => q.headers['authorization'])).toEqual([
        'Bearer sk-openai',
      ]);
    },
  );

  it('write-file with edit: true: the sandbox lets it write in the working folder', TIMEOUT, async () => {
    const m = await mock('write-file', {
      file: { path: 'hello.txt', content: 'written by codex' },
      text: 'Wrote it.',
    });
    const r = await runCodex(m.url, { edit: true });
    expect(r.status).toMatchObject({ status: 'done' });
    expect(fs.readFileSync(path.join(r.work, 'hello.txt'), 'utf8')).toBe('written by codex\n');
    // Two answers in the turn: codex adds up their usage.
    expect(r.status.tokens).toMatchObject({ input: 2 * ONE_ANSWER.input, output: 2 * ONE_ANSWER.output });
  });

  it(
    'write-file without edit: the read-only sandbox refuses, and the task fails with a permission reason',
    TIMEOUT,
    async () => {
      const m = await mock('write-file', {
        file: { path: 'hello.txt', content: 'written by codex' },
        text: 'Wrote it.',
      });
      const r = await runCodex(m.url);
      expect(fs.existsSync(path.join(r.work, 'hello.txt'))).toBe(false);
      expect(r.status.status).toBe('failed');
      expect(r.status.error).toBe(
        "permission: codex's sandbox refused a file change (writing is blocked by read-only sandbox) (the task has no edit: true; set edit: true to let it change files)",
      );
    },
  );

  it(
    '401: stopped at codex’s first retry, authentication failed naming both key variables',
    TIMEOUT,
    async () => {
      const m = await mock('401');
      const r = await runCodex(m.url);
      expect(r.status).toMatchObject({ status: 'failed', attempts: 1 });
      expect(r.status.error).toMatch(
        /^codex authentication failed: 401 Unauthorized: Incorrect API key provided: sk-bad\..* \(check CODEX_API_KEY or OPENAI_API_KEY\)$/,
      );
      expect(r.log).toContain('[orchestrator] stopping the attempt: codex authentication failed');
    },
  );

  it('no key at all: the API’s 401 becomes the same authentication failure', TIMEOUT, async () => {
    const m = await mock('text');
    const r = await runCodex(m.url, { key: {} });
    expect(r.status.error).toMatch(
      /^codex authentication failed: .*Missing bearer.*\(check CODEX_API_KEY or OPENAI_API_KEY\)$/,
    );
  });

  it('429: transient', TIMEOUT, async () => {
    const m = await mock('429');
    const r = await runCodex(m.url);
    expect(r.status).toMatchObject({ status: 'failed' });
    expect(r.status.error).toBe(
      'codex API error (transient): exceeded retry limit, last status: 429 Too Many Requests',
    );
  });

  it('503 (overloaded): transient, codex’s retry shown as progress', TIMEOUT, async () => {
    const m = await mock('overloaded');
    const r = await runCodex(m.url, { provider: 'no-retries' });
    expect(r.status.status).toBe('failed');
    expect(r.status.error).toMatch(
      /^codex API error \(transient\): unexpected status 503 Service Unavailable/,
    );
    expect(r.log).toContain('[orchestrator] codex: reconnecting to the API, 1 of 1 (unexpected status 503');
  });

  it(
    'refused connection: stopped as transient when codex starts waiting for the network, the cause named',
    TIMEOUT,
    async () => {
      const r = await runCodex(await refusedUrl(), { timeout: '10m' });
      expect(r.status.status).toBe('failed');
      expect(r.status.error).toMatch(
        /^codex could not reach the API: .*Connection refused.*\(it was waiting for the network\)$/,
      );
      expect(r.log).toContain('[orchestrator] codex: reconnecting to the API, 2 of 5');
    },
  );

  it('slow answer: done once it comes', TIMEOUT, async () => {
    const m = await mock('slow', { delayMs: 3000, text: 'Late but here.' });
    const r = await runCodex(m.url);
    expect(r.status.status).toBe('done');
    expect(r.resultMd).toBe('Late but here.');
  });
});
