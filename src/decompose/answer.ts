/**
 * Finding the plan in what the agent answered. The Claude CLI's structured output (`--json-schema`) puts it in
 * the result's `structured_output` field, already parsed; an older CLI, or another agent, answers in text, where
 * the plan is a JSON (or YAML) object, alone or in a fenced block among prose. Either way the answer is
 * `{"plan": ..., "notes": ...}`, or a bare plan, which is taken too.
 */
import { isRecord, lastJsonValue } from '../agents/json.js';
import { parseYaml } from '../core/load/yaml.js';

export type Extracted =
  | { ok: true; plan: unknown; notes: string; source: 'structured output' | 'JSON' | 'YAML' }
  | { ok: false; message: string };

/** The `structured_output` of the Claude CLI's result object (or of the last result of a verbose array). */
export function structuredOutput(stdout: string): unknown {
  const value = lastJsonValue(stdout, (v) => resultOf(v) !== undefined);
  const result = resultOf(value);
  const structured = result?.['structured_output'];
  return structured === null ? undefined : structured;
}

function resultOf(value: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(value)) {
    const last = value.findLast((item: unknown) => isRecord(item) && item['type'] === 'result');
    return isRecord(last) ? last : undefined;
  }
  return isRecord(value) && ('structured_output' in value || value['type'] === 'result') ? value : undefined;
}

export function extractAnswer(text: string, structured: unknown): Extracted {
  if (structured !== undefined) return { ok: true, ...unwrap(structured), source: 'structured output' };
  // Fenced blocks, the last first: an answer that explains itself before its JSON ends with the JSON.
  const blocks = [...text.matchAll(/^[ \t]*(`{3,}|~{3,})[ \t]*([\w-]*)[^\n]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm)];
  for (const block of blocks.reverse()) {
    const lang = block[2]!.toLowerCase();
    const body = block[3]!;
    const found = lang === 'yaml' || lang === 'yml' ? fromYaml(body) : (fromJson(body) ?? fromYaml(body));
    if (found !== undefined) return found;
  }
  const json = fromJson(text);
  if (json !== undefined) return json;
  // Bare YAML only when it looks like an answer: prose such as `Note: ...` parses as a mapping too.
  const yaml = fromYaml(text, ['plan', 'tasks']);
  if (yaml !== undefined) return yaml;
  return {
    ok: false,
    message:
      text.trim() === ''
        ? 'the answer is empty: expected one JSON object {"plan": ..., "notes": ...}'
        : 'the answer holds no JSON object: expected one JSON object {"plan": ..., "notes": ...} and nothing else',
  };
}

function fromJson(text: string): Extracted | undefined {
  const value = lastJsonValue(text, isRecord);
  return isRecord(value) ? { ok: true, ...unwrap(value), source: 'JSON' } : undefined;
}

function fromYaml(text: string, needs: readonly string[] = []): Extracted | undefined {
  const parsed = parseYaml(text);
  if (!parsed.ok || !isRecord(parsed.data)) return undefined;
  const data = parsed.data;
  if (needs.length > 0 && !needs.some((key) => key in data)) return undefined;
  return { ok: true, ...unwrap(parsed.data), source: 'YAML' };
}

/** `{plan, notes}` → its parts; anything else is taken as the plan itself (the validator says what is wrong). */
function unwrap(value: unknown): { plan: unknown; notes: string } {
  if (isRecord(value) && 'plan' in value && !('tasks' in value)) {
    const notes = value['notes'];
    return { plan: value['plan'], notes: typeof notes === 'string' ? notes : '' };
  }
  return { plan: value, notes: '' };
}
