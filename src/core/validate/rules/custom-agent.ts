/**
 * [custom-agent] A custom agent does not shadow a built-in one, and its argv uses only the known placeholders:
 * {prompt}, {prompt_file}, {output_dir}, {task_id}.
 */
import { isBuiltinAgent } from '../../model.js';
import { error, warning, type Rule } from '../context.js';

export const PLACEHOLDERS = ['prompt', 'prompt_file', 'output_dir', 'task_id'] as const;

export const customAgent: Rule = {
  ids: ['custom-agent'],
  check({ customAgents }) {
    const findings = [];
    for (const [name, { path, command }] of customAgents) {
      if (isBuiltinAgent(name)) {
        findings.push(
          error(
            'custom-agent',
            `agent ${JSON.stringify(name)} is built in; give the custom agent another name`,
            path,
            'key',
          ),
        );
      }
      if (!Array.isArray(command)) continue;
      let usesPrompt = false;
      command.forEach((arg, i) => {
        if (typeof arg !== 'string') return;
        for (const [, placeholder] of arg.matchAll(/\{([A-Za-z_]+)\}/g)) {
          if (!(PLACEHOLDERS as readonly string[]).includes(placeholder!)) {
            findings.push(
              error(
                'custom-agent',
                `agent ${JSON.stringify(name)}: unknown placeholder {${placeholder}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`,
                [...path, 'command', i],
              ),
            );
          }
          if (placeholder === 'prompt' || placeholder === 'prompt_file') usesPrompt = true;
        }
      });
      if (!usesPrompt) {
        findings.push(
          warning(
            'custom-agent',
            `agent ${JSON.stringify(name)} never passes the task: its command uses neither {prompt} nor {prompt_file} (the prompt also comes on stdin)`,
            [...path, 'command'],
          ),
        );
      }
    }
    return findings;
  },
};
