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
  it('runs codex exec with JSON events, outside any git check, read-only, the prompt on stdin (`-`)', () => {
    expect(codexAdapter.invocation(contextOf(plan, task, 'the prompt'))).toEqual({
      argv: ['codex', 'exec', '--json', '--skip-git-repo-check', '--sandbox', 'read-only', '-'],
      stdin: 'the prompt',
    });
    expect(codexAdapter.ai).toBe(true);
  });

  it('edit: true gives the workspace-write sandbox; without it the sandbox is read-only, said explicitly', () => {
    const editing = { ...task, edit: true };
    expect(codexAdapter.invocation(contextOf(plan, editing)).argv).toEqual([
      'codex',
      'exec',
      '--json',
      '--skip-git-repo-check',
      '--sandbox',
      'workspace-write',
      '-',
    ]);
    expect(codexAdapter.invocation(contextOf(plan, { ...task, edit: false })).argv).toContain('read-only');
  });

  it('sends OPENAI_API_KEY as CODEX_API_KEY, the only key codex 0.169.0 sends, never over a CODEX_API_KEY', () => {
    const withEnv = (env: Record<string, string>) => codexAdapter.invocation({ ...ctx, env }).env;
    expect(withEnv({ OPENAI_API_KEY: 'sk-openai' })).toEqual({ CODEX_API_KEY: 'sk-openai' });
    expect(withEnv({ OPENAI_API_KEY: 'sk-openai', CODEX_API_KEY: 'sk-codex' })).toBeUndefined();
    expect(withEnv({ OPENAI_API_KEY: 'sk-openai', CODEX_API_KEY: '' })).toEqual({
      CODEX_API_KEY: 'sk-openai',
    });
    expect(withEnv({})).toBeUndefined();
    expect(codexAdapter.invocation(ctx).env).toBeUndefined();
  });

  it('passes the model with -m; max-turns and allowed-tools have no codex flag', () => {
    const { plan, task } = oneTask(
      '    agent: codex\n    prompt: Do it\n    model: gpt-5-codex\n    max-turns: 4\n    allowed-tools: [Read]\n',
    );
    expect(codexAdapter.invocation(contextOf(plan, task)).argv).toEqual([
      'codex',
      'exec',
      '--json',
      '--skip-git-repo-check',
      '--sandbox',
      'read-only',
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
      'codex authentication failed: 401 Unauthorized: Missing bearer or basic authentication in header (check CODEX_API_KEY or OPENAI_API_KEY)',
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

describe('codex adapter: what 0.169.0 prints (recorded against the mock API)', () => {
  it('success: notices (`error` items) are not failures; tokens add up the turn', () => {
    expect(interpret(sample('codex', 'real-success.stdout'))).toEqual({
      outcome: 'success',
      result: 'Hello from the mock.',
      tokens: { input: 1000, output: 30, cacheRead: 200 },
      sessionId: '01a25150-fe76-7661-8f05-236d2cda9cbe',
    });
  });

  it('a 401 after its own five retries: authentication failed, naming both key variables', () => {
    expect(interpret(sample('codex', 'real-401.stdout'), 1).error).toBe(
      'codex authentication failed: 401 Unauthorized: Incorrect API key provided: sk-bad. You can find your API key at https://platform.openai.com/account/api-keys. (check CODEX_API_KEY or OPENAI_API_KEY)',
    );
  });

  it('a patch the read-only sandbox refused, in a completed turn that exits 0: a permission failure', () => {
    const stderr =
      '2026-12-07T15:52:43.326172Z ERROR codex_core::tools::router: error=patch rejected: writing is blocked by read-only sandbox; rejected by user approval settings\n';
    expect(interpret(sample('codex', 'real-success.stdout'), 0, stderr)).toMatchObject({
      outcome: 'failure',
      result: 'Hello from the mock.',
      error:
        "permission: codex's sandbox refused a file change (writing is blocked by read-only sandbox) (the task has no edit: true; set edit: true to let it change files)",
    });
  });

  it('a shell write that met the read-only file system: a permission failure', () => {
    const stdout = sample('codex', 'real-read-only-command.stdout');
    expect(interpret(stdout).error).toBe(
      "permission: codex's sandbox refused a write by /bin/bash -lc 'printf hi > out.txt; echo done' (Read-only file system) (the task has no edit: true; set edit: true to let it change files)",
    );
  });
});

describe('codex adapter: watch', () => {
  function feed(lines: string[], stream: 'stdout' | 'stderr' = 'stdout') {
    const watch = codexAdapter.watch!(ctx);
    return lines.map((line) => watch.line(line, stream));
  }
  const error = (message: string) => JSON.stringify({ type: 'error', message });

  it('shows its reconnects as progress, and stops when it starts waiting for the network, naming the cause', () => {
    const lines = sample('codex', 'real-refused.stdout').trim().split('\n');
    const notes = feed(lines);
    expect(notes[2]).toEqual({
      progress:
        'codex: reconnecting to the API, 2 of 5 (stream disconnected before completion: Connection refused (os error 111))',
    });
    const stop = notes.find((n) => n?.stop !== undefined);
    expect(stop?.stop).toEqual({
      outcome: 'transient',
      error:
        'codex could not reach the API: stream disconnected before completion: Connection refused (os error 111); then Connection failed: error sending request (it was waiting for the network)',
    });
    expect(notes.indexOf(stop)).toBe(lines.findIndex((l) => l.includes('waiting for network')));
  });

  it('stops a 401 at its first retry: codex would retry it five times', () => {
    const [note] = feed([
      error(
        'Reconnecting... 1/5 (unexpected status 401 Unauthorized: Incorrect API key provided: sk-bad., url: http://127.0.0.1:9/v1/responses)',
      ),
    ]);
    expect(note).toEqual({
      stop: {
        outcome: 'failure',
        error:
          'codex authentication failed: 401 Unauthorized: Incorrect API key provided: sk-bad. (check CODEX_API_KEY or OPENAI_API_KEY)',
      },
    });
  });

  it("a 503 retry is progress only: codex's own retries may well succeed", () => {
    const [note] = feed([
      error(
        'Reconnecting... 3/5 (unexpected status 503 Service Unavailable: The server is overloaded or not ready yet., url: http://127.0.0.1:9/v1/responses)',
      ),
    ]);
    expect(note).toEqual({
      progress:
        'codex: reconnecting to the API, 3 of 5 (unexpected status 503 Service Unavailable: The server is overloaded or not ready yet.)',
    });
  });

  it('shows commands and file changes; ignores other events, stderr and garbage', () => {
    const started = (item: object) => JSON.stringify({ type: 'item.started', item });
    expect(
      feed([
        started({ id: 'i', type: 'command_execution', command: '/bin/bash -lc ls', status: 'in_progress' }),
        started({ id: 'j', type: 'file_change', changes: [{ path: '/w/out.txt', kind: 'add' }] }),
        '{"type":"turn.started"}',
        'not json',
        '{not json either',
      ]),
    ).toEqual([
      { progress: 'codex: running /bin/bash -lc ls' },
      { progress: 'codex: changing /w/out.txt' },
      undefined,
      undefined,
      undefined,
    ]);
    expect(feed([error('Reconnecting... waiting for network')], 'stderr')).toEqual([undefined]);
  });
});
