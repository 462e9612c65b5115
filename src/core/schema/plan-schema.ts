/**
 * The plan file format, version 1: the one source of the validator and of schema/plan.schema.json.
 */
import { ON_FAILURE, RETRY_ON } from '../model.js';
import type { ObjectSchema, Schema } from './types.js';

const duration = (description: string): Schema => ({ type: 'string', format: 'duration', description });

const RETRY_ON_ITEM: Schema = {
  type: 'string',
  enum: RETRY_ON,
  description:
    '`timeout`: attempts that ran out of time; `transient`: failures the agent classifies as transient (API overload, rate limit); `any`: every failure.',
};

/** Settings a task can take itself or inherit from `defaults`. */
const inheritable: Record<string, Schema> = {
  agent: {
    type: 'string',
    minLength: 1,
    description:
      'Who runs the task: `shell`, `claude`, `codex`, `gemini`, or a key of `agents`. Default: `shell` for a task with `run`, else `claude`.',
  },
  retries: {
    type: 'integer',
    minimum: 0,
    maximum: 100,
    description: 'Extra attempts after a failure that `retry-on` allows: 3 means up to 4 attempts. Default: 3.',
  },
  backoff: {
    type: 'object',
    description:
      'Delay before retry k: random(0, min(max, initial * factor^k)) (exponential backoff, full jitter).',
    properties: {
      initial: duration('Default: 1s.'),
      factor: { type: 'number', minimum: 1, maximum: 10, description: 'Default: 2.' },
      max: duration('Default: 1m.'),
    },
  },
  timeout: {
    type: 'string',
    format: 'positive-duration',
    description: 'Limit of one attempt, e.g. `90s`, `20m`, `1h30m`; the whole process tree is stopped. Default: 30m.',
  },
  'retry-on': {
    type: 'oneOf',
    description: 'Which failures are retried. Default: [timeout, transient].',
    of: [RETRY_ON_ITEM, { type: 'array', items: RETRY_ON_ITEM, minItems: 1, description: 'Any of these.' }],
  },
  'on-failure': {
    type: 'string',
    enum: ON_FAILURE,
    description:
      'After the last attempt fails: `fail-fast` stops the run; `skip-dependents` skips what depends on the task and goes on; `continue` lets dependents run. Default: fail-fast.',
  },
  estimate: duration('Expected duration, for the critical path and cost estimates.'),
  env: {
    type: 'map',
    keys: 'env-name',
    description: 'Environment variables for the task (numbers are taken as strings).',
    values: {
      type: 'oneOf',
      description: 'The value.',
      of: [
        { type: 'string', description: 'The value.' },
        { type: 'number', description: 'Taken as a string.' },
      ],
    },
  },
  'runs-on': {
    type: 'oneOf',
    description: 'GitHub runner label(s) for the task job; a plain label, never an expression. Default: ubuntu-latest.',
    of: [
      { type: 'string', format: 'runner-label', description: 'One label.' },
      {
        type: 'array',
        minItems: 1,
        description: 'A runner with all these labels.',
        items: { type: 'string', format: 'runner-label', description: 'A label.' },
      },
    ],
  },
  model: { type: 'string', minLength: 1, description: 'AI agents: the model to ask for.' },
  'max-turns': { type: 'integer', minimum: 1, maximum: 10_000, description: 'AI agents: the most agent turns.' },
  'allowed-tools': {
    type: 'array',
    description: 'AI agents: the tools the agent may use, e.g. `Read`, `Bash(npm test)`.',
    items: { type: 'string', minLength: 1, description: 'A tool.' },
  },
  edit: {
    type: 'boolean',
    description:
      "AI agents: whether the agent may change files in its working folder (claude's acceptEdits, codex's workspace-write sandbox, gemini's auto_edit). Default: false, each CLI's read-only mode.",
  },
};

const taskId: Schema = {
  type: 'string',
  format: 'task-id',
  description: 'Letters, digits, `_` and `-`, not starting with a digit or `-`; unique, case-insensitively.',
};

export const TASK_SCHEMA: ObjectSchema = {
  type: 'object',
  description: 'One atomic task.',
  required: ['id'],
  properties: {
    id: taskId,
    title: { type: 'string', description: 'One line: what the task does (the seed\'s "Task"). Default: the id.' },
    prompt: { type: 'string', description: 'What an AI agent is asked to do (the seed\'s "Do:").' },
    run: { type: 'string', minLength: 1, description: 'Shell tasks: the command, run with bash (set -euo pipefail).' },
    inputs: {
      type: 'map',
      description: 'Named inputs given to the agent (the seed\'s "Input:").',
      values: { type: 'any', description: 'Any value.' },
    },
    output: { type: 'string', description: 'The expected result and its format (the seed\'s "Output:").' },
    deps: {
      type: 'array',
      description: 'Ids of the tasks that must end before this one starts.',
      items: { type: 'string', minLength: 1, description: 'A task id, exactly as written there.' },
    },
    outputs: {
      type: 'array',
      description: 'File globs the task writes into its output folder, kept as its artifact.',
      items: { type: 'string', minLength: 1, description: 'A glob.' },
    },
    ...inheritable,
  },
};

export const PLAN_SCHEMA: ObjectSchema = {
  type: 'object',
  description: 'An orchestrator plan: a DAG of agent tasks.',
  required: ['version', 'tasks'],
  properties: {
    version: { type: 'integer', const: 1, description: 'The plan format version: 1.' },
    name: { type: 'string', minLength: 1, description: 'The plan name. Default: the file name.' },
    request: { type: 'string', description: 'The original request, quoted in the reports.' },
    defaults: {
      type: 'object',
      description: 'Settings applied to every task that does not give its own.',
      properties: inheritable,
    },
    agents: {
      type: 'map',
      keys: 'agent-name',
      description: 'Custom agents, by name.',
      values: {
        type: 'object',
        description: 'A custom agent.',
        required: ['command'],
        properties: {
          command: {
            type: 'array',
            minItems: 1,
            description:
              'The argv to run; `{prompt}`, `{prompt_file}`, `{output_dir}` and `{task_id}` are replaced in each argument.',
            items: { type: 'string', description: 'One argument.' },
          },
        },
      },
    },
    tasks: { type: 'array', minItems: 1, items: TASK_SCHEMA, description: 'The tasks, in any order.' },
  },
};
