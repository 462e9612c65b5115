/**
 * Shared by the compiler's tests: compile a plan as `generate` would (same options, no files), random plans
 * with the fields that shape a workflow, and the checks every generated workflow must pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { analyze } from '../../src/core/analyze.js';
import type { Plan } from '../../src/core/model.js';
import { compileWorkflow, type CompileOptions } from '../../src/github/compile.js';
import { DEFAULT_ACTION_REF } from '../../src/github/inputs.js';
import type { JobGraph } from '../../src/github/jobs.js';
import { ROOT } from '../support/cli.js';
import { load } from '../support/plans.js';

export function options(overrides: Partial<CompileOptions> = {}): CompileOptions {
  return {
    group: 'auto',
    fuseChains: false,
    actionRef: DEFAULT_ACTION_REF,
    pullRequest: false,
    planPath: 'plan.yml',
    outputPath: '.github/workflows/plan.yml',
    ...overrides,
  };
}

export interface Result {
  text: string;
  graph: JobGraph;
  bytes: number;
}

export function compile(plan: Plan, overrides: Partial<CompileOptions> = {}): Result {
  const result = compileWorkflow(plan, analyze(plan), options(overrides));
  if (!result.ok) throw new Error(`compile failed: ${JSON.stringify(result)}`);
  return result;
}

export function example(name: string): Plan {
  return load(fs.readFileSync(path.join(ROOT, 'examples', `${name}.yml`), 'utf8'));
}

export interface ParsedJob {
  if?: string;
  needs?: string[];
  'runs-on': string | string[];
  permissions: Record<string, string>;
  strategy?: { 'fail-fast': boolean; matrix: { task: string[] } };
  outputs?: Record<string, string>;
  steps: {
    id?: string;
    name?: string;
    uses?: string;
    run?: string;
    if?: string;
    env?: Record<string, string>;
    with?: Record<string, unknown>;
  }[];
  'timeout-minutes': number;
}

export function parseWorkflow(text: string): { jobs: Record<string, ParsedJob>; [key: string]: unknown } {
  return loadYaml(text) as { jobs: Record<string, ParsedJob> };
}

export interface PlanShape {
  deps: number[][];
  /** Per task: 0 shell, 1 claude, 2 codex. */
  agent?: number[];
  /** Per task: index into LABELS. */
  runner?: number[];
  /** Per task: index into FAILURE. */
  failure?: number[];
  extra?: (i: number) => string;
}

const AGENTS = ['shell', 'claude', 'codex'];
const LABELS = ['ubuntu-latest', 'macos-latest'];
const FAILURE = ['fail-fast', 'skip-dependents', 'continue'];

/** Plan text for a DAG whose deps point at earlier tasks. */
export function shapedPlan(shape: PlanShape): string {
  const lines = ['version: 1', 'name: shaped', 'tasks:'];
  shape.deps.forEach((ds, i) => {
    const agent = AGENTS[shape.agent?.[i] ?? 0]!;
    lines.push(`  - id: t${i}`, `    agent: ${agent}`);
    lines.push(agent === 'shell' ? `    run: echo ${i}` : `    prompt: do ${i}`);
    if (ds.length > 0) lines.push(`    deps: [${ds.map((d) => `t${d}`).join(', ')}]`);
    if (shape.runner !== undefined) lines.push(`    runs-on: ${LABELS[shape.runner[i] ?? 0]}`);
    if (shape.failure !== undefined) lines.push(`    on-failure: ${FAILURE[shape.failure[i] ?? 0]}`);
    if (shape.extra !== undefined) lines.push(shape.extra(i));
  });
  return `${lines.join('\n')}\n`;
}
