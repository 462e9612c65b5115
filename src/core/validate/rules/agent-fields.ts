/**
 * [shell-needs-run] A shell task says what to run. [run-needs-shell] `run` is a shell command: other agents take a
 * `prompt`. [missing-prompt] An AI task has a prompt or at least a title to build one from. [ignored-option]
 * AI-only settings on a shell task are ignored.
 */
import { AGENT_CLIS, isSetupAgent } from '../../agent-clis.js';
import { isBuiltinAgent } from '../../model.js';
import { error, taskName, warning, type Rule } from '../context.js';

const AI_ONLY = ['model', 'max-turns', 'allowed-tools', 'edit'] as const;

export const agentFields: Rule = {
  ids: ['shell-needs-run', 'run-needs-shell', 'missing-prompt', 'ignored-option', 'unsupported-option'],
  check({ tasks, customAgents }) {
    return tasks.flatMap((task) => {
      const known = isBuiltinAgent(task.agent) || customAgents.has(task.agent);
      if (!known) return [];
      if (task.agent === 'shell') {
        const findings = AI_ONLY.filter((k) => k in task.raw).map((k) =>
          warning(
            'ignored-option',
            `\`${k}\` is for AI agents; shell ${taskName(task)} ignores it`,
            [...task.path, k],
            'key',
          ),
        );
        if (task.run === undefined && !('run' in task.raw)) {
          findings.push(
            error(
              'shell-needs-run',
              `shell ${taskName(task)} has no \`run\`: give the command to run`,
              task.path,
            ),
          );
        }
        return findings;
      }
      if (task.run !== undefined) {
        return [
          error(
            'run-needs-shell',
            `${taskName(task)} has \`run\` but its agent is ${JSON.stringify(task.agent)}: \`run\` is for shell tasks (\`agent: shell\`); an agent takes a \`prompt\``,
            [...task.path, 'run'],
            'key',
          ),
        ];
      }
      // A setting the agent's CLI has no way to honour (codex has no turn limit): said, not silently dropped.
      const unsupported: readonly string[] = isSetupAgent(task.agent)
        ? AGENT_CLIS[task.agent].unsupported
        : [];
      const ignored = unsupported
        .filter((k) => k in task.raw)
        .map((k) =>
          warning(
            'unsupported-option',
            `\`${k}\` has no effect on ${task.agent}: the ${AGENT_CLIS[task.agent as keyof typeof AGENT_CLIS].label} has no such setting; ${taskName(task)} runs without it`,
            [...task.path, k],
            'key',
          ),
        );
      if (ignored.length > 0) return ignored;
      if (task.prompt === undefined && task.title === undefined && !('prompt' in task.raw)) {
        return [
          error(
            'missing-prompt',
            `${taskName(task)} runs the ${task.agent} agent but has neither \`prompt\` nor \`title\`: say what the agent should do`,
            task.path,
          ),
        ];
      }
      return [];
    });
  },
};
