/**
 * `codex`: the Codex CLI's non-interactive mode, `codex exec --json --skip-git-repo-check --sandbox <mode> -`, the
 * prompt on stdin.
 *
 * Verified against the real CLI, @openai/codex 0.169.0, on 2026-12-07 (test/agents/real-codex.test.ts, against
 * the loopback mock of the Responses API in test/support/mock-api/openai.ts), after openai/codex `docs/exec.md`:
 * - `-` reads the prompt from stdin; `-m` picks the model. `exec` has no `-a`/`--ask-for-approval`: it never asks
 *   (its approval policy is "never"), so what the agent may do is its sandbox alone.
 * - Outside a git repository (or a folder codex was told to trust) `exec` exits 1 at once with "Not inside a
 *   trusted directory and --skip-git-repo-check was not specified." The orchestrator picks the folder, so the
 *   flag is always given.
 * - `--sandbox read-only` (exec's default, given explicitly when the task has no `edit: true`) or
 *   `workspace-write` (`edit: true`: the working folder and TMPDIR writable). Both worked in the test container
 *   (as root, where codex's bundled bubblewrap can make its namespaces; not tried where user namespaces are
 *   restricted, as on Ubuntu 24.04 with AppArmor's default). A refused write leaves a trace
 *   only sometimes: an `apply_patch` refused prints `ERROR codex_core::tools::router: error=patch rejected:
 *   writing is blocked by read-only sandbox; rejected by user approval settings` on stderr, and a shell command
 *   that exits 0 anyway shows `Read-only file system` in its `command_execution` item's output; a shell command
 *   that fails on the read-only file system is reported to the model but gets no event at all. The turn still
 *   completes and codex exits 0, so a refusal seen is a `permission:` failure here.
 * - The key: only `CODEX_API_KEY` is sent (`authorization: Bearer ...`); with `OPENAI_API_KEY` alone codex sends
 *   no authorization header. The invocation copies OPENAI_API_KEY to CODEX_API_KEY when only the former is set.
 * - `--json` prints one event a line on stdout: `thread.started` (`thread_id`), `turn.started`, `item.started` /
 *   `item.completed` (items `agent_message`, `reasoning`, `command_execution` {command, aggregated_output,
 *   exit_code}, `file_change` {changes: [{path, kind}]}, `error` (a notice such as "Falling back from WebSockets
 *   to HTTPS transport", not a failure)), `turn.completed` (`usage`: `input_tokens`, `cached_input_tokens`,
 *   `cache_write_input_tokens`, `output_tokens`, `reasoning_output_tokens`; summed over the turn's requests;
 *   cache writes are not read: always 0 against the mock, and whether input_tokens counts them is not known),
 *   `turn.failed` (`error.message`), `error` (`message`). The answer is the last `agent_message`'s `text`; the
 *   input tokens include the cached ones, Tokens.input here excludes them, as Claude's does. No cost.
 * - Retries it makes itself come as `error` events: `Reconnecting... 2/5 (<cause>)`, the cause e.g.
 *   `unexpected status 401 Unauthorized: <OpenAI's message>, url: ...` (it retries a 401 five times, about 7 s),
 *   `unexpected status 503 Service Unavailable: ...`, `stream disconnected before completion: Connection refused
 *   (os error 111)`. It first tries a WebSocket (five reconnects), then falls back to HTTPS. With no network it
 *   then prints `Reconnecting... waiting for network (Connection failed: error sending request)` every few
 *   seconds and never ends: watch() stops that attempt as transient, naming the cause. A 429 ends at once with
 *   `exceeded retry limit, last status: 429 Too Many Requests`; a 503 after five retries (about 24 s) with
 *   `unexpected status 503 Service Unavailable: ...`; a 401 with `unexpected status 401 Unauthorized: ...`; each
 *   followed by `turn.failed` and exit code 1. stderr holds only warnings and tracing lines (`... ERROR ...`).
 * - Error messages from `core/src/error.rs` not reproduced here: `You've hit your usage limit...` and `Quota
 *   exceeded. Check your plan and billing details.` last until the plan resets or is paid (not transient);
 *   `We're currently experiencing high demand...`, `Connection failed: ...`, `Error while reading the server
 *   response: ...` are transient.
 *
 * Not mapped: codex has no turn limit (no flag, and no config key for one in 0.169.0) and no tool list on its
 * command line, so `max-turns` and `allowed-tools` do not apply to it (plan validation says so).
 */
