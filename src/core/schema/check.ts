/**
 * Checks a loaded document against a schema: every finding at once, each with the path of the offending node.
 * Rules: unknown-key, required, type, enum, range, version, duration, id-format, runs-on, env-name, string-size.
 */
import type { Finding, Path } from '../diagnostics.js';
import { parseDuration } from '../duration.js';
import { MAX_STRING_LENGTH, type Schema } from './types.js';

export const TASK_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RUNNER_LABEL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Names `path` for a message, with the id of the task it is in: `retries` of task "T-03". */
export type Describe = (path: Path) => string;

export function checkSchema(value: unknown, schema: Schema, path: Path, describe: Describe): Finding[] {
  const findings: Finding[] = [];
  // An explicit stack: documents are bounded in depth by the parser, but a plan has 100k-task lists.
  const stack: { value: unknown; schema: Schema; path: Path }[] = [{ value, schema, path }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    checkNode(item.value, item.schema, item.path, describe, findings, (v, s, p) =>
      stack.push({ value: v, schema: s, path: p }),
    );
  }
  return findings;
}

type Visit = (value: unknown, schema: Schema, path: Path) => void;

function checkNode(
  value: unknown,
  schema: Schema,
  path: Path,
  describe: Describe,
  out: Finding[],
  visit: Visit,
): void {
  const error = (rule: string, message: string, at: 'key' | 'value' = 'value'): void => {
    out.push({ rule, severity: 'error', message, path, at });
  };
  const expect = (what: string): void => error('type', `${describe(path)} must be ${what}, got ${show(value)}`);

  switch (schema.type) {
    case 'string': {
      if (schema.format === 'duration' || schema.format === 'positive-duration') {
        checkDuration(value, schema.format === 'positive-duration', path, describe, error);
        return;
      }
      if (typeof value !== 'string') return expect('a string');
      if (value.length > MAX_STRING_LENGTH) {
        return error(
          'string-size',
          `${describe(path)} is ${value.length} characters long, over the limit of ${MAX_STRING_LENGTH}: put long text in a file the task reads`,
        );
      }
      if (schema.enum !== undefined && !schema.enum.includes(value)) {
        return error('enum', `${describe(path)} must be one of ${schema.enum.join(', ')}; got ${show(value)}`);
      }
      if (schema.minLength !== undefined && value.length < schema.minLength) {
        return error('range', `${describe(path)} must not be empty`);
      }
      if (schema.format === 'task-id' && !TASK_ID_PATTERN.test(value)) {
        return error(
          'id-format',
          `task id ${show(value)} must be ASCII letters, digits, "_" and "-", starting with a letter or "_" (it becomes a GitHub job id)`,
        );
      }
      if (schema.format === 'runner-label' && !RUNNER_LABEL_PATTERN.test(value)) {
        const why = value.includes('${{')
          ? 'a plain runner label, never an expression (it is the one task value written into the workflow)'
          : 'a plain runner label: letters, digits, ".", "_" and "-"';
        return error('runs-on', `${describe(path)} must be ${why}; got ${show(value)}`);
      }
      return;
    }
    case 'integer':
    case 'number': {
      const isInt = schema.type === 'integer';
      if (typeof value !== 'number' || !Number.isFinite(value) || (isInt && !Number.isInteger(value))) {
        return expect(isInt ? 'an integer' : 'a number');
      }
      if (schema.const !== undefined && value !== schema.const) {
        return error('version', `${describe(path)} must be ${schema.const}; this orchestrator reads plan format ${schema.const}`);
      }
      const { minimum: min, maximum: max } = schema;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        const range = max === undefined ? `${min} or more` : min === undefined ? `at most ${max}` : `from ${min} to ${max}`;
        return error('range', `${describe(path)} must be ${isInt ? 'an integer' : 'a number'} ${range}, got ${value}`);
      }
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') expect('true or false');
      return;
    case 'any':
      if (typeof value === 'string' && value.length > MAX_STRING_LENGTH) {
        error('string-size', `${describe(path)} is over the limit of ${MAX_STRING_LENGTH} characters`);
      }
      if (isMapping(value)) for (const [k, v] of Object.entries(value)) visit(v, schema, [...path, k]);
      else if (Array.isArray(value)) value.forEach((v, i) => visit(v, schema, [...path, i]));
      return;
    case 'array': {
      if (!Array.isArray(value)) return expect('a list');
      if (schema.minItems !== undefined && value.length < schema.minItems) {
        return error('range', `${describe(path)} must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
      }
      for (let i = value.length - 1; i >= 0; i--) visit(value[i], schema.items, [...path, i]);
      return;
    }
    case 'map': {
      if (!isMapping(value)) return expect('a mapping');
      for (const [key, v] of Object.entries(value)) {
        const keyPath = [...path, key];
        const pattern = schema.keys === 'env-name' ? ENV_NAME_PATTERN : schema.keys === 'agent-name' ? TASK_ID_PATTERN : null;
        if (pattern !== null && !pattern.test(key)) {
          const what = schema.keys === 'env-name' ? 'an environment variable name' : 'an agent name';
          out.push({
            rule: schema.keys === 'env-name' ? 'env-name' : 'id-format',
            severity: 'error',
            message: `${show(key)} is not ${what}: use letters, digits and "_"${schema.keys === 'agent-name' ? ' and "-"' : ''}, not starting with a digit`,
            path: keyPath,
            at: 'key',
          });
          continue;
        }
        visit(v, schema.values, keyPath);
      }
      return;
    }
    case 'object': {
      if (!isMapping(value)) return expect('a mapping');
      const known = Object.keys(schema.properties);
      for (const key of Object.keys(value)) {
        const sub = schema.properties[key];
        if (sub === undefined) {
          out.push({
            rule: 'unknown-key',
            severity: 'error',
            message: unknownKeyMessage(key, known, describe(path)),
            path: [...path, key],
            at: 'key',
          });
        } else {
          visit(value[key], sub, [...path, key]);
        }
      }
      for (const key of schema.required ?? []) {
        if (!(key in value)) error('required', `${describe(path)} is missing the required key "${key}"`);
      }
      return;
    }
    case 'oneOf': {
      const match = schema.of.find((alt) => sameKind(value, alt));
      if (match !== undefined) return visit(value, match, path);
      return expect(schema.of.map(kindName).join(' or '));
    }
    default:
      assertNever(schema);
  }
}

function checkDuration(
  value: unknown,
  positive: boolean,
  path: Path,
  describe: Describe,
  error: (rule: string, message: string) => void,
): void {
  const example = 'with a unit, like 90s, 5m or 1h30m';
  if (typeof value === 'number') {
    return error('duration', `${describe(path)} must be a duration ${example}; got the bare number ${value} (which unit?)`);
  }
  if (typeof value !== 'string') return error('type', `${describe(path)} must be a duration ${example}, got ${show(value)}`);
  const ms = parseDuration(value);
  if (ms === null) return error('duration', `${describe(path)} must be a duration ${example}; got ${show(value)}`);
  if (positive && ms <= 0) error('duration', `${describe(path)} must be more than zero; got ${show(value)}`);
}

function sameKind(value: unknown, schema: Schema): boolean {
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' || (schema.format !== undefined && typeof value === 'number');
    case 'integer':
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'map':
    case 'object':
      return isMapping(value);
    case 'oneOf':
      return schema.of.some((alt) => sameKind(value, alt));
    case 'any':
      return true;
    default:
      return assertNever(schema);
  }
}

function kindName(schema: Schema): string {
  switch (schema.type) {
    case 'string':
      return 'a string';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'map':
    case 'object':
      return 'a mapping';
    case 'oneOf':
      return schema.of.map(kindName).join(' or ');
    case 'any':
      return 'a value';
    default:
      return assertNever(schema);
  }
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, single-line rendering of a value for a message. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const json = JSON.stringify(value);
    return json.length > 60 ? `${json.slice(0, 56)}…"` : json;
  }
  return String(value);
}

function unknownKeyMessage(key: string, known: readonly string[], where: string): string {
  const hint =
    key === '<<'
      ? '; YAML merge keys are not supported: put shared settings under `defaults:`'
      : suggestion(key, known);
  return `unknown key ${show(key)} in ${where}${hint}`;
}

function suggestion(key: string, known: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best !== null && bestDistance <= Math.max(1, Math.floor(best.length / 3))) return ` (did you mean "${best}"?)`;
  return ` (known keys: ${known.join(', ')})`;
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
