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
  const OUT = '/work/.orchestrator/outputs/T-01';
  // What every invocation has: stream-json (watched line by line), read access to the outputs folder, and
  // write access to the task's own output folder.
  const HEAD = ['claude', '-p', '--output-format', 'stream-json', '--verbose'];

  it('asks for print mode and stream-json, read-only (--permission-mode default), the prompt on stdin', () => {
    const { plan, task } = oneTask('    prompt: Do it\n');
    expect(claudeAdapter.invocation(contextOf(plan, task, 'the prompt'))).toEqual({
      argv: [
        ...HEAD,
        '--permission-mode',
        'default',
        '--add-dir',
        '/work/.orchestrator/outputs',
        '--allowedTools',
        `Edit(/${OUT}/**)`,
      ],
      stdin: 'the prompt',
    });
    expect(claudeAdapter.ai).toBe(true);
  });

  it('edit: true is acceptEdits, never bypassPermissions', () => {
    const { plan, task } = oneTask('    prompt: Do it\n');
    task.edit = true;
    const argv = claudeAdapter.invocation(contextOf(plan, task)).argv;
    expect(argv.slice(5, 7)).toEqual(['--permission-mode', 'acceptEdits']);
    expect(argv.join(' ')).not.toMatch(/bypassPermissions|dangerously/);
  });

  it('passes max-turns, allowed-tools (one comma-separated argument, the output folder rule last) and model', () => {
    const { plan, task } = oneTask(
      "    prompt: Do it\n    max-turns: 12\n    allowed-tools: [Read, Grep, 'Bash(npm test:*)']\n    model: claude-sonnet-4-5\n",
    );
    expect(claudeAdapter.invocation(contextOf(plan, task)).argv.slice(9)).toEqual([
      '--max-turns',
      '12',
      '--allowedTools',
      `Read,Grep,Bash(npm test:*),Edit(/${OUT}/**)`,
      '--model',
      'claude-sonnet-4-5',
    ]);
  });

  it('takes the settings from defaults; an empty tool list adds nothing but the output folder rule', () => {
    const { plan, task } = oneTask(
      '    prompt: Do it\n    allowed-tools: []\n',
      'defaults:\n  model: opus\n',
    );
    expect(claudeAdapter.invocation(contextOf(plan, task)).argv.slice(9)).toEqual([
      '--allowedTools',
      `Edit(/${OUT}/**)`,
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
    [
      'not-logged-in.stdout',
      1,
      'failure',
      'claude authentication failed: Not logged in · Please run /login (set ANTHROPIC_API_KEY)',
    ],
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
    expect(interpret('', 1, 'Error: something broke\n')).toEqual({
      outcome: 'failure',
      result: '',
      error: 'claude printed no JSON result; exit code 1: Error: something broke',
    });
    expect(interpret('', 1, 'Error: Invalid API key · Please run /login\n')).toEqual({
      outcome: 'failure',
      result: '',
      error:
        'claude authentication failed: Error: Invalid API key · Please run /login (check ANTHROPIC_API_KEY)',
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

// Recorded from the real Claude Code 2.1.330 (`-p --output-format stream-json --verbose`) against the mock API
// of test/support/mock-api/ (the mock's 100 input and 20 output tokens a turn, claude-sonnet-4-5's prices).
describe('claude adapter: interpret stream-json (2.1.330)', () => {
  const editing = (() => {
    const { plan, task } = oneTask('    prompt: Change it\n');
    task.edit = true;
    return contextOf(plan, task);
  })();

  it('success: the result line, after the init and message lines', () => {
    expect(interpret(sample('claude', 'stream-success.stdout'))).toEqual({
      outcome: 'success',
      result: 'Hello from mock',
      costUsd: 0.0006000000000000001,
      tokens: { input: 100, output: 20, cacheRead: 0, cacheWrite: 0 },
      turns: 1,
      sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('a written file (acceptEdits): success, both turns counted', () => {
    const result = claudeAdapter.interpret(
      ended({ stdout: sample('claude', 'stream-write.stdout') }),
      editing,
    );
    expect(result).toMatchObject({ outcome: 'success', turns: 2, tokens: { input: 200, output: 40 } });
  });

  it('a refused Write is a permission failure though the CLI exits 0 with subtype success', () => {
    const stdout = sample('claude', 'stream-permission-denied.stdout');
    expect(interpret(stdout)).toMatchObject({
      outcome: 'failure',
      result: 'Hello from mock',
      error:
        'permission: claude was refused Write on src/a.ts (the task has no edit: true; set edit: true to let it change files)',
      costUsd: 0.0012000000000000001,
    });
    // With edit: true the same refusal means a path outside the working folder.
    expect(claudeAdapter.interpret(ended({ stdout }), editing).error).toBe(
      'permission: claude was refused Write on src/a.ts (edit: true lets it change files inside its working folder only)',
    );
  });

  it('a refused command names it and says where to allow it, and counts the other refusals', () => {
    const stdout = JSON.stringify({
      type: 'result',
      subtype: 'success',
      is_error: false,
      result: 'I could not run the tests.',
      permission_denials: [
        { tool_name: 'Bash', tool_use_id: 't1', tool_input: { command: 'npm test' } },
        { tool_name: 'Bash', tool_use_id: 't2', tool_input: { command: 'npx vitest' } },
      ],
    });
    expect(interpret(stdout).error).toBe(
      "permission: claude was refused Bash on npm test (and 1 more) (add it to the task's allowed-tools to let it run)",
    );
  });

  it('a bad key (401 after its retries) is an authentication failure naming the key variable', () => {
    expect(interpret(sample('claude', 'stream-401.stdout'), 1)).toMatchObject({
      outcome: 'failure',
      error: 'claude authentication failed: Invalid API key · Fix external API key (check ANTHROPIC_API_KEY)',
    });
    const oauth = { ...ctx, env: { CLAUDE_CODE_OAUTH_TOKEN: 'x' } };
    expect(
      claudeAdapter.interpret(ended({ stdout: sample('claude', 'stream-401.stdout'), exitCode: 1 }), oauth)
        .error,
    ).toBe(
      'claude authentication failed: Invalid API key · Fix external API key (check CLAUDE_CODE_OAUTH_TOKEN)',
    );
  });

  it('no key: "Not logged in" says to set ANTHROPIC_API_KEY', () => {
    expect(interpret(sample('claude', 'stream-not-logged-in.stdout'), 1)).toMatchObject({
      outcome: 'failure',
      error: 'claude authentication failed: Not logged in · Please run /login (set ANTHROPIC_API_KEY)',
    });
  });

  it("an API it cannot reach (status null) is transient, in either of the CLI's wordings", () => {
    expect(interpret(sample('claude', 'stream-connection-refused.stdout'), 1)).toMatchObject({
      outcome: 'transient',
      error:
        'claude API error (transient): API Error: Connection refused — a firewall or proxy may be blocking it (ECONNREFUSED)',
    });
    expect(interpret(sample('claude', 'stream-unable-to-connect.stdout'), 1)).toMatchObject({
      outcome: 'transient',
      error: 'claude API error (transient): API Error: Unable to connect to API (ConnectionRefused)',
    });
  });

  it('a stream cut before its result: no system event is taken for the result', () => {
    const lines = sample('claude', 'stream-401.stdout').split('\n').slice(0, 3).join('\n');
    expect(claudeAdapter.interpret(ended({ stdout: lines, exitCode: null, signal: 'SIGTERM' }), ctx)).toEqual(
      {
        outcome: 'failure',
        result: '',
        error: 'claude printed no JSON result; killed by SIGTERM',
      },
    );
  });
});

describe('claude adapter: watch', () => {
  function watchLines(lines: string[], context = ctx) {
    const watch = claudeAdapter.watch!(context);
    return lines.map((line) => watch.line(line, 'stdout'));
  }
  const recorded = (name: string) =>
    sample('claude', name)
      .split('\n')
      .filter((l) => l !== '');

  it('a 401 retry stops the attempt at once, naming the key variable', () => {
    const notes = watchLines(recorded('stream-401.stdout'));
    expect(notes[0]).toBeUndefined(); // init
    expect(notes[1]).toEqual({
      progress: 'claude: the API refused the key (401)',
      stop: {
        outcome: 'failure',
        error:
          'claude authentication failed: Invalid API key, the API answered 401 (check ANTHROPIC_API_KEY)',
      },
    });
  });

  it('other retries are progress with their cause: no connection, a rate limit, an overload', () => {
    expect(watchLines(recorded('stream-connection-refused.stdout'))[1]).toEqual({
      progress: 'claude: retrying the API, 1 of 1 (no answer)',
    });
    const retry = (status: number | null, error: string) =>
      JSON.stringify({
        type: 'system',
        subtype: 'api_retry',
        attempt: 3,
        max_retries: 10,
        retry_delay_ms: 2012,
        error_status: status,
        error,
      });
    expect(watchLines([retry(429, 'rate_limit'), retry(529, 'overloaded')])).toEqual([
      { progress: 'claude: retrying the API, 3 of 10 (429 rate_limit)' },
      { progress: 'claude: retrying the API, 3 of 10 (529 overloaded)' },
    ]);
  });

  it('a tool call is one short line, its file relative to the working folder; a refusal too', () => {
    const notes = watchLines(recorded('stream-permission-denied.stdout')).filter((n) => n !== undefined);
    expect(notes).toEqual([{ progress: 'claude: Write src/a.ts' }, { progress: 'claude: refused Write' }]);
    const bash = JSON.stringify({
      type: 'assistant',
      message: {
        content: [{ type: 'tool_use', name: 'Bash', input: { command: `echo ${'x'.repeat(300)}` } }],
      },
    });
    expect(watchLines([bash])[0]!.progress).toMatch(/^claude: Bash echo x+…?$/);
    expect(watchLines([bash])[0]!.progress!.length).toBeLessThanOrEqual(120);
  });

  it('ignores text, the answer and the result', () => {
    expect(watchLines(['Warning: something', ...recorded('stream-success.stdout')])).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
