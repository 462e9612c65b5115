/** Run folders written as a real run leaves them, and the golden-file check for the report tests. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { TaskStatusFile } from '../../src/runner/status.js';

export interface TaskFiles {
  /** status.json: fields over a done task's defaults, or the file's raw text. */
  status?: Partial<TaskStatusFile> | string;
  result?: string | Buffer;
  log?: string;
  /** Other files, by path relative to the task's folder. */
  extra?: Record<string, string>;
}

/** Writes `outputs/<id>/` with the given files. */
export function writeTask(outputs: string, id: string, files: TaskFiles): void {
  const dir = path.join(outputs, id);
  fs.mkdirSync(dir, { recursive: true });
  if (files.status !== undefined) {
    const text =
      typeof files.status === 'string'
        ? files.status
        : `${JSON.stringify({ ...statusFile(id), ...files.status }, null, 2)}\n`;
    fs.writeFileSync(path.join(dir, 'status.json'), text);
  }
  if (files.result !== undefined) fs.writeFileSync(path.join(dir, 'result.md'), files.result);
  if (files.log !== undefined) fs.writeFileSync(path.join(dir, 'log.txt'), files.log);
  for (const [name, content] of Object.entries(files.extra ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

/** A done task's status.json, as the runner writes it. */
export function statusFile(id: string): TaskStatusFile {
  return {
    id,
    status: 'done',
    attempts: 1,
    exit_code: 0,
    started_at: '2026-03-01T10:00:00.000Z',
    ended_at: '2026-03-01T10:01:00.000Z',
    duration_ms: 60_000,
    cost_usd: null,
    tokens: null,
    error: null,
    agent: 'shell',
    hash: 'sha256:0',
  };
}

/** Compares `actual` with test/golden/report/<name>; `UPDATE_GOLDEN=1` rewrites the file instead. */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(import.meta.dirname, '..', 'golden', 'report', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file))
    throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/report`);
  expect(actual, `golden ${name} (UPDATE_GOLDEN=1 npx vitest run test/report rewrites it)`).toBe(
    fs.readFileSync(file, 'utf8'),
  );
}
