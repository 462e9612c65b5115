import { describe, expect, it } from 'vitest';
import { geminiAdapter } from '../../src/agents/gemini.js';
import type { AgentResult } from '../../src/agents/types.js';
import { contextOf, ended, oneTask, sample } from './helpers.js';

const { plan, task } = oneTask('    agent: gemini\n    prompt: Name the capital\n');
const ctx = contextOf(plan, task);

function interpret(stdout: string, exitCode = 0, stderr = ''): AgentResult {
  return geminiAdapter.interpret(ended({ stdout, exitCode, stderr }), ctx);
}

describe('gemini adapter: invocation', () => {
  it('asks for JSON, an empty -p for headless mode, the prompt on stdin', () => {
    expect(geminiAdapter.invocation(contextOf(plan, task, 'the prompt'))).toEqual({
      argv: ['gemini', '--output-format', 'json', '-p', ''],
      stdin: 'the prompt',
    });
    expect(geminiAdapter.ai).toBe(true);
  });

  it('passes the model and the allowed tools', () => {
    const { plan, task } = oneTask(
      '    agent: gemini\n    prompt: Do it\n    model: gemini-2.5-flash\n    allowed-tools: [read_file, run_shell_command]\n',
    );
    expect(geminiAdapter.invocation(contextOf(plan, task)).argv).toEqual([
      'gemini',
      '--output-format',
      'json',
      '-m',
      'gemini-2.5-flash',
      '--allowed-tools',
      'read_file,run_shell_command',
      '-p',
      '',
    ]);
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
});
