/**
 * A plan document as readable YAML: keys in the canonical order, multi-line text as block scalars (`prompt: |`),
 * short lists of names on one line (`deps: [T-01, T-02]`). Written with the `yaml` package, which chooses a
 * quoting that reads back to the same string (js-yaml stays the loader: tests check the round trip).
 */
import { Document, isScalar, isSeq, visit } from 'yaml';
import { PLAN_SCHEMA, TASK_SCHEMA } from '../core/schema/plan-schema.js';

// The schema's order, but a task's identity and wiring (agent, deps) before its long text.
const TASK_ORDER = ['id', 'title', 'agent', 'deps', ...Object.keys(TASK_SCHEMA.properties)];
const PLAN_ORDER = Object.keys(PLAN_SCHEMA.properties);
const DEFAULTS_ORDER = TASK_ORDER.filter(
  (k) => k in (objectProperties(PLAN_SCHEMA.properties.defaults) ?? {}),
);
const BACKOFF_ORDER = ['initial', 'factor', 'max'];
/** Lists of short names, written on one line. */
const FLOW_LISTS = new Set(['deps', 'retry-on', 'runs-on', 'allowed-tools', 'outputs', 'command']);

export function planToYaml(document: Readonly<Record<string, unknown>>): string {
  const doc = new Document(ordered(document), { version: '1.2' });
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key === 'string' && FLOW_LISTS.has(key) && isSeq(pair.value)) {
        const short = pair.value.items.every(
          (item) => isScalar(item) && typeof item.value === 'string' && item.value.length <= 40,
        );
        if (short && pair.value.items.length <= 8) pair.value.flow = true;
      }
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

function ordered(plan: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out = sortKeys(plan, PLAN_ORDER);
  if (isObject(out.defaults)) out.defaults = withBackoff(sortKeys(out.defaults, DEFAULTS_ORDER));
  if (Array.isArray(out.tasks)) {
    out.tasks = out.tasks.map((t: unknown) => (isObject(t) ? withBackoff(sortKeys(t, TASK_ORDER)) : t));
  }
  return out;
}

function withBackoff(record: Record<string, unknown>): Record<string, unknown> {
  if (isObject(record.backoff)) record.backoff = sortKeys(record.backoff, BACKOFF_ORDER);
  return record;
}

/** The keys of `order` first, in that order; any other key after them, as it came. */
function sortKeys(
  record: Readonly<Record<string, unknown>>,
  order: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (Object.hasOwn(record, key)) out[key] = record[key];
  for (const key of Object.keys(record)) if (!Object.hasOwn(out, key)) out[key] = record[key];
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectProperties(schema: unknown): Readonly<Record<string, unknown>> | undefined {
  return isObject(schema) && isObject(schema.properties) ? schema.properties : undefined;
}
