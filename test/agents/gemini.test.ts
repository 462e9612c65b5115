import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowPolicy, geminiAdapter } from '../../src/agents/gemini.js';
import type { AgentResult } from '../../src/agents/types.js';
import { contextOf, ended, oneTask, sample } from './helpers.js';

const { plan, task } = oneTask('    agent: gemini\n    prompt: Name the capital\n');
const ctx = contextOf(plan, task);

function interpret(stdout: string, exitCode = 0, stderr = ''): AgentResult {
  return geminiAdapter.interpret(ended({ stdout, exitCode, stderr }), ctx);
}

describe('gemini adapter: invocation', () => {
  it('asks for JSON, trusts the folder, the default approval mode, an empty -p, the prompt on stdin', () => {
    expect(geminiAdapter.invocation(contextOf(plan, task, 'the prompt'))).toEqual({
      argv: ['gemini', '--output-format', 'json', '--skip-trust', '--approval-mode', 'default', '-p', ''],
      stdin: 'the prompt',
    });
    expect(geminiAdapter.ai).toBe(true);
  });

  it('edit: true is the auto_edit approval mode', () => {
    const { plan, task } = oneTask('    agent: gemini\n    prompt: Do it\n');
    task.edit = true;
    expect(geminiAdapter.invocation(contextOf(plan, task)).argv).toEqual([
      'gemini',
      '--output-format',
      'json',
      '--skip-trust',
      '--approval-mode',
      'auto_edit',
      '-p',
      '',
    ]);
  });

  it('the model; the allowed tools as a policy file; max-turns as system settings', () => {
    const { plan, task } = oneTask(
      '    agent: gemini\n    prompt: Do it\n    model: gemini-2.5-flash\n    max-turns: 7\n    allowed-tools: [read_file, run_shell_command]\n',
    );
    const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gemini-adapter-'));
    try {
      const invocation = geminiAdapter.invocation({ ...contextOf(plan, task), outputDir });
      const policy = path.join(outputDir, '.gemini-cli', 'policy.toml');
      const settings = path.join(outputDir, '.gemini-cli', 'settings.json');
      expect(invocation.argv).toEqual([
        'gemini',
        '--output-format',
        'json',
        '--skip-trust',
        '--approval-mode',
        'default',
        '-m',
        'gemini-2.5-flash',
        '--policy',
        policy,
        '-p',
        '',
      ]);
      expect(invocation.env).toEqual({ GEMINI_CLI_SYSTEM_SETTINGS_PATH: settings });
      expect(JSON.parse(fs.readFileSync(settings, 'utf8'))).toEqual({ model: { maxSessionTurns: 7 } });
      expect(fs.readFileSync(policy, 'utf8')).toBe(allowPolicy(['read_file', 'run_shell_command']));
      expect(allowPolicy(['read_file'])).toBe(
        '[[rule]]\ntoolName = "read_file"\ndecision = "allow"\npriority = 900\n',
      );
    } finally {
      fs.rmSync(outputDir, { recursive: true, force: true });
    }
  });
});