import { isRecord, jsonLines, numberField, recordField, stringField, type JsonRecord } from './json.js';
import { clip, CONNECTION_ERROR, endWithStderr, lastLine, matchingLine } from './outcome.js';
import type {
  AgentAdapter,
  AgentContext,
  AgentResult,
  AgentWatch,
  Invocation,
  ProcessEnd,
  Tokens,
  WatchNote,
} from './types.js';

const TRANSIENT =
  /stream disconnected before completion|exceeded retry limit, last status: (?:429|5\d\d)|unexpected status (?:429|5\d\d)|\b429 Too Many Requests\b|\bRate limit (?:reached|exceeded)\b|\brate_limit_exceeded\b|experiencing high demand|\bConnection failed\b|Error while reading the server response|\bserver_error\b|\boverloaded\b|\b50[234] (?:Bad Gateway|Service Unavailable|Gateway Timeout)\b|waiting for network/i;
const USAGE_LIMIT = /\bhit your usage limit\b|\bQuota exceeded\b|\binsufficient_quota\b/i;
/** A bad or missing key, as codex reports the API's 401. */
const UNAUTHORIZED = /\b401 Unauthorized\b|\binvalid_api_key\b|Incorrect API key provided|Missing bearer/i;
const KEY_HINT = '(check CODEX_API_KEY or OPENAI_API_KEY)';
/** `Reconnecting... 2/5 (<cause>)`: one of codex's own retries. */
const RECONNECTING = /^Reconnecting\.\.\. (\d+)\/(\d+) \(([\s\S]*)\)$/;
/** `Reconnecting... waiting for network (<cause>)`: codex waits for a network that may never come. */
const WAITING_FOR_NETWORK = /^Reconnecting\.\.\. waiting for network(?: \(([\s\S]*)\))?/;
/** stderr's trace of an apply_patch the sandbox refused: `patch rejected: <why>; rejected by user approval...`. */
const PATCH_REJECTED = /patch rejected: (.*?)(?:; rejected by user approval settings)?\s*$/m;
const READ_ONLY_FS = /Read-only file system/;

export const codexAdapter: AgentAdapter = {
  name: 'codex',
  ai: true,
  invocation({ task, prompt, env }) {
    // An explicit sandbox either way: `edit` decides, never codex's config or defaults.
    const sandbox = task.edit ? 'workspace-write' : 'read-only';
    const argv = ['codex', 'exec', '--json', '--skip-git-repo-check', '--sandbox', sandbox];
    if (task.model !== undefined) argv.push('-m', task.model);
    argv.push('-');
    const invocation: Invocation = { argv, stdin: prompt };
    const keyEnv = codexKeyEnv(env);
    if (keyEnv !== undefined) invocation.env = keyEnv;
    return invocation;
  },
  interpret(end, ctx) {
    const events = jsonLines(end.stdout);
    if (events.length === 0) return withoutEvents(end);
    return fromEvents(events, end, ctx);
  },
  watch() {
    return new CodexWatch();
  },
};

/**
 * codex 0.169.0 sends only CODEX_API_KEY; a user (or a workflow) with OPENAI_API_KEY alone would call the API
 * with no key at all. Copied, never overriding a CODEX_API_KEY of its own.
 */
function codexKeyEnv(env: AgentContext['env']): Record<string, string> | undefined {
  const openai = env?.['OPENAI_API_KEY'];
  const codex = env?.['CODEX_API_KEY'];
  if (openai === undefined || openai === '' || (codex !== undefined && codex !== '')) return undefined;
  return { CODEX_API_KEY: openai };
}

/**
 * Reads the events as they come: codex's own retries become progress, and two states it would sit in for
 * minutes end the attempt now: a 401 (it retries that five times) and "waiting for network" (forever).
 */
class CodexWatch implements AgentWatch {
  private cause: string | undefined;

  line(text: string, stream: 'stdout' | 'stderr'): WatchNote | undefined {
    if (stream !== 'stdout' || !text.startsWith('{')) return undefined;
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!isRecord(event)) return undefined;
    const type = stringField(event, 'type');
    if (type === 'error') return this.onError(stringField(event, 'message') ?? '');
    if (type === 'item.started') return itemProgress(recordField(event, 'item'));
    return undefined;
  }

  private onError(message: string): WatchNote | undefined {
    const waiting = WAITING_FOR_NETWORK.exec(message);
    if (waiting !== null) {
      const why = [this.cause, waiting[1]].filter((c) => c !== undefined).join('; then ');
      return {
        progress: 'codex: waiting for the network',
        stop: {
          outcome: 'transient',
          error: `codex could not reach the API${why === '' ? '' : `: ${shortCause(why)}`} (it was waiting for the network)`,
        },
      };
    }
    const retry = RECONNECTING.exec(message);
    if (retry === null) return undefined;
    const cause = shortCause(retry[3]!);
    if (UNAUTHORIZED.test(cause)) return { stop: { outcome: 'failure', error: authError(cause) } };
    this.cause = cause;
    return { progress: `codex: reconnecting to the API, ${retry[1]} of ${retry[2]} (${clip(cause, 120)})` };
  }
}

