/** What a task gets from its deps when it starts: their results, and the hashes `--resume` compares. */
import fs from 'node:fs';
import path from 'node:path';
import { INLINE_RESULT_BYTES, type DepResult } from '../agents/prompt.js';
import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import type { TaskStatus } from '../render/status.js';
import { contentHash } from './hash.js';
import type { FinalStatus, TaskStatusFile } from './status.js';

export interface DepInfo {
  id: string;
  hash: string;
  dep: DepResult;
}

/** What each dep left: its result (inline when small), its status, and a hash of its result for --resume. */
export function depResults(
  plan: Plan,
  i: number,
  analysis: Analysis,
  outputsDir: string,
  finished: readonly boolean[],
  live: readonly TaskStatus[],
): DepInfo[] {
  const { graph } = analysis;
  const out: DepInfo[] = [];
  for (let k = graph.predStart[i]!; k < graph.predStart[i + 1]!; k++) {
    const d = graph.pred[k]!;
    const dep = plan.tasks[d]!;
    const resultFile = path.join(outputsDir, dep.id, 'result.md');
    let content: Buffer | null;
    try {
      content = fs.readFileSync(resultFile);
    } catch {
      content = null;
    }
    const status = finished[d] ? (live[d] as FinalStatus) : 'missing';
    out.push({
      id: dep.id,
      hash: content === null ? `none:${status}` : contentHash(content),
      dep: {
        id: dep.id,
        title: dep.title,
        status,
        resultFile,
        result: content !== null && content.length <= INLINE_RESULT_BYTES ? content.toString('utf8') : null,
      },
    });
  }
  return out;
}

/** A task's status.json, or null when it is missing or torn. */
export function readStatusFile(outputsDir: string, id: string): TaskStatusFile | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(outputsDir, id, 'status.json'), 'utf8')) as TaskStatusFile;
  } catch {
    return null;
  }
}
