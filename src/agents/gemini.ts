/**
 * `gemini`: the Gemini CLI in headless mode, `gemini --output-format json --skip-trust --approval-mode <mode>
 * -m <model> -p ''`, the prompt on stdin.
 *
 * Verified against the real CLI, @google/gemini-cli 0.61.0, on 2026-12-07 (test/agents/real-gemini.test.ts runs
 * it against a loopback mock of the Gemini API, test/support/mock-api/gemini.ts), and its bundled source:
 * - `-p`/`--prompt` is "appended to input on stdin (if any)", so the prompt goes on stdin (no argv size limit)
 *   and `-p ''` only asks for headless mode.
 * - Headless, it exits 55 (FatalUntrustedWorkspaceError, plain red text on stderr, no JSON) in any folder not
 *   trusted, `CI=true` or not: `--skip-trust` (which sets GEMINI_CLI_TRUST_WORKSPACE=true) trusts it for the
 *   session. Trust also lets the approval mode through (an untrusted folder forces `default`) and loads the
 *   repository's own `.gemini/settings.json`.
 * - `--approval-mode`: `default`, `auto_edit`, `yolo`, `plan`. Headless, `default` does not even offer the model
 *   the tools that need a confirmation (write_file, replace, run_shell_command, web_fetch); a call to one fails
 *   (`Tool "write_file" not found`, on stderr), the model is told so, and the CLI exits 0 with the failed call
 *   counted in `stats.tools.byName.<tool>.fail`. `auto_edit` offers and approves write_file and replace (not the
 *   shell). So `edit: true` is `auto_edit`, `edit: false` is `default`, and an edit tool that failed while the
 *   task may not edit is a `permission:` failure. `plan` is not used for read-only tasks: it tells the model to
 *   plan instead of doing the task.
 * - `--output-format json` prints one pretty-printed object on stdout: `session_id`, `response` and `stats`
 *   (`models.<name>.tokens`: `input` (prompt minus cached), `prompt`, `candidates`, `cached`, `thoughts`; the
 *   model-routing classifier's request counts there too, under `roles.utility_router`). No cost. On an error,
 *   `{"session_id", "error": {"type", "message", "code"}}` goes to **stderr** and the exit code is the code when
 *   it is one: 41 for a missing key or an auth type it cannot use, 52 a bad settings file, 53 the session turn
 *   limit, 55 an untrusted folder; an API error's code is its HTTP status, so the exit code is that mod 256
 *   (145 for 401, 144 for 400, 173 for 429, 247 for 503); a connection error is code 1 (`exception TypeError:
 *   fetch failed sending request`). 429 and 503 come as `RetryableQuotaError` after its own retries (each one
 *   `Attempt N failed with status 503. Retrying with backoff...` on stderr, which watch() shows); 401 and 400
 *   are not retried.
 * - `--output-format stream-json` exists (init, message, tool_use, result events) but says no more about retries
 *   than stderr does and its result has no thinking tokens, so json is kept.
 * - `--allowed-tools` is deprecated in favour of the policy engine and warns on every run; `allowed-tools` is
 *   given as a policy file (`--policy`, TOML `[[rule]] toolName, decision = "allow", priority`). There is no
 *   turn-limit flag: `max-turns` is `model.maxSessionTurns` in a settings file named by
 *   GEMINI_CLI_SYSTEM_SETTINGS_PATH (the system scope, which wins over user and workspace settings). Both files
 *   are written under the task's output folder (`.gemini-cli/`), only when the task sets those fields. The CLI
 *   skips a system settings file (a "Security Warning" on stderr) when any folder above it is writable by group
 *   or others, e.g. one under /tmp: max-turns then does not apply.
 * - Error reports (`gemini-client-error-*.json`) are written to os.tmpdir(), so TMPDIR moves them.
 * - SIGTERM: the launcher process ignores it, and the relaunched child's handler exits 0 (gracefulShutdown
 *   exits with ExitCodes.SUCCESS); a stopped gemini says nothing by its exit code.
 * - With GOOGLE_GEMINI_BASE_URL set and no `security.auth.selectedType` in settings, 0.61.0 picks the `gateway`
 *   auth type and then rejects it: exit 41 "Invalid auth method selected." (the tests select `gemini-api-key`).
 *
 * Not seen against the real API, kept from issue threads: "You have exhausted your daily quota"
 * (TerminalQuotaError) is a failure, not transient. Tokens: input excludes the cached tokens, and output
 * includes the thinking tokens, as Claude's counts do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isRecord, lastJsonValue, numberField, recordField, stringField, type JsonRecord } from './json.js';
import { clip, CONNECTION_ERROR, endWithStderr, lastLine, matchingLine } from './outcome.js';
import type {
  AgentAdapter,
  AgentContext,
  AgentResult,
  AgentWatch,
  Invocation,
  ProcessEnd,
  Tokens,
} from './types.js';

/** FatalAuthenticationError's exit code: no key, or an auth type the CLI cannot use. */
const AUTH_EXIT = 41;
/** FatalTurnLimitedError's exit code. */
const TURN_LIMIT_EXIT = 53;
/** FatalUntrustedWorkspaceError's exit code. */
const UNTRUSTED_EXIT = 55;