function itemProgress(item: JsonRecord | undefined): WatchNote | undefined {
  if (item === undefined) return undefined;
  if (item['type'] === 'command_execution') {
    return { progress: `codex: running ${clip(stringField(item, 'command') ?? 'a command', 120)}` };
  }
  if (item['type'] === 'file_change' && Array.isArray(item['changes'])) {
    const paths = item['changes'].flatMap((c) => (isRecord(c) ? [stringField(c, 'path') ?? ''] : []));
    return { progress: `codex: changing ${clip(paths.join(', '), 120)}` };
  }
  return undefined;
}

/** A cause without the URL codex appends (`..., url: http://...`), on one line. */
function shortCause(cause: string): string {
  return clip(cause.replace(/,? url: \S+$/, ''), 160);
}

function authError(message: string): string {
  const said = message.replace(/^unexpected status /, '');
  return `codex authentication failed: ${clip(said, 140)} ${KEY_HINT}`;
}

function fromEvents(events: JsonRecord[], end: ProcessEnd, ctx: AgentContext): AgentResult {
  let answer = '';
  let sessionId: string | undefined;
  let tokens: Tokens | undefined;
  let completed = false;
  let failure: string | undefined;
  let lastError: string | undefined;
  let refusedCommand: string | undefined;
  for (const event of events) {
    const type = stringField(event, 'type');
    if (type === 'thread.started') {
      sessionId = stringField(event, 'thread_id') ?? sessionId;
    } else if (type === 'item.completed') {
      const item = recordField(event, 'item');
      if (item !== undefined && item['type'] === 'agent_message')
        answer = stringField(item, 'text') ?? answer;
      refusedCommand = readOnlyCommand(item) ?? refusedCommand;
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
  if (completed && end.signal === null && end.exitCode === 0) {
    const refused = refusal(end.stderr, refusedCommand, ctx);
    return refused === undefined ? { ...base, outcome: 'success' } : { ...base, error: refused };
  }
  if (completed) return { ...base, error: `codex completed its turn but ended with ${endWithStderr(end)}` };
  // `error` events also report retries Codex makes itself ("Reconnecting... 1/5"); the turn's own failure is the
  // verdict when there is one.
  const message = failure ?? lastError ?? (lastLine(end.stderr) || endWithStderr(end));
  return classify(message, base);
}

/** The command of a command_execution item whose output shows the sandbox's read-only file system. */
function readOnlyCommand(item: JsonRecord | undefined): string | undefined {
  if (item === undefined || item['type'] !== 'command_execution') return undefined;
  const output = stringField(item, 'aggregated_output') ?? '';
  return READ_ONLY_FS.test(output) ? (stringField(item, 'command') ?? 'a command') : undefined;
}

/**
 * A write the sandbox refused though the turn completed: codex tells only the model, which may well answer
 * as if done. `permission: ...` so that the task fails and says what to change.
 */
function refusal(stderr: string, command: string | undefined, ctx: AgentContext): string | undefined {
  const patch = PATCH_REJECTED.exec(stderr);
  const what =
    patch !== null
      ? `codex's sandbox refused a file change (${patch[1]!.trim()})`
      : command !== undefined
        ? `codex's sandbox refused a write by ${clip(command, 80)} (Read-only file system)`
        : undefined;
  if (what === undefined) return undefined;
  const fix = ctx.task.edit
    ? 'the task has edit: true, so the write was outside its working folder'
    : 'the task has no edit: true; set edit: true to let it change files';
  return `permission: ${what} (${fix})`;
}

function classify(message: string, base: AgentResult): AgentResult {
  if (UNAUTHORIZED.test(message)) return { ...base, error: authError(shortCause(message)) };
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
  const known =
    matchingLine(output, UNAUTHORIZED) ||
    matchingLine(output, USAGE_LIMIT) ||
    matchingLine(output, TRANSIENT);
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
