import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { renderMasterPlan } from '../render/master-plan.js';
import type { TaskStatus } from '../render/status.js';
import { writeFileAtomic } from '../workspace/atomic.js';
import type { Layout } from '../workspace/layout.js';

/**
 * master_plan.md, re-rendered as statuses change but never more often than every `intervalMs`, nor more than
 * 4% of the time (rendering a 10,000-task plan takes tens of milliseconds, and as much garbage as the
 * tasks themselves).
 */
export function throttledMasterPlan(
  plan: Plan,
  analysis: Analysis,
  files: Layout,
  live: readonly TaskStatus[],
  intervalMs: number,
): { changed(): void; flush(): void } {
  let timer: NodeJS.Timeout | undefined;
  let lastCost = 0;
  let dirty = false;
  const write = (): void => {
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    const t = performance.now();
    writeFileAtomic(files.masterPlan, renderMasterPlan(plan, analysis, live));
    lastCost = performance.now() - t;
  };
  return {
    changed() {
      dirty = true;
      timer ??= setTimeout(write, Math.max(intervalMs, 25 * lastCost));
    },
    flush() {
      clearTimeout(timer);
      dirty = true;
      write();
    },
  };
}
