import { describe, expect, it } from 'vitest';
import { BUILTIN_DEFAULTS } from '../../src/core/model.js';
import { load } from '../support/plans.js';

const plan = load(`version: 1
name: resolve
defaults:
  agent: codex
  retries: 1
  timeout: 10m
  backoff: { initial: 2s, max: 30s }
  retry-on: any
  env: { SHARED: base, N: 1 }
  runs-on: [self-hosted, linux]
  model: big
tasks:
  - id: A
    title: "  Several\\n  lines   of title "
    prompt: p
  - id: B
    run: make
    retries: 0
    timeout: 90s
    backoff: { factor: 3 }
    env: { SHARED: own }
    deps: [A, A]
    on-failure: continue
    estimate: 1h30m
  - id: C
    agent: shell
    run: "true"
`);
const [a, b, c] = plan.tasks;

describe('resolvePlan', () => {
  it('takes the task value, then the plan default, then the built-in one', () => {
    expect(a).toMatchObject({
      agent: 'codex',
      retries: 1,
      timeoutMs: 600_000,
      model: 'big',
      onFailure: 'fail-fast',
    });
    expect(b).toMatchObject({
      agent: 'shell',
      retries: 0,
      timeoutMs: 90_000,
      onFailure: 'continue',
      estimateMs: 5_400_000,
    });
    expect(c!.estimateMs).toBeNull();
  });
  it('infers shell from `run` even when the default agent is an AI', () => {
    expect(b!.agent).toBe('shell');
  });
  it('merges backoff and env key by key', () => {
    expect(a!.backoff).toEqual({ initialMs: 2_000, factor: BUILTIN_DEFAULTS.backoff.factor, maxMs: 30_000 });
    expect(b!.backoff).toEqual({ initialMs: 2_000, factor: 3, maxMs: 30_000 });
    expect(a!.env).toEqual({ SHARED: 'base', N: '1' });
    expect(b!.env).toEqual({ SHARED: 'own', N: '1' });
  });
  it('normalizes shorthands: retry-on to a list, runs-on labels, titles to one line, deps deduplicated', () => {
    expect(a!.retryOn).toEqual(['any']);
    expect(a!.runsOn).toEqual(['self-hosted', 'linux']);
    expect(a!.title).toBe('Several lines of title');
    expect(b!.deps).toEqual(['A']);
    expect(c!.title).toBe('C');
  });
  it('names the plan from the file when it gives no name', () => {
    expect(plan.name).toBe('resolve');
    expect(
      load('version: 1\ntasks:\n  - {id: A, run: a}\n  - {id: B, run: b}\n  - {id: C, run: c}\n').name,
    ).toBe('plan');
  });
});

describe('edit', () => {
  it('is false unless the task or the defaults say true; the task wins', () => {
    const p = load(`version: 1
name: edits
defaults: { edit: true }
tasks:
  - { id: A, prompt: a }
  - { id: B, prompt: b, edit: false }
  - { id: C, prompt: c, deps: [A, B] }
`);
    expect(p.tasks.map((t) => t.edit)).toEqual([true, false, true]);
    const plain = load('version: 1\nname: p\ntasks:\n  - { id: A, prompt: a }\n  - { id: B, prompt: b }\n');
    expect(plain.tasks.map((t) => t.edit)).toEqual([false, false]);
  });
});
