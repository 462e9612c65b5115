import { describe, expect, it } from 'vitest';
import { customAdapter } from '../../src/agents/custom.js';
import { contextOf, ended, oneTask, runInvocation } from './helpers.js';

const AGENTS =
  'agents:\n  lint-bot:\n    command: [lint-bot, --task, "{prompt_file}", "--out={output_dir}", "{task_id}", "{prompt}", "{task_id}-{task_id}"]\n';
const { plan, task } = oneTask('    agent: lint-bot\n    prompt: Lint it\n', AGENTS);
const bot = customAdapter('lint-bot', plan.agents['lint-bot']!);

describe('custom adapter: invocation', () => {
  it('fills in every placeholder of every argument, and puts the prompt on stdin', () => {
    expect(bot.invocation(contextOf(plan, task, 'the prompt'))).toEqual({
      argv: [
        'lint-bot',
        '--task',
        '/work/.orchestrator/outputs/T-01/prompt.md',
        '--out=/work/.orchestrator/outputs/T-01',
        'T-01',
        'the prompt',
        'T-01-T-01',
      ],
      stdin: 'the prompt',
    });
    expect(bot.name).toBe('lint-bot');
    expect(bot.ai).toBe(true);
  });

  it('leaves an unknown placeholder as written (the validator reports it)', () => {
    const adapter = customAdapter('odd', {
      command: ['odd', '{unknown}', '{Prompt}', '{ prompt }', '{{task_id}}'],
    });
    expect(adapter.invocation(contextOf(plan, task)).argv).toEqual([
      'odd',
      '{unknown}',
      '{Prompt}',
      '{ prompt }',
      '{T-01}',
    ]);
  });

  it('passes values as they are: no shell, no second substitution', () => {
    const prompt = 'say "hi" $HOME `id` {task_id} {output_dir}\nline two; rm -rf /';
    const argv = bot.invocation(contextOf(plan, task, prompt)).argv;
    expect(argv[5]).toBe(prompt);
  });

  it('reaches the program byte for byte', () => {
    const { plan, task } = oneTask(
      '    agent: echo-args\n    prompt: x\n',
      `agents:\n  echo-args:\n    command: [${JSON.stringify(process.execPath)}, -e, "process.stdout.write(JSON.stringify(process.argv.slice(1)))", "{prompt}", "{task_id}"]\n`,
    );
    const adapter = customAdapter('echo-args', plan.agents['echo-args']!);
    const prompt = 'quotes \' " and $(subshells) {task_id}\n';
    const ctx = contextOf(plan, task, prompt);
    const result = adapter.interpret(runInvocation(adapter.invocation(ctx)), ctx);
    expect(result.outcome).toBe('success');
    expect(JSON.parse(result.result)).toEqual([prompt, 'T-01']);
  });
});

describe('custom adapter: interpret', () => {
  const ctx = contextOf(plan, task);

  it('exit 0 is success with stdout; 75 is transient; anything else a failure naming the agent', () => {
    expect(bot.interpret(ended({ stdout: 'clean\n' }), ctx)).toEqual({
      outcome: 'success',
      result: 'clean\n',
    });
    expect(bot.interpret(ended({ exitCode: 75, stderr: 'busy\n' }), ctx)).toEqual({
      outcome: 'transient',
      result: '',
      error: 'lint-bot: exit code 75 (EX_TEMPFAIL: a transient failure, retried): busy',
    });
    expect(
      bot.interpret(ended({ exitCode: 4, stdout: '3 problems\n', stderr: 'lint failed\n' }), ctx),
    ).toEqual({
      outcome: 'failure',
      result: '3 problems\n',
      error: 'lint-bot: exit code 4: lint failed',
    });
    expect(bot.interpret(ended({ exitCode: null, signal: 'SIGTERM' }), ctx).error).toBe(
      'lint-bot: killed by SIGTERM',
    );
  });
});
