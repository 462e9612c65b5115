// Property: on random DAGs, no task starts before its deps end, and no more than -j tasks run at once.
// Each task stamps its own start and end (inside its process), so the check holds whatever the runner says.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { runText } from '../support/run.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const dags = fc
  .integer({ min: 1, max: 9 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 30 }), { minLength: n, maxLength: n }),
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom('critical-path' as const, 'level' as const),
    ),
  );

describe('scheduler properties', () => {
  it('respects every dependency and the concurrency bound', async () => {
    await fc.assert(
      fc.asyncProperty(dags, async ([rawDeps, sleeps, jobs, schedule]) => {
        const deps = rawDeps.map((ds, i) => [...new Set(ds.filter((d) => d < i))]);
        const stamp = (f: string): string => `date +%s%N > "$ORCHESTRATOR_OUTPUT_DIR/${f}"`;
        const tasks = deps.map(
          (ds, i) =>
            `  - id: t${i}\n    run: '${stamp('start')}; sleep 0.0${String(sleeps[i]).padStart(2, '0')}; ${stamp('end')}'\n${ds.length > 0 ? `    deps: [${ds.map((d) => `t${d}`).join(', ')}]\n` : ''}`,
        );
        const dir = tempDir();
        dirs.push(dir);
        const r = await runText(`version: 1\ntasks:\n${tasks.join('')}`, dir, {
          concurrency: jobs,
          schedule,
        });
        expect(r.status).toBe('success');
        const read = (i: number, f: string): bigint =>
          BigInt(fs.readFileSync(path.join(dir, '.orchestrator/outputs', `t${i}`, f), 'utf8').trim());
        const spans = deps.map((_, i) => ({ start: read(i, 'start'), end: read(i, 'end') }));
        deps.forEach((ds, i) => {
          for (const d of ds)
            expect(spans[i]!.start > spans[d]!.end, `t${i} started before t${d} ended`).toBe(true);
        });
        const points = spans.flatMap((s) => [
          { at: s.start, delta: 1 },
          { at: s.end, delta: -1 },
        ]);
        points.sort((a, b) => (a.at === b.at ? a.delta - b.delta : a.at < b.at ? -1 : 1));
        let running = 0;
        for (const p of points) {
          running += p.delta;
          expect(running).toBeLessThanOrEqual(jobs);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
