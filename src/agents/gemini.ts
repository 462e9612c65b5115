/**
 * `gemini`: the Gemini CLI in headless mode, `gemini --output-format json -m <model> -p ''`, the prompt on stdin.
 *
 * Verified against the headless reference (geminicli.com/docs/cli/headless) and google-gemini/gemini-cli's
 * source (`packages/core/src/output/json-formatter.ts` and `types.ts`, `packages/cli/src/utils/errors.ts`,
 * `packages/core/src/utils/googleQuotaErrors.ts`):
 * - `-p`/`--prompt` is "appended to input on stdin (if any)", so the prompt goes on stdin (no argv size limit)
 *   and `-p ''` only asks for headless mode (which a non-TTY stdin implies anyway).
 * - `--output-format json` prints one pretty-printed object: `session_id`, `response` (the answer) and `stats`
 *   (`models.<name>.tokens`: `prompt`, `candidates`, `cached`, `thoughts`...). On an error, `handleError` prints
 *   `{"error": {"type", "message", "code"}}` to **stderr** and exits with the code when it is a number.
 * - Exit codes: 0 success, 1 general or API error, 42 bad input, 53 turn limit reached.
 * - The CLI sorts Google's 429s itself: `RetryableQuotaError` (a per-minute limit, a 503 overload) and
 *   `TerminalQuotaError` ("You have exhausted your daily quota on this model."); the error's `type` is that class
 *   name. Transient here: `RetryableQuotaError`, codes 429/499/5xx, `RESOURCE_EXHAUSTED`, `UNAVAILABLE`, an
 *   overloaded model, connection errors; a daily quota is not.
 * - `--allowed-tools a,b` exists (comma-separated; deprecated in favour of the policy engine, still accepted).
 *   There is no turn-limit flag (it is `maxSessionTurns` in settings.json), so `max-turns` does not apply.
 *
 * Best guesses, not verified: the exact text of API errors once they reach the JSON error (taken from issue
 * threads: `got status: 429 Too Many Requests. {...RESOURCE_EXHAUSTED...}`, "The model is overloaded"). Tokens:
 * `prompt` counts the cached tokens; Tokens.input excludes them, and output includes the thinking tokens, as
 * Claude's counts do.
 */
import { isRecord, lastJsonValue, numberField, recordField, stringField, type JsonRecord } from './json.js';
import { clip, CONNECTION_ERROR, endWithStderr, lastLine, matchingLine } from './outcome.js';
import type { AgentAdapter, AgentResult, ProcessEnd, Tokens } from './types.js';

/** FatalTurnLimitedError's exit code. */
const TURN_LIMIT_EXIT = 53;

// Google's status names are upper case: "unavailable" in prose says nothing.
const TRANSIENT =
  /\b(?:RESOURCE_EXHAUSTED|UNAVAILABLE)\b|\b(?:[Oo]verloaded|Too Many Requests|[Rr]esource (?:has been )?exhausted|[Rr]ate limit)|\b(?:429|503) (?:Too Many Requests|Service Unavailable)\b|Please retry in [0-9.]+m?s/;
const DAILY_QUOTA = /\bdaily quota\b|\bper ?day\b/i;

export const geminiAdapter: AgentAdapter = {
  name: 'gemini',
  ai: true,
  invocation({ task, prompt }) {
    const argv = ['gemini', '--output-format', 'json'];
    if (task.model !== undefined) argv.push('-m', task.model);
    if (task.allowedTools !== undefined && task.allowedTools.length > 0) {
      argv.push('--allowed-tools', task.allowedTools.join(','));
    }
    argv.push('-p', '');
    return { argv, stdin: prompt };
  },
  interpret(end) {
    const output = findOutput(end.stdout) ?? findOutput(end.stderr);
    if (output === undefined) return withoutOutput(end);
    return fromOutput(output, end);
  },
};

function findOutput(text: string): JsonRecord | undefined {
  const value = lastJsonValue(text, isOutput);
  return isOutput(value) ? value : undefined;
}

function isOutput(value: unknown): value is JsonRecord {
  return isRecord(value) && ('response' in value || isRecord(value['error']) || 'stats' in value);
}