describe('gemini adapter: interpret', () => {
  it('success: the response, tokens (cached apart, thoughts counted as output) and the session', () => {
    expect(interpret(sample('gemini', 'success.stdout'))).toEqual({
      outcome: 'success',
      result: 'The capital of France is Paris.',
      tokens: { input: 3676, output: 174, cacheRead: 21263 },
      sessionId: '4d7e1c2a-9b3f-4a61-8e05-2c9d7f1b3a60',
    });
  });

  it('sums the tokens of every model used', () => {
    const stdout = JSON.stringify({
      response: 'ok',
      stats: {
        models: {
          'gemini-2.5-pro': { tokens: { prompt: 100, candidates: 10, cached: 40 } },
          'gemini-2.5-flash': { tokens: { input: 7, prompt: 50, candidates: 5, thoughts: 3, cached: 0 } },
        },
      },
    });
    expect(interpret(stdout)).toEqual({
      outcome: 'success',
      result: 'ok',
      tokens: { input: 67, output: 18, cacheRead: 40 },
    });
  });

  // [file on stderr, exit code, outcome, error]
  const cases: [string, number, AgentResult['outcome'], string][] = [
    [
      'rate-limited.stderr',
      173,
      'transient',
      'gemini API error (transient): ApiError: got status: 429 Too Many Requests. {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}',
    ],
    [
      'retryable-quota.stderr',
      1,
      'transient',
      'gemini API error (transient): RetryableQuotaError: The model is overloaded. Please try again later.',
    ],
    [
      'unavailable.stderr',
      247,
      'transient',
      'gemini API error (transient): ApiError: {"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}',
    ],
    [
      'daily-quota.stderr',
      1,
      'failure',
      'gemini quota exhausted: TerminalQuotaError: You have exhausted your daily quota on this model.',
    ],
    [
      'turn-limit.stderr',
      53,
      'failure',
      'gemini stopped at its session turn limit: Reached max session turns for this session. Increase the number of turns by specifying maxSessionTurns in settings.json.',
    ],
    [
      'model-not-found.stderr',
      148,
      'failure',
      'gemini failed: ModelNotFoundError: Requested entity was not found.',
    ],
  ];
  it.each(cases)('%s (exit code %i) is %s', (file, exitCode, outcome, error) => {
    expect(interpret('', exitCode, sample('gemini', file))).toEqual({ outcome, result: '', error });
  });

  it('an answer with a non-zero exit code is a failure', () => {
    expect(interpret(sample('gemini', 'success.stdout'), 1, 'oops\n')).toMatchObject({
      outcome: 'failure',
      error: 'gemini answered but ended with exit code 1: oops',
      result: 'The capital of France is Paris.',
    });
    expect(interpret(sample('gemini', 'success.stdout'), 53).error).toBe(
      'gemini stopped at its session turn limit (exit code 53)',
    );
  });

  it('finds the JSON after warnings on stdout', () => {
    const stdout = `Loaded cached credentials.\n[WARN] Skipping unreadable directory\n${sample('gemini', 'success.stdout')}`;
    expect(interpret(stdout).result).toBe('The capital of France is Paris.');
  });

  it('without JSON: garbage, a crash, an overload on stderr, the turn limit', () => {
    expect(interpret('The capital of France is Paris.\n')).toEqual({
      outcome: 'failure',
      result: '',
      error: 'gemini printed no JSON result; last output: The capital of France is Paris.',
    });
    expect(interpret('', 1, 'TypeError: Cannot read properties of undefined\n').error).toBe(
      'gemini printed no JSON result; exit code 1: TypeError: Cannot read properties of undefined',
    );
    expect(
      interpret('', 1, '[API Error: got status: 503 Service Unavailable. The model is overloaded.]\n')
        .outcome,
    ).toBe('transient');
    expect(interpret('', 53, 'Reached max session turns for this session.\n').error).toBe(
      'gemini stopped at its session turn limit; exit code 53: Reached max session turns for this session.',
    );
    expect(interpret('', 1, 'Quota exceeded for quota metric per day per user\n').outcome).toBe('failure');
  });

  it('does not take "unavailable" in prose for an API status', () => {
    const stderr = JSON.stringify({
      error: { type: 'Error', message: 'The file is unavailable in this workspace.' },
    });
    expect(interpret('', 1, stderr).outcome).toBe('failure');
  });

  it('exit code 41 and API 401s are authentication failures naming GEMINI_API_KEY', () => {
    const noKey = JSON.stringify({
      error: { type: 'Error', message: 'Invalid auth method selected.', code: 41 },
    });
    expect(interpret('', 41, noKey)).toEqual({
      outcome: 'failure',
      result: '',
      error: 'gemini authentication failed: Invalid auth method selected. (check GEMINI_API_KEY)',
    });
    const unauthorized = JSON.stringify({
      error: {
        type: 'Error',
        message: '{"error":{"code":401,"message":"bad key","status":"UNAUTHENTICATED"}}',
        code: 401,
      },
    });
    expect(interpret('', 145, unauthorized).error).toMatch(
      /^gemini authentication failed: .*\(check GEMINI_API_KEY\)$/,
    );
  });

  it('exit code 55: the untrusted folder, in plain text', () => {
    const stderr =
      '\u001b[31mGemini CLI is not running in a trusted directory. To proceed, either use `--skip-trust`\u001b[0m\n';
    expect(interpret('', 55, stderr)).toMatchObject({
      outcome: 'failure',
      error: expect.stringMatching(/^gemini refused the folder as untrusted; exit code 55: /),
    });
  });

  it('a failed write_file while the task may not edit is a permission failure', () => {
    const stdout = JSON.stringify({
      response: 'Done.',
      stats: { tools: { byName: { write_file: { count: 1, success: 0, fail: 1 }, read_file: { fail: 1 } } } },
    });
    expect(interpret(stdout)).toEqual({
      outcome: 'failure',
      result: 'Done.',
      error:
        'permission: gemini was refused write_file (the task has no edit: true; set edit: true to let it change files)',
    });
    const { plan, task } = oneTask('    agent: gemini\n    prompt: Do it\n');
    task.edit = true;
    expect(geminiAdapter.interpret(ended({ stdout }), contextOf(plan, task)).outcome).toBe('success');
  });
});

describe('gemini adapter: watch', () => {
  it("shows the CLI's API retries from stderr", () => {
    const watch = geminiAdapter.watch!(ctx);
    expect(
      watch.line(
        'Attempt 2 failed with status 503. Retrying with backoff... _ApiError: {"error":{}}',
        'stderr',
      ),
    ).toEqual({ progress: 'gemini: retrying the API after attempt 2 (status 503)' });
    expect(watch.line('Attempt 1 failed: quota. Retrying after 3000ms...', 'stderr')).toEqual({
      progress: 'gemini: retrying the API after attempt 1',
    });
    expect(watch.line('Attempt 5 failed: mock 503. Max attempts reached', 'stderr')).toBeUndefined();
    expect(watch.line('Attempt 2 failed with status 503. Retrying', 'stdout')).toBeUndefined();
  });
});
