/**
 * Reading `outputs/<id>/status.json` back (the contract is TaskStatusFile in runner/status.ts). The file may come
 * from another machine, another version, or a job that died while writing it: `status` and `id` must be right
 * for the file to count at all; any other field that is missing or malformed is dropped with a note, so one bad
 * number does not hide a task's outcome.
 */
import type { FinalStatus, TaskStatusFile } from '../runner/status.js';
import { truncate } from '../render/text.js';

const FINAL_STATUSES: readonly FinalStatus[] = ['done', 'failed', 'skipped', 'cancelled'];

export type StatusCheck = { ok: true; file: TaskStatusFile; notes: string[] } | { ok: false; note: string };

type Json = Record<string, unknown>;

/** A value as it appears in the file, shortened: notes end up in the report, values may be huge. */
function shown(value: unknown): string {
  return truncate(JSON.stringify(value) ?? String(value), 40);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isTime = (v: unknown): v is string => typeof v === 'string' && Number.isFinite(Date.parse(v));

/** `text` is the file's content; `id` the task it must describe. */
export function checkStatusFile(text: string, id: string): StatusCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, note: `status.json is not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(data)) return { ok: false, note: 'status.json is not a JSON object' };
  // A file for another task means the artifacts were mixed up: better no status than someone else's.
  if (data.id === undefined) return { ok: false, note: 'status.json has no `id`' };
  if (data.id !== id) return { ok: false, note: `status.json is for task ${shown(data.id)}, not "${id}"` };
  const status = data.status;
  if (typeof status !== 'string' || !(FINAL_STATUSES as readonly string[]).includes(status)) {
    return {
      ok: false,
      note: `status.json has status ${shown(status)}, not one of ${FINAL_STATUSES.join(', ')}`,
    };
  }
  const notes: string[] = [];
  const object: Json = data;
  function field<T>(key: string, check: (v: unknown) => v is T, fallback: T, expected: string): T {
    const value = object[key];
    if (value === undefined || value === null) return fallback;
    if (check(value)) return value;
    notes.push(`status.json: \`${key}\` is ${shown(value)}, not ${expected}; ignored`);
    return fallback;
  }
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isExitCode = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  const isTokens = (v: unknown): v is NonNullable<TaskStatusFile['tokens']> =>
    isObject(v) &&
    isCount(v.input) &&
    isCount(v.output) &&
    (v.cache_read === undefined || isCount(v.cache_read)) &&
    (v.cache_write === undefined || isCount(v.cache_write));
  const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
  const file: TaskStatusFile = {
    id,
    status: status as FinalStatus,
    attempts: field('attempts', isCount, 0, 'a count'),
    exit_code: field<number | null>('exit_code', isExitCode, null, 'an integer'),
    started_at: field<string | null>('started_at', isTime, null, 'a date'),
    ended_at: field<string | null>('ended_at', isTime, null, 'a date'),
    duration_ms: field<number | null>('duration_ms', isAmount, null, 'a duration in milliseconds'),
    cost_usd: field<number | null>('cost_usd', isAmount, null, 'an amount in dollars'),
    tokens: field<TaskStatusFile['tokens']>('tokens', isTokens, null, 'token counts'),
    error: field<string | null>('error', isString, null, 'a string'),
    agent: field('agent', isString, '', 'a string'),
    hash: field('hash', isString, '', 'a string'),
  };
  const missing = field<string[] | null>('missing_deps', isIdList, null, 'a list of task ids');
  if (missing !== null) file.missing_deps = missing;
  return { ok: true, file, notes };
}
