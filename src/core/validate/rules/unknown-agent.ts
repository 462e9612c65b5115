/** [unknown-agent] A task's agent is built in (shell, claude, codex, gemini) or defined under `agents:`. */
import { BUILTIN_AGENTS, isBuiltinAgent } from '../../model.js';
import { editDistance } from '../../schema/check.js';
import { error, taskName, type Rule } from '../context.js';

export const unknownAgent: Rule = {
  ids: ['unknown-agent'],
  check({ tasks, customAgents, defaults }) {
    const known = [...new Set([...BUILTIN_AGENTS, ...customAgents.keys()])];
    const findings = tasks
      .filter((t) => t.agentPath.at(-1) === 'agent' && t.agentPath[0] === 'tasks')
      .filter((t) => !isBuiltinAgent(t.agent) && !customAgents.has(t.agent))
      .map((t) =>
        error(
          'unknown-agent',
          `${taskName(t)} uses unknown agent ${JSON.stringify(t.agent)}${hint(t.agent, known)}`,
          t.agentPath,
        ),
      );
    const fallback = defaults.agent;
    if (typeof fallback === 'string' && !isBuiltinAgent(fallback) && !customAgents.has(fallback)) {
      findings.push(
        error(
          'unknown-agent',
          `\`defaults.agent\` names unknown agent ${JSON.stringify(fallback)}${hint(fallback, known)}`,
          ['defaults', 'agent'],
        ),
      );
    }
    return findings;
  },
};

function hint(name: string, known: readonly string[]): string {
  const close = known.find((k) => editDistance(k, name.toLowerCase()) <= 2);
  const list = `known agents: ${known.join(', ')}; define others under \`agents:\``;
  return close !== undefined ? ` (did you mean ${JSON.stringify(close)}? ${list})` : ` (${list})`;
}
