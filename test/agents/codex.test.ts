import { describe, expect, it } from 'vitest';
import { codexAdapter } from '../../src/agents/codex.js';
import type { AgentResult } from '../../src/agents/types.js';
import { contextOf, ended, oneTask, sample } from './helpers.js';

const { plan, task } = oneTask('    agent: codex\n    prompt: Find the README\n');
const ctx = contextOf(plan, task);

function interpret(stdout: string, exitCode = 0, stderr = ''): AgentResult {
  return codexAdapter.interpret(ended({ stdout, exitCode, stderr }), ctx);
}

describe('codex adapter: invocation', () => {
  it('runs codex exec with JSON events, the prompt on stdin (`-`)', () => {
    expect(codexAdapter.invocation(contextOf(plan, task, 'the prompt'))).toEqual({
      argv: ['codex', 'exec', '--json', '-'],
      stdin: 'the prompt',
    });
    expect(codexAdapter.ai).toBe(true);
  });

  it('passes the model with -m; max-turns and allowed-tools have no codex flag', () => {
    const { plan, task } = oneTask(
      '    agent: codex\n    prompt: Do it\n    model: gpt-5-codex\n    max-turns: 4\n    allowed-tools: [Read]\n',
    );
    expect(codexAdapter.invocation(contextOf(plan, task)).argv).toEqual([
      'codex',
      'exec',
      '--json',
      '-m',
      'gpt-5-codex',
      '-',
    ]);
  });
});

describe('codex adapter: interpret', () => {
  it('success: the last agent message, tokens (cached ones apart) and the thread id', () => {
    expect(interpret(sample('codex', 'success.stdout'))).toEqual({
      outcome: 'success',
      result: 'Yep — there’s a `README.md` in the repository root.',
      tokens: { input: 315, output: 122, cacheRead: 24448 },
      sessionId: '0199a213-81c0-7800-8aa1-bbab2a035a53',
    });
  });

  // [file, outcome, error]
  const cases: [string, AgentResult['outcome'], string][] = [
    [
      'rate-limited.stdout',
      'transient',
      'codex API error (transient): exceeded retry limit, last status: 429 Too Many Requests, request id: req_7f3a',
    ],
    [
      'stream-disconnected.stdout',
      'transient',
      'codex API error (transient): stream disconnected before completion: error sending request for url (https://api.openai.com/v1/responses)',
    ],
    [
      'high-demand.stdout',
      'transient',
      "codex API error (transient): We're currently experiencing high demand, which may cause temporary errors.",
    ],
    [
      'unauthorized.stdout',
      'failure',
      'codex failed: unexpected status 401 Unauthorized: Missing bearer or basic authentication in header',
    ],
    [
      'usage-limit.stdout',
      'failure',
      "codex usage limit reached: You've hit your usage limit. Upgrade to Pro (https://openai.com/chatgpt/pricing), visit https://chatgpt.com/codex/settings/usage to purchase more credits or try again at 3:05 PM.",
    ],
    [
      'quota-exceeded.stdout',
      'failure',
      'codex usage limit reached: Quota exceeded. Check your plan and billing details.',
    ],
  ];
  it.each(cases)('%s is %s', (file, outcome, error) => {
    const result = interpret(sample('codex', file), 1);
    expect(result).toEqual({
      outcome,
      result: '',
      error,
      sessionId: '0199a213-81c0-7800-8aa1-bbab2a035a53',
    });
  });

  it('a completed turn with a non-zero exit code is a failure', () => {
    expect(interpret(sample('codex', 'success.stdout'), 1, 'panicked at shutdown\n')).toMatchObject({
      outcome: 'failure',
      error: 'codex completed its turn but ended with exit code 1: panicked at shutdown',
      result: 'Yep — there’s a `README.md` in the repository root.',
    });
  });

  it('a run that stops without completing its turn is a failure with stderr', () => {
    const started = '{"type":"thread.started","thread_id":"t-1"}\n{"type":"turn.started"}\n';
    expect(interpret(started, 1, 'Error: sandbox setup failed\n')).toEqual({
      outcome: 'failure',
      result: '',
      error: 'codex failed: Error: sandbox setup failed',
      sessionId: 't-1',
    });
    expect(
      codexAdapter.interpret(ended({ stdout: started, exitCode: null, signal: 'SIGKILL' }), ctx).error,
    ).toBe('codex failed: killed by SIGKILL');
  });

  it('takes the last answer of several turns, and a later completed turn over an earlier failure', () => {
    const stdout = [
      '{"type":"turn.failed","error":{"message":"stream disconnected before completion: boom"}}',
      '{"type":"item.completed","item":{"id":"item_0","type":"agent_message","text":"first"}}',
      '{"type":"item.completed","item":{"id":"item_1","type":"agent_message","text":"second"}}',
      '{"type":"turn.completed","usage":{"input_tokens":10,"output_tokens":2}}',
    ].join('\n');
    expect(interpret(stdout)).toEqual({
      outcome: 'success',
      result: 'second',
      tokens: { input: 10, output: 2 },
    });
  });

  it('without JSON events: garbage, a crash, or a transient error on stderr', () => {
    expect(interpret('Here is the answer, in plain text.\n')).toEqual({
      outcome: 'failure',
      result: '',
      error: 'codex printed no JSON events; last output: Here is the answer, in plain text.',
    });
    expect(interpret('', 1, "Error: unexpected argument '--jsn' found\n").error).toBe(
      "codex printed no JSON events; exit code 1: Error: unexpected argument '--jsn' found",
    );
    expect(interpret('', 1, 'ERROR: exceeded retry limit, last status: 503 Service Unavailable\n')).toEqual({
      outcome: 'transient',
      result: '',
      error: 'codex API error (transient): ERROR: exceeded retry limit, last status: 503 Service Unavailable',
    });
    expect(interpret('', 1, "ERROR: You've hit your usage limit. Try again later.\n").outcome).toBe(
      'failure',
    );
  });
});
