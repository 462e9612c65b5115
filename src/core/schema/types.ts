/**
 * A small schema language, just big enough for the plan format. One description of the format feeds both the
 * validator (schema/check.ts, which reports precise diagnostics) and the JSON Schema that editors use
 * (schema/json-schema.ts), so the two cannot drift.
 */

interface Described {
  description: string;
}

export interface StringSchema extends Described {
  type: 'string';
  /** A named format with its own check and message (see check.ts). */
  format?: 'duration' | 'positive-duration' | 'task-id' | 'runner-label' | 'env-name';
  enum?: readonly string[];
  minLength?: number;
}

export interface NumberSchema extends Described {
  type: 'integer' | 'number';
  minimum?: number;
  maximum?: number;
  /** Only 1, for `version`. */
  const?: number;
}

export interface BooleanSchema extends Described {
  type: 'boolean';
}

export interface ArraySchema extends Described {
  type: 'array';
  items: Schema;
  minItems?: number;
}

/** An object with free keys (env, inputs, agents), each value of one schema. */
export interface MapSchema extends Described {
  type: 'map';
  keys?: 'env-name' | 'agent-name';
  values: Schema;
}

export interface ObjectSchema extends Described {
  type: 'object';
  properties: Readonly<Record<string, Schema>>;
  required?: readonly string[];
}

/** The first alternative whose type matches the value is used; used for `x` or `[x, ...]` shorthands. */
export interface OneOfSchema extends Described {
  type: 'oneOf';
  of: readonly Schema[];
}

/** Any JSON value (task inputs). */
export interface AnySchema extends Described {
  type: 'any';
}

export type Schema =
  | StringSchema
  | NumberSchema
  | BooleanSchema
  | ArraySchema
  | MapSchema
  | ObjectSchema
  | OneOfSchema
  | AnySchema;

/** No single string in a plan may exceed this: a prompt that long belongs in a file the task reads. */
export const MAX_STRING_LENGTH = 1024 * 1024;