function fromOutput(output: JsonRecord, end: ProcessEnd): AgentResult {
  const tokens = statsTokens(recordField(output, 'stats'));
  const sessionId = stringField(output, 'session_id');
  const base: AgentResult = {
    outcome: 'failure',
    result: stringField(output, 'response') ?? '',
    ...(tokens !== undefined ? { tokens } : {}),
    ...(sessionId !== undefined ? { sessionId } : {}),
  };
  const error = recordField(output, 'error');
  if (error !== undefined) return fromError(error, base, end);
  if (end.signal === null && end.exitCode === 0) return { ...base, outcome: 'success' };
  if (end.signal === null && end.exitCode === TURN_LIMIT_EXIT) {
    return { ...base, error: 'gemini stopped at its session turn limit (exit code 53)' };
  }
  return { ...base, error: `gemini answered but ended with ${endWithStderr(end)}` };
}

function fromError(error: JsonRecord, base: AgentResult, end: ProcessEnd): AgentResult {
  const type = stringField(error, 'type') ?? 'Error';
  const message = stringField(error, 'message') ?? '';
  const code = numberField(error, 'code');
  const said = clip(`${type}: ${message}`);
  if (type === 'FatalTurnLimitedError' || end.exitCode === TURN_LIMIT_EXIT) {
    return { ...base, error: `gemini stopped at its session turn limit: ${clip(message)}` };
  }
  if (type === 'TerminalQuotaError' || DAILY_QUOTA.test(message)) {
    return { ...base, error: `gemini quota exhausted: ${said}` };
  }
  const transientCode = code !== undefined && (code === 429 || code === 499 || (code >= 500 && code <= 599));
  if (
    type === 'RetryableQuotaError' ||
    transientCode ||
    TRANSIENT.test(message) ||
    CONNECTION_ERROR.test(message)
  ) {
    return { ...base, outcome: 'transient', error: `gemini API error (transient): ${said}` };
  }
  return { ...base, error: `gemini failed: ${said}` };
}

/** No JSON at all: the CLI failed before it could format one (a crash, a bad flag), or printed something else. */
function withoutOutput(end: ProcessEnd): AgentResult {
  const output = `${end.stderr}\n${end.stdout}`;
  const base: AgentResult = { outcome: 'failure', result: '' };
  const daily = matchingLine(output, DAILY_QUOTA);
  if (daily !== '') return { ...base, error: `gemini quota exhausted: ${daily}` };
  const transient = matchingLine(output, TRANSIENT) || matchingLine(output, CONNECTION_ERROR);
  if (transient !== '')
    return { ...base, outcome: 'transient', error: `gemini API error (transient): ${transient}` };
  if (end.signal === null && end.exitCode === TURN_LIMIT_EXIT) {
    return { ...base, error: `gemini stopped at its session turn limit; ${endWithStderr(end)}` };
  }
  if (end.signal !== null || end.exitCode !== 0) {
    return { ...base, error: `gemini printed no JSON result; ${endWithStderr(end)}` };
  }
  const last = lastLine(end.stdout) || lastLine(end.stderr) || '(nothing)';
  return { ...base, error: `gemini printed no JSON result; last output: ${last}` };
}

/** Summed over the models the session used (a fallback model may have answered part of it). */
function statsTokens(stats: JsonRecord | undefined): Tokens | undefined {
  const models = stats === undefined ? undefined : recordField(stats, 'models');
  if (models === undefined) return undefined;
  let found = false;
  const sum = { input: 0, output: 0, cached: 0 };
  for (const model of Object.values(models)) {
    const tokens = isRecord(model) ? recordField(model, 'tokens') : undefined;
    if (tokens === undefined) continue;
    found = true;
    const prompt = numberField(tokens, 'prompt') ?? 0;
    const cached = numberField(tokens, 'cached') ?? 0;
    sum.input += numberField(tokens, 'input') ?? Math.max(0, prompt - cached);
    sum.cached += cached;
    sum.output += (numberField(tokens, 'candidates') ?? 0) + (numberField(tokens, 'thoughts') ?? 0);
  }
  return found ? { input: sum.input, output: sum.output, cacheRead: sum.cached } : undefined;
}
