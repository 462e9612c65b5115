/**
 * `claude`: Claude Code in print mode, `claude -p --output-format stream-json --verbose`, the prompt on stdin.
 *
 * Verified against the real CLI, Claude Code 2.1.330 (the version generated workflows pin), on 2026-12-07,
 * offline against the loopback mock of the Messages API in test/support/mock-api/anthropic.ts
 * (test/agents/real-claude.test.ts):
 * - `--output-format stream-json --verbose` prints one JSON object a line as it works: `{"type":"system",
 *   "subtype":"init","cwd":...}` first, `{"type":"system","subtype":"api_retry","attempt":1,"max_retries":10,
 *   "retry_delay_ms":519,"error_status":401|429|529|null,"error":"authentication_failed"|"rate_limit"|
 *   "overloaded"|"unknown"}` before each retry of an API call, the assistant and user messages (tool calls, tool
 *   results, `{"type":"system","subtype":"permission_denied","tool_name":"Write",...}`), and the `result`
 *   object last. `--output-format json` prints nothing until the end: with a bad key or no network that is
 *   about three minutes of ten retries (it retries a 401 too), which is why stream-json is used and watched.
 * - The result object has `subtype`, `is_error`, `result`, `total_cost_usd`, `usage`, `num_turns`,
 *   `session_id`, `permission_denials` (`[{tool_name, tool_use_id, tool_input}]`), `api_error_status` (401, 429,
 *   529, or null when no HTTP answer came) and `api_error_type`; an API error has `subtype: "success"`,
 *   `is_error: true`, exit code 1, and its message in `result`: `Invalid API key · Fix external API key`
 *   (401), `API Error: Request rejected (429) · ...`, `API Error: 529 Overloaded. ...`, `API Error: Connection
 *   refused — a firewall or proxy may be blocking it (ECONNREFUSED)`, `Request timed out. ... set
 *   API_TIMEOUT_MS above ...`; without any key, `Not logged in · Please run /login` (status null).
 * - A refused tool call does not end the session: the model is told it has no permission and carries on, and
 *   the CLI exits 0 with subtype success and the refusal in `permission_denials` only. In `--permission-mode
 *   default` (read-only headless: `manual` in `--help`, `default` still accepted) every Write is refused; in
 *   `acceptEdits` writes inside the working folder and `--add-dir` folders are done, outside them refused.
 *   A rule `Edit(//abs/path/**)` in `--allowedTools` allows writes under that path in either mode; `--add-dir`
 *   alone allows reads there, not writes. Bash is refused in both modes unless `--allowedTools` allows it.
 * - Environment it reads: ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, CLAUDE_CONFIG_DIR (its settings and sessions,
 *   else ~/.claude), CLAUDE_CODE_MAX_RETRIES (default 10), API_TIMEOUT_MS, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC.
 * - It is a native binary: the npm package's install script copies the platform's build over a stub, so it
 *   runs on Node 20 although the package's `engines` asks for Node 22 (`npm i` on Node 20 without
 *   --engine-strict=false resolves 2.1.197, the last version that allows Node 20).
 *
 * From the CLI reference (docs.anthropic.com/en/docs/claude-code/cli-reference): `--max-turns N`, `--model m`,
 * and `--allowedTools`, which takes several arguments or one comma-separated string (the form used here: one
 * argument can never be taken for the prompt).
 *
 * Learnt from public issue threads, not from the docs, and kept for older versions and recorded outputs:
 * - `--output-format json` prints one result object; with `--verbose` a JSON array of every message, the
 *   result last (anthropics/claude-code#19942).
 * - Older API errors read `API Error: 529 {"type":"error","error":{"type":"overloaded_error",...}}`
 *   (anthropics/claude-code#39745, #41628), `API Error: Rate limit reached` with exit code 0
 *   (anthropics/claude-code#79500), `API Error: Repeated 529 Overloaded errors`.
 * - `error_max_turns` comes with `is_error: false` and exit code 0 in older versions, `is_error: true` and exit
 *   code 1 in newer ones; either way it is a failure that another attempt would repeat, not a transient one.
 * - A subscription's usage limit reads `You've hit your session limit · resets 2:50am` (with status 429): it
 *   lifts in hours, not within a retry's backoff, so it is a failure, not a transient error.
 */
