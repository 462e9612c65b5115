import { describe, expect, it } from 'vitest';
import { claudeAdapter } from '../../src/agents/claude.js';
import type { AgentResult } from '../../src/agents/types.js';
import { contextOf, ended, oneTask, sample } from './helpers.js';

const { plan, task } = oneTask('    prompt: Audit the module\n    max-turns: 10\n');
const ctx = contextOf(plan, task);

function interpret(stdout: string, exitCode = 0, stderr = ''): AgentResult {
  return claudeAdapter.interpret(ended({ stdout, exitCode, stderr }), ctx);
}

describe('claude adapter: invocation', () => {
  it('asks for print mode and JSON, the prompt on stdin', () => {
    const { plan, task } = oneTask('    prompt: Do it\n');
    expect(claudeAdapter.invocation(contextOf(plan, task, 'the prompt'))).toEqual({
      argv: ['claude', '-p', '--output-format', 'json'],
      stdin: 'the prompt',
    });
    expect(claudeAdapter.ai).toBe(true);
  });

  it('passes max-turns, allowed-tools (one comma-separated argument) and model', () => {
    const { plan, task } = oneTask(
      "    prompt: Do it\n    max-turns: 12\n    allowed-tools: [Read, Grep, 'Bash(npm test:*)']\n    model: claude-sonnet-4-5\n",
    );
    expect(claudeAdapter.invocation(contextOf(plan, task)).argv).toEqual([
      'claude',
      '-p',
      '--output-format',
      'json',
      '--max-turns',
      '12',
      '--allowedTools',
      'Read,Grep,Bash(npm test:*)',
      '--model',
      'claude-sonnet-4-5',
    ]);
  });

  it('takes the settings from defaults, and leaves out an empty tool list', () => {
    const { plan, task } = oneTask(
      '    prompt: Do it\n    allowed-tools: []\n',
      'defaults:\n  model: opus\n',
    );
    expect(claudeAdapter.invocation(contextOf(plan, task)).argv).toEqual([
      'claude',
      '-p',
      '--output-format',
      'json',
      '--model',
      'opus',
    ]);
  });
});