// Google's status names are upper case: "unavailable" in prose says nothing.
const TRANSIENT =
  /\b(?:RESOURCE_EXHAUSTED|UNAVAILABLE)\b|\b(?:[Oo]verloaded|Too Many Requests|[Rr]esource (?:has been )?exhausted|[Rr]ate limit)|\b(?:429|503) (?:Too Many Requests|Service Unavailable)\b|Please retry in [0-9.]+m?s/;
const DAILY_QUOTA = /\bdaily quota\b|\bper ?day\b/i;
const AUTH_ERROR = /\b(?:UNAUTHENTICATED|PERMISSION_DENIED|API key not valid)\b/;
/** The tools that change files: offered headless only in auto_edit (or yolo) mode. */
const EDIT_TOOLS = new Set(['write_file', 'replace']);
/** retryWithBackoff's line on stderr before each retry. */
const RETRY_LINE = /^Attempt (\d+) failed(?: with status (\d+))?\b/;

export const geminiAdapter: AgentAdapter = {
  name: 'gemini',
  ai: true,
  invocation(ctx) {
    const { task, prompt } = ctx;
    const argv = ['gemini', '--output-format', 'json', '--skip-trust'];
    argv.push('--approval-mode', task.edit ? 'auto_edit' : 'default');
    if (task.model !== undefined) argv.push('-m', task.model);
    const invocation: Invocation = { argv, stdin: prompt };
    if (task.allowedTools !== undefined && task.allowedTools.length > 0) {
      argv.push('--policy', writeConfig(ctx, 'policy.toml', allowPolicy(task.allowedTools)));
    }
    if (task.maxTurns !== undefined) {
      const settings = `${JSON.stringify({ model: { maxSessionTurns: task.maxTurns } }, null, 2)}\n`;
      invocation.env = { GEMINI_CLI_SYSTEM_SETTINGS_PATH: writeConfig(ctx, 'settings.json', settings) };
    }
    argv.push('-p', '');
    return invocation;
  },
  interpret(end, ctx) {
    const output = findOutput(end.stdout) ?? findOutput(end.stderr);
    if (output === undefined) return withoutOutput(end);
    return fromOutput(output, end, ctx);
  },
  watch() {
    return retryWatch();
  },
};

/** One rule per tool, allowed in every mode, above the default rules (user tier, priority 0-999). */
export function allowPolicy(tools: readonly string[]): string {
  return tools
    .map((tool) => `[[rule]]\ntoolName = ${JSON.stringify(tool)}\ndecision = "allow"\npriority = 900\n`)
    .join('\n');
}

/** The CLI reads these only from files: written into the task's output folder, which the run keeps. */
function writeConfig(ctx: AgentContext, name: string, text: string): string {
  const dir = path.join(ctx.outputDir, '.gemini-cli');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Shows gemini's own API retries (it makes up to 10 attempts, 5 s to 30 s apart). */
function retryWatch(): AgentWatch {
  return {
    line(text, stream) {
      if (stream !== 'stderr') return undefined;
      const match = RETRY_LINE.exec(text);
      if (match === null || !/Retrying/.test(text)) return undefined;
      const status = match[2] === undefined ? '' : ` (status ${match[2]})`;
      return { progress: `gemini: retrying the API after attempt ${match[1]}${status}` };
    },
  };
}

function findOutput(text: string): JsonRecord | undefined {
  const value = lastJsonValue(text, isOutput);
  return isOutput(value) ? value : undefined;
}

function isOutput(value: unknown): value is JsonRecord {
  return isRecord(value) && ('response' in value || isRecord(value['error']) || 'stats' in value);
}

function fromOutput(output: JsonRecord, end: ProcessEnd, ctx: AgentContext): AgentResult {
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
  const refused = refusedEdit(recordField(output, 'stats'), ctx);
  if (refused !== undefined) return { ...base, error: refused };
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
  if (
    end.exitCode === AUTH_EXIT ||
    code === AUTH_EXIT ||
    code === 401 ||
    code === 403 ||
    AUTH_ERROR.test(message)
  ) {
    return { ...base, error: authError(message) };
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
  if (end.signal === null && end.exitCode === UNTRUSTED_EXIT) {
    return { ...base, error: `gemini refused the folder as untrusted; ${endWithStderr(end)}` };
  }
  if (end.signal === null && end.exitCode === AUTH_EXIT) {
    return { ...base, error: authError(lastLine(end.stderr) || 'exit code 41') };
  }
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

function authError(message: string): string {
  return `gemini authentication failed: ${clip(message)} (check GEMINI_API_KEY)`;
}

/**
 * An edit tool the model called and that failed while the task may not edit: headless gemini did not offer
 * it (approval mode default), so the change was not made, yet the CLI exits 0.
 */
function refusedEdit(stats: JsonRecord | undefined, ctx: AgentContext): string | undefined {
  if (ctx.task.edit) return undefined;
  const tools = stats === undefined ? undefined : recordField(stats, 'tools');
  const byName = tools === undefined ? undefined : recordField(tools, 'byName');
  if (byName === undefined) return undefined;
  const refused = Object.keys(byName).filter((name) => {
    const tool = recordField(byName, name);
    return EDIT_TOOLS.has(name) && tool !== undefined && (numberField(tool, 'fail') ?? 0) > 0;
  });
  if (refused.length === 0) return undefined;
  return `permission: gemini was refused ${refused.join(', ')} (the task has no edit: true; set edit: true to let it change files)`;
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