import path from 'node:path';
import { isRecord, lastJsonValue, numberField, recordField, stringField, type JsonRecord } from './json.js';
import { clip, CONNECTION_ERROR, describeEnd, endWithStderr, lastLine, matchingLine } from './outcome.js';
import type {
  AgentAdapter,
  AgentContext,
  AgentResult,
  AgentWatch,
  ProcessEnd,
  Tokens,
  WatchNote,
} from './types.js';

// What Anthropic's API and Claude Code print for an overload (HTTP 529), a rate limit (429) or a server error
// (5xx, error type `api_error`). Matched only in the text of an error, never in a successful answer.
const TRANSIENT =
  /\boverloaded_error\b|\bOverloaded\b|\brate_limit_error\b|\bRate limit(?:ed| reached| exceeded)?\b|Request rejected \(429\)|API Error:? \(?(?:429|5\d\d)\b|"type":"api_error"|\bInternal server error\b/i;
const USAGE_LIMIT = /\bhit your (?:\w+ )?limit\b|\busage limit\b/i;
// Claude Code's own words for an API it could not reach (2.1.330: `Unable to connect to API (ConnectionRefused)`,
// `Connection refused — a firewall or proxy may be blocking it (ECONNREFUSED)`, `Can't reach the API server`,
// `No internet route`, `Connection dropped (ECONNRESET)`), besides the generic ones in CONNECTION_ERROR.
const UNREACHABLE =
  /\bUnable to connect to API\b|\bConnection refused\b|\bCan't reach the API server\b|\bNo internet route\b|\bConnection dropped\b/i;
const AUTH =
  /\bInvalid API key\b|\bNot logged in\b|\bauthentication_error\b|\bOAuth token (?:has expired|revoked)\b/i;
/** The tools that change files: what `edit: true` (acceptEdits) lets through. */
const EDIT_TOOLS = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit']);

export const claudeAdapter: AgentAdapter = {
  name: 'claude',
  ai: true,
  invocation(ctx) {
    const { task, prompt } = ctx;
    const argv = ['claude', '-p', '--output-format', 'stream-json', '--verbose', ...permissionArgs(ctx)];
    if (task.maxTurns !== undefined) argv.push('--max-turns', String(task.maxTurns));
    argv.push('--allowedTools', [...(task.allowedTools ?? []), outputFolderRule(ctx.outputDir)].join(','));
    if (task.model !== undefined) argv.push('--model', task.model);
    return { argv, stdin: prompt };
  },
  interpret(end, ctx) {
    const result = findResult(end.stdout);
    return result === undefined ? withoutResult(end, ctx) : fromResult(result, end, ctx);
  },
  watch(ctx) {
    return claudeWatch(ctx);
  },
};

/**
 * `edit: true` is acceptEdits (file edits inside the working folder go through, nothing else more); false is the
 * default mode, where headless Claude refuses every edit. Never bypassPermissions. The outputs folder is added
 * (`--add-dir`) so that the agent may read it, and its deps' folders, wherever the workspace is.
 */
function permissionArgs(ctx: AgentContext): string[] {
  return [
    '--permission-mode',
    ctx.task.edit ? 'acceptEdits' : 'default',
    '--add-dir',
    path.dirname(ctx.outputDir),
  ];
}

/** The prompt tells every agent to write its files into its output folder: that much it may always do. */
function outputFolderRule(outputDir: string): string {
  // Permission rules take `//` for an absolute path (`/` would be relative to the settings file).
  return `Edit(/${path.resolve(outputDir)}/**)`;
}

// ---------------------------------------------------------------------------------------------------------------
// Watching the stream: retries, tool calls, and the 401 that is not worth three minutes of retries.

function claudeWatch(ctx: AgentContext): AgentWatch {
  let cwd: string | undefined;
  return {
    line(text) {
      const event = eventOf(text);
      if (event === undefined) return undefined;
      if (event['type'] === 'system') {
        if (event['subtype'] === 'init') cwd = stringField(event, 'cwd');
        if (event['subtype'] === 'api_retry') return retryNote(event, ctx);
        if (event['subtype'] === 'permission_denied') {
          return { progress: `claude: refused ${stringField(event, 'tool_name') ?? 'a tool'}` };
        }
        return undefined;
      }
      if (event['type'] === 'assistant') return toolNote(event, cwd);
      return undefined;
    },
  };
}

/** A stream-json event; only lines that look like one are parsed (an answer may quote a whole file). */
function eventOf(text: string): JsonRecord | undefined {
  if (!text.startsWith('{"type":"system"') && !text.startsWith('{"type":"assistant"')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function retryNote(event: JsonRecord, ctx: AgentContext): WatchNote {
  const status = numberField(event, 'error_status');
  if (status === 401) {
    // The CLI retries a bad key like an overload, for minutes: nothing another try would change.
    return {
      progress: 'claude: the API refused the key (401)',
      stop: {
        outcome: 'failure',
        error: `claude authentication failed: Invalid API key, the API answered 401 (check ${keyVariable(ctx)})`,
      },
    };
  }
  const attempt = numberField(event, 'attempt');
  const max = numberField(event, 'max_retries');
  const count = attempt === undefined ? '' : max === undefined ? `, ${attempt}` : `, ${attempt} of ${max}`;
  return { progress: `claude: retrying the API${count} (${retryCause(event, status)})` };
}

/** `529 overloaded`, `429 rate_limit`; no status means no HTTP answer at all: no connection, or a timeout. */
function retryCause(event: JsonRecord, status: number | undefined): string {
  const error = stringField(event, 'error');
  if (status === undefined) return error === undefined || error === 'unknown' ? 'no answer' : error;
  return error === undefined || error === 'unknown' ? String(status) : `${status} ${error}`;
}

/** `claude: Write src/a.ts`, `claude: Bash npm test`: the last tool call of an assistant message. */
function toolNote(event: JsonRecord, cwd: string | undefined): WatchNote | undefined {
  const content = recordField(event, 'message')?.['content'];
  if (!Array.isArray(content)) return undefined;
  const call = content.findLast((c): c is JsonRecord => isRecord(c) && c['type'] === 'tool_use');
  if (call === undefined) return undefined;
  const name = stringField(call, 'name') ?? 'a tool';
  const target = toolTarget(recordField(call, 'input'), cwd);
  return { progress: clip(`claude: ${name}${target === '' ? '' : ` ${target}`}`, 120) };
}

/** What a tool call is about: its file (relative to the working folder), command, pattern or address. */
function toolTarget(input: JsonRecord | undefined, cwd: string | undefined): string {
  if (input === undefined) return '';
  const file = stringField(input, 'file_path') ?? stringField(input, 'notebook_path');
  if (file !== undefined) return relativeTo(file, cwd);
  for (const key of ['command', 'pattern', 'url', 'description']) {
    const value = stringField(input, key);
    if (value !== undefined) return value;
  }
  return '';
}

function relativeTo(file: string, cwd: string | undefined): string {
  if (cwd === undefined || !path.isAbsolute(file)) return file;
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') ? file : relative;
}

/** The key variable the CLI authenticates with, as the task's environment has it. */
function keyVariable(ctx: AgentContext): string {
  const env = ctx.env ?? {};
  for (const name of ['ANTHROPIC_API_KEY', 'CLAUDE_CODE_OAUTH_TOKEN', 'ANTHROPIC_AUTH_TOKEN']) {
    if ((env[name] ?? '') !== '') return name;
  }
  return 'ANTHROPIC_API_KEY';
}

// ---------------------------------------------------------------------------------------------------------------
// The result.

/** The result object: the last one printed (stream-json, json), or the last `result` of an array (json --verbose). */
function findResult(stdout: string): JsonRecord | undefined {
  const value = lastJsonValue(stdout, (v) => resultOf(v) !== undefined);
  return resultOf(value);
}

function resultOf(value: unknown): JsonRecord | undefined {
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) {
      const item: unknown = value[i];
      if (isRecord(item) && item['type'] === 'result') return item;
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  // Some versions leave `type` out on errors; `is_error` or `subtype` tells. Any other `type` is a stream
  // event (`system` events have a `subtype` too), not the result.
  if (value['type'] === 'result') return value;
  return !('type' in value) && ('is_error' in value || 'subtype' in value) ? value : undefined;
}

function fromResult(r: JsonRecord, end: ProcessEnd, ctx: AgentContext): AgentResult {
  const text = stringField(r, 'result') ?? '';
  const base: AgentResult = { outcome: 'failure', result: text, ...metrics(r) };
  const refused = permissionError(r, ctx, initCwd(end.stdout));
  if (refused !== undefined) return { ...base, error: refused };
  const subtype = stringField(r, 'subtype');
  if (subtype === 'success' && r['is_error'] !== true) {
    if (end.signal === null && end.exitCode === 0) return { ...base, outcome: 'success' };
    return { ...base, error: `claude reported success but ended with ${endWithStderr(end)}` };
  }
  if (subtype === 'error_max_turns') {
    const turns = base.turns === undefined ? '' : ` after ${base.turns} turns`;
    const limit = ctx.task.maxTurns === undefined ? '' : ` (max-turns: ${ctx.task.maxTurns})`;
    return { ...base, error: `claude stopped at its turn limit${turns}${limit}` };
  }
  return { ...base, ...errorResult(r, text, end, ctx) };
}

/** An error result: which kind of failure, from its status, its type and its words. */
function errorResult(
  r: JsonRecord,
  text: string,
  end: ProcessEnd,
  ctx: AgentContext,
): Pick<AgentResult, 'outcome' | 'error'> {
  const subtype = stringField(r, 'subtype');
  const errors = Array.isArray(r['errors']) ? r['errors'].filter((e) => typeof e === 'string') : [];
  const detail = [text, ...errors].join('\n');
  const said = clip(detail) || lastLine(end.stderr) || describeEnd(end);
  const status = numberField(r, 'api_error_status');
  if (USAGE_LIMIT.test(detail)) return { outcome: 'failure', error: `claude usage limit reached: ${said}` };
  if (status === 401 || stringField(r, 'api_error_type') === 'authentication_error' || AUTH.test(text)) {
    return { outcome: 'failure', error: authError(said, ctx) };
  }
  if (isTransientStatus(status) || TRANSIENT.test(detail) || unreachable(text)) {
    return { outcome: 'transient', error: `claude API error (transient): ${said}` };
  }
  const kind = subtype === undefined || subtype === 'success' ? '' : ` (${subtype})`;
  return { outcome: 'failure', error: `claude reported an error${kind}: ${said}` };
}

/** `Not logged in · Please run /login` means no key reached the CLI: say which variable gives it one. */
function authError(said: string, ctx: AgentContext): string {
  const key = keyVariable(ctx);
  const unset = (ctx.env?.[key] ?? '') === '' && ctx.env !== undefined;
  const hint = /\bNot logged in\b/i.test(said) || unset ? `set ${key}` : `check ${key}`;
  return `claude authentication failed: ${said} (${hint})`;
}

function unreachable(text: string): boolean {
  return UNREACHABLE.test(text) || CONNECTION_ERROR.test(text);
}

/**
 * A tool call the CLI refused (`permission_denials`): the model was told it had no permission and the session
 * went on, often to a "success" with nothing written. The task did not do what it was asked.
 */
function permissionError(r: JsonRecord, ctx: AgentContext, cwd: string | undefined): string | undefined {
  const denials = Array.isArray(r['permission_denials']) ? r['permission_denials'].filter(isRecord) : [];
  const first = denials[0];
  if (first === undefined) return undefined;
  const tool = stringField(first, 'tool_name') ?? 'a tool';
  const target = toolTarget(recordField(first, 'tool_input'), cwd);
  const more = denials.length > 1 ? ` (and ${denials.length - 1} more)` : '';
  return `permission: claude was refused ${tool}${target === '' ? '' : ` on ${clip(target, 80)}`}${more} (${remedy(tool, ctx)})`;
}

/** The working folder the stream's first line (`system` `init`) names, to show refused paths relative to it. */
function initCwd(stdout: string): string | undefined {
  const event = eventOf(stdout.slice(0, stdout.indexOf('\n') + 1 || stdout.length).trim());
  return event?.['subtype'] === 'init' ? stringField(event, 'cwd') : undefined;
}

function remedy(tool: string, ctx: AgentContext): string {
  if (!EDIT_TOOLS.has(tool)) return `add it to the task's allowed-tools to let it run`;
  if (!ctx.task.edit) return 'the task has no edit: true; set edit: true to let it change files';
  return 'edit: true lets it change files inside its working folder only';
}

/** No result object: the CLI failed before it could print one, or printed something else entirely. */
function withoutResult(end: ProcessEnd, ctx: AgentContext): AgentResult {
  const output = `${end.stderr}\n${end.stdout}`;
  const truncated = end.truncated ? ' (the start of its output was cut)' : '';
  if (USAGE_LIMIT.test(output)) {
    return {
      outcome: 'failure',
      result: '',
      error: `claude usage limit reached: ${matchingLine(output, USAGE_LIMIT)}`,
    };
  }
  const auth = matchingLine(end.stderr, AUTH);
  if (auth !== '') return { outcome: 'failure', result: '', error: authError(auth, ctx) };
  const transient =
    matchingLine(output, TRANSIENT) ||
    matchingLine(output, CONNECTION_ERROR) ||
    matchingLine(output, UNREACHABLE);
  if (transient !== '') {
    return { outcome: 'transient', result: '', error: `claude API error (transient): ${transient}` };
  }
  if (end.signal !== null || end.exitCode !== 0) {
    return {
      outcome: 'failure',
      result: '',
      error: `claude printed no JSON result${truncated}; ${endWithStderr(end)}`,
    };
  }
  const last = lastLine(end.stdout) || lastLine(end.stderr) || '(nothing)';
  return {
    outcome: 'failure',
    result: '',
    error: `claude printed no JSON result${truncated}; last output: ${last}`,
  };
}

/** 429 rate limit, 529 overloaded, any other 5xx: the API's own transient answers. */
function isTransientStatus(status: number | undefined): boolean {
  return status !== undefined && (status === 429 || (status >= 500 && status <= 599));
}

/** Cost, tokens, turns and session, whatever the outcome: a failed attempt was paid for too. */
function metrics(r: JsonRecord): Pick<AgentResult, 'costUsd' | 'tokens' | 'turns' | 'sessionId'> {
  const out: Pick<AgentResult, 'costUsd' | 'tokens' | 'turns' | 'sessionId'> = {};
  // `cost_usd` is the name older versions used.
  const cost = numberField(r, 'total_cost_usd') ?? numberField(r, 'cost_usd');
  if (cost !== undefined) out.costUsd = cost;
  const usage = recordField(r, 'usage');
  if (usage !== undefined) {
    const input = numberField(usage, 'input_tokens');
    const output = numberField(usage, 'output_tokens');
    if (input !== undefined || output !== undefined) {
      const tokens: Tokens = { input: input ?? 0, output: output ?? 0 };
      const cacheRead = numberField(usage, 'cache_read_input_tokens');
      const cacheWrite = numberField(usage, 'cache_creation_input_tokens');
      if (cacheRead !== undefined) tokens.cacheRead = cacheRead;
      if (cacheWrite !== undefined) tokens.cacheWrite = cacheWrite;
      out.tokens = tokens;
    }
  }
  const turns = numberField(r, 'num_turns');
  if (turns !== undefined) out.turns = turns;
  const session = stringField(r, 'session_id');
  if (session !== undefined) out.sessionId = session;
  return out;
}
