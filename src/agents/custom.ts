/**
 * A custom agent from the plan's `agents:`: an argv template, run without a shell. In each argument the
 * placeholders `{prompt}`, `{prompt_file}`, `{output_dir}` and `{task_id}` are replaced in one pass, so a value
 * that itself holds `{task_id}` (or quotes, spaces, newlines) arrives as it is. The prompt also comes on stdin.
 *
 * Outcome by exit code, as for shell tasks: 0 success, 75 (EX_TEMPFAIL) transient, anything else a failure; the
 * result is stdout.
 */
import type { CustomAgent } from '../core/model.js';
import { PLACEHOLDERS } from '../core/validate/rules/custom-agent.js';
import { exitCodeOutcome } from './outcome.js';
import type { AgentAdapter, AgentContext } from './types.js';

type Placeholder = (typeof PLACEHOLDERS)[number];

// Unknown placeholders are left as written; the validator reports them [custom-agent].
const PLACEHOLDER = new RegExp(`\\{(${PLACEHOLDERS.join('|')})\\}`, 'g');

export function customAdapter(name: string, agent: CustomAgent): AgentAdapter {
  return {
    name,
    ai: true,
    invocation(ctx) {
      // The schema asks for at least one argument; reaching this is a bug.
      if (agent.command.length === 0) throw new Error(`agent ${JSON.stringify(name)} has an empty command`);
      const values = placeholderValues(ctx);
      return {
        argv: agent.command.map((arg) => arg.replace(PLACEHOLDER, (_, key: Placeholder) => values[key])),
        stdin: ctx.prompt,
      };
    },
    interpret(end) {
      return exitCodeOutcome(end, name);
    },
  };
}

function placeholderValues(ctx: AgentContext): Record<Placeholder, string> {
  return { prompt: ctx.prompt, prompt_file: ctx.promptFile, output_dir: ctx.outputDir, task_id: ctx.task.id };
}
