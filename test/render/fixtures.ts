/** Plans built by hand for the render tests, and the golden-file check. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { BUILTIN_DEFAULTS, type Plan, type Task } from '../../src/core/model.js';

export function task(id: string, more: Partial<Task> = {}): Task {
  return {
    id,
    title: id,
    inputs: {},
    deps: [],
    agent: BUILTIN_DEFAULTS.agent,
    retries: BUILTIN_DEFAULTS.retries,
    backoff: { ...BUILTIN_DEFAULTS.backoff },
    timeoutMs: BUILTIN_DEFAULTS.timeoutMs,
    retryOn: [...BUILTIN_DEFAULTS.retryOn],
    onFailure: BUILTIN_DEFAULTS.onFailure,
    estimateMs: null,
    env: {},
    runsOn: [...BUILTIN_DEFAULTS.runsOn],
    outputs: [],
    edit: false,
    ...more,
  };
}

export function plan(tasks: Task[], more: Partial<Plan> = {}): Plan {
  return { version: 1, name: 'test-plan', agents: {}, tasks, ...more };
}

/** A chain of `n` tasks without estimates: T-1 <- T-2 <- ... */
export function chain(n: number): Plan {
  return plan(Array.from({ length: n }, (_, i) => task(`T-${i + 1}`, { deps: i === 0 ? [] : [`T-${i}`] })));
}

/**
 * The example the goldens are made of: a diamond (T-01, T-02 -> T-03 -> T-04) with a redundant edge T-01 -> T-04,
 * a shell task, a custom agent, hostile text in a title, a prompt with a fence left open, a multi-line request.
 */
export const example: Plan = plan(
  [
    task('T-01', {
      title: 'Audit the auth module',
      prompt:
        'List every place that reads the session cookie.\n\nFor each one, give:\n\n- the file and line\n- whether it checks `expires`\n',
      inputs: { module: 'src/auth' },
      output: 'A markdown report',
      estimateMs: 5 * 60_000,
    }),
    task('T-02', {
      title: 'Compare a | b and <b>bold</b> & *stars*',
      prompt:
        'Compare the two login flows:\n\n```ts\nlogin(a | b)\n```\n\nKeep `${{ github.token }}` out of it.',
      inputs: { paths: ['src/a.ts', 'src/b.ts'], note: 'uses `ticks` and ``double``', depth: 2 },
      output: 'A table:\n\n| flow | verdict |\n|---|---|',
      estimateMs: 2 * 60_000,
    }),
    task('T-03', {
      title: 'Refactor session handling',
      prompt: 'Rewrite the session store.\n\n```\nthe fence above is never closed\n<!-- nor is this comment',
      deps: ['T-01', 'T-02'],
      retries: 0,
      timeoutMs: 5 * 60_000,
      onFailure: 'skip-dependents',
    }),
    task('T-04', {
      title: 'Run the test suite',
      agent: 'shell',
      run: 'npm test -- --reporter=dot\nnpm run lint',
      deps: ['T-03', 'T-01'],
      onFailure: 'continue',
      estimateMs: 3 * 60_000,
      outputs: ['coverage/**'],
    }),
    task('T-05', {
      title: 'Lint the docs\nwith "quotes" #1',
      agent: 'lint-bot',
      prompt: 'Lint everything under docs/',
      deps: ['T-02'],
    }),
  ],
  {
    name: 'auth-refactor',
    request:
      'Refactor the auth module and add tests.\n\nKeep the `session` API stable: <see docs> & ${{ github.token }}\n',
    agents: { 'lint-bot': { command: ['lint-bot', '--task', '{prompt_file}'] } },
  },
);

/** Compares `actual` with test/golden/render/<name> byte for byte; `UPDATE_GOLDEN=1` rewrites the file instead. */
export function expectGolden(name: string, actual: string): void {
  const path = fileURLToPath(new URL(`../golden/render/${name}`, import.meta.url));
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`no golden file ${path}: run UPDATE_GOLDEN=1 npx vitest run test/render`);
  }
  expect(actual, `golden ${name} (UPDATE_GOLDEN=1 npx vitest run test/render rewrites it)`).toBe(expected);
}
