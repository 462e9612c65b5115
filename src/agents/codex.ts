/**
 * `codex`: the Codex CLI's non-interactive mode, `codex exec --json -`, the prompt on stdin.
 *
 * Verified against openai/codex `docs/exec.md` and the CLI's source (`codex-rs/exec/src/cli.rs`,
 * `exec_events.rs`, `core/src/error.rs`):
 * - `-` (or no prompt argument) reads the prompt from stdin; `-m`/`--model` picks the model.
 * - `--json` prints one event a line: `thread.started` (`thread_id`), `turn.started`, `item.started` /
 *   `item.updated` / `item.completed` (items of type `agent_message`, `reasoning`, `command_execution`...),
 *   `turn.completed` (`usage`: `input_tokens`, `cached_input_tokens`, `output_tokens`), `turn.failed`
 *   (`error.message`) and `error` (`message`). The answer is the last `agent_message` item's `text`. The
 *   reported input tokens include the cached ones; Tokens.input here excludes them, as Claude's does.
 * - `--output-last-message FILE` would write the answer to a file too; it is not used because an adapter
 *   reads only the finished process's output, and the JSON events already hold the answer.
 * - Error messages, from `error.rs`: `stream disconnected before completion: ...` (the stream broke, often on a
 *   rate limit, after Codex's own retries), `exceeded retry limit, last status: 429 Too Many Requests`,
 *   `We're currently experiencing high demand...` (a 5xx), `Connection failed: ...`, `Error while reading the
 *   server response: ...` are transient; `You've hit your usage limit...` and `Quota exceeded. Check your plan
 *   and billing details.` are not (they last until the plan resets or is paid).
 *
 * Not mapped: Codex has no turn limit and no tool list on its command line, so `max-turns` and `allowed-tools`
 * do not apply; what it may touch is its sandbox setting (`--sandbox`, read-only by default in `exec`), which
 * the user sets in Codex's own config. Best guess, not verified: the exit code after `turn.failed` is non-zero;
 * this adapter does not rely on it.
 */
import { jsonLines, numberField, recordField, stringField, type JsonRecord } from './json.js';
import { clip, CONNECTION_ERROR, endWithStderr, lastLine, matchingLine } from './outcome.js';
import type { AgentAdapter, AgentResult, ProcessEnd, Tokens } from './types.js';

const TRANSIENT =
  /stream disconnected before completion|exceeded retry limit, last status: (?:429|5\d\d)|unexpected status (?:429|5\d\d)|\b429 Too Many Requests\b|\bRate limit (?:reached|exceeded)\b|\brate_limit_exceeded\b|experiencing high demand|\bConnection failed\b|Error while reading the server response|\bserver_error\b|\boverloaded\b|\b50[234] (?:Bad Gateway|Service Unavailable|Gateway Timeout)\b/i;
const USAGE_LIMIT = /\bhit your usage limit\b|\bQuota exceeded\b|\binsufficient_quota\b/i;

export const codexAdapter: AgentAdapter = {
  name: 'codex',
  ai: true,
  invocation({ task, prompt }) {
    const argv = ['codex', 'exec', '--json'];
    if (task.model !== undefined) argv.push('-m', task.model);
    argv.push('-');
    return { argv, stdin: prompt };
  },
  interpret(end) {
    const events = jsonLines(end.stdout);
    if (events.length === 0) return withoutEvents(end);
    return fromEvents(events, end);
  },
};

function fromEvents(events: JsonRecord[], end: ProcessEnd): AgentResult {
  let answer = '';
  let sessionId: string | undefined;
  let tokens: Tokens | undefined;
  let completed = false;
  let failure: string | undefined;
  let lastError: string | undefined;
  for (const event of events) {
    const type = stringField(event, 'type');
    if (type === 'thread.started') {
      sessionId = stringField(event, 'thread_id') ?? sessionId;
    } else if (type === 'item.completed') {
      const item = recordField(event, 'item');
      if (item !== undefined && item['type'] === 'agent_message')
        answer = stringField(item, 'text') ?? answer;
    } else if (type === 'turn.completed') {
      completed = true;
      failure = undefined;
      tokens = usageTokens(recordField(event, 'usage')) ?? tokens;
    } else if (type === 'turn.failed') {
      completed = false;
      failure = stringField(recordField(event, 'error') ?? {}, 'message') ?? 'the turn failed';
    } else if (type === 'error') {
      lastError = stringField(event, 'message') ?? lastError;
    }
  }
  const base: AgentResult = {
    outcome: 'failure',
    result: answer,
    ...(sessionId !== undefined ? { sessionId } : {}),
    ...(tokens !== undefined ? { tokens } : {}),
  };
  if (completed && end.signal === null && end.exitCode === 0) return { ...base, outcome: 'success' };
  if (completed) return { ...base, error: `codex completed its turn but ended with ${endWithStderr(end)}` };
  // `error` events also report retries Codex makes itself ("Reconnecting... 1/5"); the turn's own failure is the
  // verdict when there is one.
  const message = failure ?? lastError ?? (lastLine(end.stderr) || endWithStderr(end));
  return classify(message, base);
}

function classify(message: string, base: AgentResult): AgentResult {
  if (USAGE_LIMIT.test(message)) return { ...base, error: `codex usage limit reached: ${clip(message)}` };
  if (TRANSIENT.test(message) || CONNECTION_ERROR.test(message)) {
    return { ...base, outcome: 'transient', error: `codex API error (transient): ${clip(message)}` };
  }
  return { ...base, error: `codex failed: ${clip(message)}` };
}

/** No JSON events: Codex failed before its first event (bad flag, no login), or printed something else. */
function withoutEvents(end: ProcessEnd): AgentResult {
  const output = `${end.stderr}\n${end.stdout}`;
  const base: AgentResult = { outcome: 'failure', result: '' };
  const known = matchingLine(output, USAGE_LIMIT) || matchingLine(output, TRANSIENT);
  if (known !== '') return classify(known, base);
  const connection = matchingLine(output, CONNECTION_ERROR);
  if (connection !== '') return classify(connection, base);
  if (end.signal !== null || end.exitCode !== 0) {
    return { ...base, error: `codex printed no JSON events; ${endWithStderr(end)}` };
  }
  const last = lastLine(end.stdout) || lastLine(end.stderr) || '(nothing)';
  return { ...base, error: `codex printed no JSON events; last output: ${last}` };
}

function usageTokens(usage: JsonRecord | undefined): Tokens | undefined {
  if (usage === undefined) return undefined;
  const input = numberField(usage, 'input_tokens');
  const output = numberField(usage, 'output_tokens');
  if (input === undefined && output === undefined) return undefined;
  const cached = numberField(usage, 'cached_input_tokens');
  const tokens: Tokens = { input: Math.max(0, (input ?? 0) - (cached ?? 0)), output: output ?? 0 };
  if (cached !== undefined) tokens.cacheRead = cached;
  return tokens;
}
