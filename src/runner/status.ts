/**
 * The files a run leaves per task and in its journal. `outputs/<id>/status.json` is the contract between the
 * local runner, the GitHub task job and the aggregate step: the report is built from these files alone.
 */

/** Final states of a task in a run. */
export type FinalStatus = 'done' | 'failed' | 'skipped' | 'cancelled';

/** `outputs/<id>/status.json` (snake_case: it is a file format, read by other tools too). */
export interface TaskStatusFile {
  id: string;
  status: FinalStatus;
  /** Attempts made (0 for a task that never started). */
  attempts: number;
  exit_code: number | null;
  /** ISO 8601, or null when the task never started. */
  started_at: string | null;
  ended_at: string | null;
  duration_ms: number | null;
  cost_usd: number | null;
  tokens: { input: number; output: number; cache_read?: number; cache_write?: number } | null;
  /** One line: why it failed, was skipped or cancelled. */
  error: string | null;
  agent: string;
  /** Hash of the task's definition and its deps' outputs, for `run --resume`. */
  hash: string;
  /** For `continue` dependents: the deps that failed, so the task knows which input is missing. */
  missing_deps?: string[];
}

/** The status.json of a task that never started: skipped, or cancelled before its first attempt. */
export function notStartedFile(
  task: { id: string; agent: string },
  status: 'skipped' | 'cancelled',
  error: string,
  hash: string,
): TaskStatusFile {
  return {
    id: task.id,
    status,
    attempts: 0,
    exit_code: null,
    started_at: null,
    ended_at: null,
    duration_ms: null,
    cost_usd: null,
    tokens: null,
    error,
    agent: task.agent,
    hash,
  };
}

/** One line of `state/journal.jsonl`. */
export type JournalEvent =
  | {
      type: 'run-start';
      at: string;
      run: string;
      plan: string;
      tasks: number;
      concurrency: number;
      resume: boolean;
    }
  | {
      type: 'task';
      at: string;
      run: string;
      id: string;
      status: 'running' | 'retrying' | FinalStatus;
      attempt: number;
      hash: string;
      exit_code?: number | null;
      error?: string | null;
      duration_ms?: number;
    }
  | {
      /** A task's process started: its process group, so a later `--resume` can stop it if this run dies. */
      type: 'process';
      at: string;
      run: string;
      id: string;
      attempt: number;
      pgid: number;
    }
  | {
      type: 'run-end';
      at: string;
      run: string;
      status: 'done' | 'failed' | 'interrupted';
      duration_ms: number;
    };
