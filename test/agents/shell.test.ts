import { describe, expect, it } from 'vitest';
import { shellAdapter } from '../../src/agents/shell.js';
import { contextOf, ended, oneTask, runInvocation } from './helpers.js';

function shellContext(run: string) {
  const { plan, task } = oneTask(`    agent: shell\n    run: ${JSON.stringify(run)}\n`);
  return contextOf(plan, task, '');
}

/** Runs `run` through the adapter with the real bash, and interprets how it ended. */
function runShell(run: string) {
  const ctx = shellContext(run);
  const end = runInvocation(shellAdapter.invocation(ctx));
  return { end, result: shellAdapter.interpret(end, ctx) };
}

describe('shell adapter: invocation', () => {
  it('runs `run` with bash -euo pipefail -c, nothing on stdin', () => {
    const ctx = shellContext('npm test && echo "done"');
    expect(shellAdapter.invocation(ctx)).toEqual({
      argv: ['bash', '-euo', 'pipefail', '-c', 'npm test && echo "done"'],
    });
    expect(shellAdapter.ai).toBe(false);
    expect(shellAdapter.name).toBe('shell');
  });

  it('refuses a task without run (the validator never lets one through)', () => {
    const ctx = shellContext('true');
    expect(() => shellAdapter.invocation({ ...ctx, task: { ...ctx.task, run: undefined } })).toThrow(
      'shell task "T-01" has no `run`',
    );
  });
});

describe('shell adapter: interpret', () => {
  const ctx = shellContext('true');

  it('exit 0 is success; the result is stdout', () => {
    expect(shellAdapter.interpret(ended({ stdout: 'all good\n', stderr: 'noise\n' }), ctx)).toEqual({
      outcome: 'success',
      result: 'all good\n',
    });
  });

  it('another exit code is a failure naming it and the last stderr line', () => {
    const end = ended({
      exitCode: 2,
      stdout: 'partial\n',
      stderr: 'first\n  npm ERR! missing script: test  \n\n',
    });
    expect(shellAdapter.interpret(end, ctx)).toEqual({
      outcome: 'failure',
      result: 'partial\n',
      error: 'exit code 2: npm ERR! missing script: test',
    });
    expect(shellAdapter.interpret(ended({ exitCode: 1 }), ctx).error).toBe('exit code 1');
  });

  it('exit 75 (EX_TEMPFAIL) is transient', () => {
    expect(shellAdapter.interpret(ended({ exitCode: 75, stderr: 'lock busy\n' }), ctx)).toEqual({
      outcome: 'transient',
      result: '',
      error: 'exit code 75 (EX_TEMPFAIL: a transient failure, retried): lock busy',
    });
  });

  it('a signal is a failure', () => {
    expect(shellAdapter.interpret(ended({ exitCode: null, signal: 'SIGSEGV' }), ctx)).toEqual({
      outcome: 'failure',
      result: '',
      error: 'killed by SIGSEGV',
    });
  });

  it('keeps the error to one line of about 200 characters', () => {
    const error = shellAdapter.interpret(ended({ exitCode: 3, stderr: `${'x'.repeat(500)}\n` }), ctx).error!;
    expect(error.startsWith('exit code 3: xxx')).toBe(true);
    expect(error.endsWith('…')).toBe(true);
    expect(error.length).toBe('exit code 3: '.length + 200);
  });
});

describe('shell adapter with bash', () => {
  it('succeeds with the output', () => {
    const { result } = runShell('printf "%s\\n" hello');
    expect(result).toEqual({ outcome: 'success', result: 'hello\n' });
  });

  it('stops at the first failing command (errexit)', () => {
    const { result } = runShell('echo before; false; echo after');
    expect(result).toEqual({ outcome: 'failure', result: 'before\n', error: 'exit code 1' });
  });

  it('fails a pipeline whose first command fails (pipefail)', () => {
    expect(runShell('false | cat').result.outcome).toBe('failure');
  });

  it('fails on an unset variable (nounset)', () => {
    const { result } = runShell('echo "$ORCHESTRATOR_SURELY_UNSET_VARIABLE"');
    expect(result.outcome).toBe('failure');
    expect(result.error).toMatch(/^exit code 1: .*ORCHESTRATOR_SURELY_UNSET_VARIABLE: unbound variable$/);
  });

  it("reports bash's own line numbers (no line is prepended to the script)", () => {
    const { result } = runShell('true\ntrue\nno_such_command_orchestrator_test');
    expect(result.error).toMatch(
      /^exit code 127: bash: line 3: no_such_command_orchestrator_test: command not found$/,
    );
  });

  it('retries what exits with 75', () => {
    expect(runShell('echo "try later" >&2; exit 75').result).toEqual({
      outcome: 'transient',
      result: '',
      error: 'exit code 75 (EX_TEMPFAIL: a transient failure, retried): try later',
    });
  });

  it('names the signal that killed it', () => {
    expect(runShell('kill -SEGV $$').result.error).toBe('killed by SIGSEGV');
  });
});
