import { describe, expect, it } from 'vitest';
import { selectWithDeps } from '../../src/core/select.js';
import { UserError } from '../../src/errors.js';
import { load } from '../support/plans.js';

const plan = load(`version: 1
defaults: {agent: shell}
tasks:
  - {id: a, run: a}
  - {id: b, run: b, deps: [a]}
  - {id: c, run: c}
  - {id: d, run: d, deps: [b, c]}
  - {id: e, run: e, deps: [a]}
`);

describe('selectWithDeps', () => {
  it('keeps the tasks named and everything they depend on, in file order', () => {
    expect(selectWithDeps(plan, ['d']).tasks.map((t) => t.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(selectWithDeps(plan, ['e', 'c']).tasks.map((t) => t.id)).toEqual(['a', 'c', 'e']);
    expect(selectWithDeps(plan, ['a']).tasks.map((t) => t.id)).toEqual(['a']);
  });
  it('refuses an unknown id with the plan’s ids', () => {
    expect(() => selectWithDeps(plan, ['z'])).toThrow(UserError);
    expect(() => selectWithDeps(plan, ['z'])).toThrow('the plan has no task "z" (its tasks: a, b, c, d, e)');
  });
});
