/**
 * What every adapter needs to turn a finished process into a one-line error: how it ended, the last thing it
 * said, and the exit-code convention shared by shell tasks and custom agents.
 */
import { oneLine, truncate } from '../render/text.js';
import type { AgentResult, ProcessEnd } from './types.js';

/**
 * EX_TEMPFAIL from BSD sysexits.h ("temporary failure; user is invited to retry"). A shell task or a custom
 * agent that exits with 75 asks to be retried: its failure counts as transient, like an API overload.
 */
export const EX_TEMPFAIL = 75;

/** Errors are one line in status.json and in the terminal; this keeps them readable. */
export const ERROR_MAX_CHARS = 200;

/** One line of at most ERROR_MAX_CHARS characters. */
export function clip(text: string, max = ERROR_MAX_CHARS): string {
  return truncate(oneLine(text), max);
}

/** The last line of text that is not blank, clipped; '' when there is none. */
export function lastLine(text: string): string {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = oneLine(lines[i]!);
    if (line !== '') return clip(line);
  }
  return '';
}

/** `exit code 2`, `killed by SIGSEGV`. */
export function describeEnd(end: Pick<ProcessEnd, 'exitCode' | 'signal'>): string {
  if (end.signal !== null) return `killed by ${end.signal}`;
  if (end.exitCode !== null) return `exit code ${end.exitCode}`;
  return 'ended without an exit code';
}

/** `exit code 2: <last stderr line>`, or just `exit code 2` when stderr is empty. */
export function endWithStderr(end: ProcessEnd): string {
  const said = lastLine(end.stderr);
  return said === '' ? describeEnd(end) : `${describeEnd(end)}: ${said}`;
}

/**
 * The outcome of a program that reports only through its exit code (a shell task, a custom agent): 0 is
 * success, EX_TEMPFAIL (75) a transient failure, anything else (or a signal) a failure. The result is stdout.
 */
export function exitCodeOutcome(end: ProcessEnd, label?: string): AgentResult {
  const prefix = label === undefined ? '' : `${label}: `;
  if (end.signal === null && end.exitCode === 0) return { outcome: 'success', result: end.stdout };
  const said = lastLine(end.stderr);
  if (end.signal === null && end.exitCode === EX_TEMPFAIL) {
    const why = `${prefix}exit code ${EX_TEMPFAIL} (EX_TEMPFAIL: a transient failure, retried)`;
    return { outcome: 'transient', result: end.stdout, error: said === '' ? why : `${why}: ${said}` };
  }
  return { outcome: 'failure', result: end.stdout, error: `${prefix}${endWithStderr(end)}` };
}

/** The first line of text that matches pattern, clipped; '' when none does. */
export function matchingLine(text: string, pattern: RegExp): string {
  for (const line of text.split('\n')) {
    if (pattern.test(line)) return clip(line);
  }
  return '';
}

/**
 * Network failures between a CLI and its API, by the messages Node's fetch and the CLIs print for them
 * (`Connection error.`, `fetch failed`, `ECONNRESET`, `socket hang up`...): worth another attempt.
 */
export const CONNECTION_ERROR =
  /\bConnection error\b|\bfetch failed\b|\bECONNRESET\b|\bECONNREFUSED\b|\bETIMEDOUT\b|\bEAI_AGAIN\b|\bsocket hang up\b|\bRequest timed out\b/i;
