/**
 * The JSON Schema (draft-07, the one editors support best) of the plan format, generated from PLAN_SCHEMA.
 * It is checked in as schema/plan.schema.json; a test fails when the file is stale.
 */
import { formatDuration } from '../duration.js';
import { PLAN_SCHEMA } from './plan-schema.js';
import { MAX_STRING_LENGTH, type Schema } from './types.js';
import { assertNever } from './check.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const SCHEMA_ID = 'https://github.com/org/orchestrator/schema/plan.schema.json';

const DURATION_PATTERN = '^(?:\\d+(?:\\.\\d+)?h)?(?:\\d+(?:\\.\\d+)?m(?!s))?(?:\\d+(?:\\.\\d+)?s)?(?:\\d+ms)?$';

export function planJsonSchema(): Json {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'orchestrator plan',
    ...toJsonSchema(PLAN_SCHEMA),
  };
}

function toJsonSchema(schema: Schema): { [key: string]: Json } {
  const base = { description: schema.description };
  switch (schema.type) {
    case 'string': {
      const out: { [key: string]: Json } = { ...base, type: 'string', maxLength: MAX_STRING_LENGTH };
      if (schema.enum !== undefined) out.enum = [...schema.enum];
      if (schema.minLength !== undefined) out.minLength = schema.minLength;
      switch (schema.format) {
        case undefined:
          break;
        case 'duration':
          out.pattern = DURATION_PATTERN;
          out.minLength = 2;
          out.examples = ['90s', '5m', '1h30m'];
          break;
        case 'positive-duration':
          out.pattern = DURATION_PATTERN;
          out.minLength = 2;
          out.not = { pattern: '^(?:0+(?:\\.0+)?(?:h|m|s|ms))+$' };
          out.examples = [formatDuration(20 * 60_000)];
          break;
        case 'task-id':
          out.pattern = '^[A-Za-z_][A-Za-z0-9_-]*$';
          break;
        case 'runner-label':
          out.pattern = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
          break;
        case 'env-name':
          out.pattern = '^[A-Za-z_][A-Za-z0-9_]*$';
          break;
        default:
          assertNever(schema.format);
      }
      return out;
    }
    case 'integer':
    case 'number': {
      const out: { [key: string]: Json } = { ...base, type: schema.type };
      if (schema.const !== undefined) out.const = schema.const;
      if (schema.minimum !== undefined) out.minimum = schema.minimum;
      if (schema.maximum !== undefined) out.maximum = schema.maximum;
      return out;
    }
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'any':
      return { ...base };
    case 'array': {
      const out: { [key: string]: Json } = { ...base, type: 'array', items: toJsonSchema(schema.items) };
      if (schema.minItems !== undefined) out.minItems = schema.minItems;
      return out;
    }
    case 'map': {
      const out: { [key: string]: Json } = {
        ...base,
        type: 'object',
        additionalProperties: toJsonSchema(schema.values),
      };
      if (schema.keys !== undefined) {
        out.propertyNames = {
          pattern: schema.keys === 'env-name' ? '^[A-Za-z_][A-Za-z0-9_]*$' : '^[A-Za-z_][A-Za-z0-9_-]*$',
        };
      }
      return out;
    }
    case 'object': {
      const properties: { [key: string]: Json } = {};
      for (const [key, sub] of Object.entries(schema.properties)) properties[key] = toJsonSchema(sub);
      const out: { [key: string]: Json } = { ...base, type: 'object', properties, additionalProperties: false };
      if (schema.required !== undefined) out.required = [...schema.required];
      return out;
    }
    case 'oneOf':
      return { ...base, anyOf: schema.of.map(toJsonSchema) };
    default:
      return assertNever(schema);
  }
}
