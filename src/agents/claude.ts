/**
 * `claude`: Claude Code in print mode, `claude -p --output-format json`, the prompt on stdin.
 *
 * Verified against the CLI reference (docs.anthropic.com/en/docs/claude-code/cli-reference) and the headless
 * guide (docs.claude.com/docs/claude-code/headless): `-p`/`--print`, `--output-format json`, `--max-turns N`,
 * `--model m`, and `--allowedTools`, which takes either several arguments or one comma-separated string (the
 * form used here: one argument can never be taken for the prompt). The result object's fields (`type`,
 * `subtype`, `is_error`, `result`, `total_cost_usd`, `usage`, `num_turns`, `session_id`) are documented there.
 *
 * Learnt from public issue threads, not from the docs:
 * - With `--verbose` (or `verbose: true` in the user's settings) `--output-format json` prints a JSON array of
 *   every message, the result last (anthropics/claude-code#19942, and the fixes in nkzw-tech/codiff#114,
 *   danielmiessler/LifeOS#1976): the array's last `type: "result"` element is the result.
 * - An API failure is a result with `is_error: true` and, often, `subtype: "success"`; the only detail is the
 *   text in `result`: `API Error: 529 {"type":"error","error":{"type":"overloaded_error",...}}`
 *   (anthropics/claude-code#39745, #41628), `API Error: Rate limit reached` with exit code 0
 *   (anthropics/claude-code#79500), `API Error: Repeated 529 Overloaded errors`, `API Error: Request rejected
 *   (429)`. Newer versions add `api_error_status` (429, 529...) and exit with 1 after an error result
 *   (anthropics/claude-agent-sdk-python#918).
 * - `error_max_turns` comes with `is_error: false` and exit code 0 in older versions, `is_error: true` and exit
 *   code 1 in newer ones; either way it is a failure that another attempt would repeat, not a transient one.
 * - A subscription's usage limit reads `You've hit your session limit · resets 2:50am` (with status 429): it
 *   lifts in hours, not within a retry's backoff, so it is a failure, not a transient error.
 */
import { isRecord, lastJsonValue, numberField, recordField, stringField, type JsonRecord } from './json.js';
import { clip, CONNECTION_ERROR, describeEnd, endWithStderr, lastLine, matchingLine } from './outcome.js';
import type { AgentAdapter, AgentContext, AgentResult, ProcessEnd, Tokens } from './types.js';

// What Anthropic's API and Claude Code print for an overload (HTTP 529), a rate limit (429) or a server error
// (5xx, error type `api_error`). Matched only in the text of an error, never in a successful answer.
const TRANSIENT =
  /\boverloaded_error\b|\bOverloaded\b|\brate_limit_error\b|\bRate limit(?:ed| reached| exceeded)?\b|Request rejected \(429\)|API Error:? \(?(?:429|5\d\d)\b|"type":"api_error"|\bInternal server error\b/i;
const USAGE_LIMIT = /\bhit your (?:\w+ )?limit\b|\busage limit\b/i;

export const claudeAdapter: AgentAdapter = {
  name: 'claude',
  ai: true,
  invocation({ task, prompt }) {
    const argv = ['claude', '-p', '--output-format', 'json'];
    if (task.maxTurns !== undefined) argv.push('--max-turns', String(task.maxTurns));
    if (task.allowedTools !== undefined && task.allowedTools.length > 0) {
      argv.push('--allowedTools', task.allowedTools.join(','));
    }
    if (task.model !== undefined) argv.push('--model', task.model);
    return { argv, stdin: prompt };
  },
  interpret(end, ctx) {
    const result = findResult(end.stdout);
    return result === undefined ? withoutResult(end) : fromResult(result, end, ctx);
  },
};

/** The result object: the last one printed, or the last `result` message of an array (verbose mode). */
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
  // Some versions put `type` after other fields or leave it out on errors; `is_error` or `subtype` tells.
  const isResult =
    isRecord(value) && (value['type'] === 'result' || 'is_error' in value || 'subtype' in value);
  return isResult ? value : undefined;
}

function fromResult(r: JsonRecord, end: ProcessEnd, ctx: AgentContext): AgentResult {
  const text = stringField(r, 'result') ?? '';
  const base: AgentResult = { outcome: 'failure', result: text, ...metrics(r) };
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
  const errors = Array.isArray(r['errors']) ? r['errors'].filter((e) => typeof e === 'string') : [];
  const detail = [text, ...errors].join('\n');
  const said = clip(detail) || lastLine(end.stderr) || describeEnd(end);
  if (USAGE_LIMIT.test(detail)) return { ...base, error: `claude usage limit reached: ${said}` };
  if (isTransientStatus(numberField(r, 'api_error_status')) || TRANSIENT.test(detail)) {
    return { ...base, outcome: 'transient', error: `claude API error (transient): ${said}` };
  }
  const kind = subtype === undefined || subtype === 'success' ? '' : ` (${subtype})`;
  return { ...base, error: `claude reported an error${kind}: ${said}` };
}

/** No result object: the CLI failed before it could print one, or printed something else entirely. */
function withoutResult(end: ProcessEnd): AgentResult {
  const output = `${end.stderr}\n${end.stdout}`;
  const truncated = end.truncated ? ' (the start of its output was cut)' : '';
  if (USAGE_LIMIT.test(output)) {
    return {
      outcome: 'failure',
      result: '',
      error: `claude usage limit reached: ${matchingLine(output, USAGE_LIMIT)}`,
    };
  }
  const transient = matchingLine(output, TRANSIENT) || matchingLine(output, CONNECTION_ERROR);
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