describe('claude adapter: interpret', () => {
  const metrics = {
    costUsd: 0.1874,
    tokens: { input: 4, output: 512, cacheRead: 13962, cacheWrite: 5342 },
    turns: 6,
    sessionId: '0f6c2a8e-3b1d-4c7a-9e52-7d1f0b6a4c33',
  };

  it('success: the result text, cost, tokens, turns and session', () => {
    const result = interpret(sample('claude', 'success.stdout'));
    expect(result).toEqual({
      outcome: 'success',
      result: expect.stringContaining('## Session cookie access'),
      ...metrics,
    });
    expect(result.error).toBeUndefined();
  });

  it('success printed as an array of messages (--verbose): the last result message', () => {
    expect(interpret(sample('claude', 'success-verbose.stdout'))).toEqual(
      interpret(sample('claude', 'success.stdout')),
    );
  });

  it('success after lines that are not the result (a warning, a stray object)', () => {
    expect(interpret(sample('claude', 'success-after-noise.stdout'))).toEqual(
      interpret(sample('claude', 'success.stdout')),
    );
  });

  // [file, exit code, outcome, error]
  const cases: [string, number, AgentResult['outcome'], string][] = [
    [
      'overloaded.stdout',
      1,
      'transient',
      'claude API error (transient): API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CZbiHognn1znP8MCgREwD"}',
    ],
    [
      'overloaded-repeated.stdout',
      1,
      'transient',
      'claude API error (transient): API Error: Repeated 529 Overloaded errors',
    ],
    ['rate-limited.stdout', 0, 'transient', 'claude API error (transient): API Error: Rate limit reached'],
    [
      'rate-limited-status.stdout',
      1,
      'transient',
      'claude API error (transient): API Error: Request rejected (429) · Rate limited. Please try again later.',
    ],
    [
      'server-error.stdout',
      1,
      'transient',
      'claude API error (transient): API Error: 500 {"type":"error","error":{"type":"api_error","message":"Internal server error"},"request_id":"req_011CZ9x2b7Yq"}',
    ],
    [
      'usage-limit.stdout',
      1,
      'failure',
      "claude usage limit reached: You've hit your session limit · resets 2:50am (America/Sao_Paulo)",
    ],
    [
      'invalid-request.stdout',
      1,
      'failure',
      'claude reported an error: API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 215000 tokens > 200000 maximum"}}',
    ],
    ['not-logged-in.stdout', 1, 'failure', 'claude reported an error: Not logged in · Please run /login'],
    ['max-turns.stdout', 0, 'failure', 'claude stopped at its turn limit after 11 turns (max-turns: 10)'],
    [
      'max-turns-errors.stdout',
      1,
      'failure',
      'claude stopped at its turn limit after 11 turns (max-turns: 10)',
    ],
    [
      'execution-error.stdout',
      1,
      'failure',
      'claude reported an error (error_during_execution): Tool permission request failed: Error: Stream closed',
    ],
  ];
  it.each(cases)('%s (exit code %i) is %s', (file, exitCode, outcome, error) => {
    const result = interpret(sample('claude', file), exitCode);
    expect(result.outcome).toBe(outcome);
    expect(result.error).toBe(error);
  });

  it('reports cost and tokens on failures too', () => {
    expect(interpret(sample('claude', 'max-turns.stdout'))).toMatchObject({
      costUsd: 0.4121,
      turns: 11,
      tokens: metrics.tokens,
      result: '',
    });
    expect(interpret(sample('claude', 'overloaded.stdout'), 1)).toMatchObject({
      costUsd: 0,
      tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    });
  });

  it('a success result with a non-zero exit code is a failure', () => {
    expect(interpret(sample('claude', 'success.stdout'), 1, 'hook failed\n')).toMatchObject({
      outcome: 'failure',
      error: 'claude reported success but ended with exit code 1: hook failed',
      costUsd: 0.1874,
    });
  });

  it('accepts a result without `type`, and the older `cost_usd`', () => {
    const stdout = JSON.stringify({ subtype: 'success', is_error: false, result: 'ok', cost_usd: 0.5 });
    expect(interpret(stdout)).toEqual({ outcome: 'success', result: 'ok', costUsd: 0.5 });
  });

  it('without a JSON result: garbage with exit code 0 is a failure quoting the output', () => {
    expect(interpret('Welcome to Claude!\nHere is some text.\n\n')).toEqual({
      outcome: 'failure',
      result: '',
      error: 'claude printed no JSON result; last output: Here is some text.',
    });
    expect(interpret('{"not": "a result"}\n').error).toBe(
      'claude printed no JSON result; last output: {"not": "a result"}',
    );
    expect(interpret('').error).toBe('claude printed no JSON result; last output: (nothing)');
  });

  it('without a JSON result: a non-zero exit is a failure with stderr', () => {
    expect(interpret('', 1, 'Error: Invalid API key · Please run /login\n')).toEqual({
      outcome: 'failure',
      result: '',
      error: 'claude printed no JSON result; exit code 1: Error: Invalid API key · Please run /login',
    });
    expect(claudeAdapter.interpret(ended({ exitCode: null, signal: 'SIGKILL' }), ctx).error).toBe(
      'claude printed no JSON result; killed by SIGKILL',
    );
  });

  it('without a JSON result: an overload, a rate limit or a lost connection on stderr is transient', () => {
    const overloaded = interpret(
      '',
      1,
      'some log\nAPI Error: 529 {"type":"error","error":{"type":"overloaded_error"}}\n',
    );
    expect(overloaded).toEqual({
      outcome: 'transient',
      result: '',
      error:
        'claude API error (transient): API Error: 529 {"type":"error","error":{"type":"overloaded_error"}}',
    });
    expect(
      interpret('', 1, 'API Error: 429 {"type":"error","error":{"type":"rate_limit_error"}}').outcome,
    ).toBe('transient');
    expect(
      interpret('', 1, 'API Error (Connection error.) · Retrying in 1 seconds… (attempt 1/10)').outcome,
    ).toBe('transient');
    expect(interpret('', 1, "You've hit your limit · resets 1pm (Europe/Lisbon)")).toEqual({
      outcome: 'failure',
      result: '',
      error: "claude usage limit reached: You've hit your limit · resets 1pm (Europe/Lisbon)",
    });
  });

  it('says when the start of the output was cut', () => {
    const end = ended({ stdout: 'ult":"half a result"}\n', truncated: true });
    expect(claudeAdapter.interpret(end, ctx).error).toBe(
      'claude printed no JSON result (the start of its output was cut); last output: ult":"half a result"}',
    );
  });

  it('does not call a success transient because its answer mentions an overload', () => {
    const stdout = JSON.stringify({
      type: 'result',
      subtype: 'success',
      is_error: false,
      result: 'Handled HTTP 529 overloaded_error and 429 rate limits with retries.',
    });
    expect(interpret(stdout).outcome).toBe('success');
  });
});
