/**
 * The stricter rules for a plan nobody committed: one that `decompose` wrote (an AI, or the checklist decomposer)
 * from a request anyone may have written, a pull request's description for one. Such a plan is shown and run as
 * the request's author made the planner write it, so it may not decide where an agent sends its API key, load
 * code into the task's processes, or bring a command of its own:
 *
 * - [untrusted-env] no task or `defaults` env name that redirects traffic (`*_BASE_URL`, proxies, CA
 *   certificates), injects code (`NODE_OPTIONS`, `LD_PRELOAD`, `BASH_ENV`, `PATH`, `GIT_*`, ...) or configures
 *   an agent CLI (`ANTHROPIC_*`, `OPENAI_*`, ...). A real `ANTHROPIC_BASE_URL` made Claude Code send
 *   `x-api-key: <the secret>` to a server of the plan's choosing (issue 11, finding 3);
 * - [untrusted-agent] no custom `agents:`: their argv is a command of the plan's choosing.
 *
 * A maintainer may commit a plan that does any of these (plan origin `repository`): the rules apply where the
 * caller says the plan comes from `decompose` (src/action/load-plan.ts, src/decompose/ai.ts, the decompose
 * command and mode). Names are matched case-insensitively: `http_proxy` is honoured as much as `HTTP_PROXY`.
 */
import { compareDiagnostics, type Diagnostic, type Finding, type Path } from '../diagnostics.js';
import { parseSeedMarkdown } from '../load/seed-markdown.js';
import { decodeUtf8 } from '../load/source.js';
import { parseJson, parseYaml, type ParseResult } from '../load/yaml.js';
import { formatOf, type PlanSource } from '../plan-file.js';
import { isMapping } from '../schema/check.js';
import { error } from './context.js';

export const UNTRUSTED_RULE_IDS = ['untrusted-env', 'untrusted-agent'] as const;

const SENDS_KEY = 'which decides where the agent sends its API key';
const LOADS_CODE = 'which loads code of its choosing into the processes the task starts';

/** Each family of names a decomposed plan may not set, and why (the message's middle part). */
const FORBIDDEN_ENV: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /(^|_)(BASE_URL|API_URL|ENDPOINT|ENDPOINT_URL|API_BASE|API_HOST)$/, why: SENDS_KEY },
  {
    pattern: /^(HTTPS?|ALL|NO|FTP)_PROXY$/,
    why: "which decides the proxy the agent's requests go through, API key included",
  },
  {
    pattern:
      /^SSL_CERT_|^(NODE_EXTRA_CA_CERTS|NODE_TLS_REJECT_UNAUTHORIZED|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE)$/,
    why: 'which decides the certificates the agent trusts, so that its requests (API key included) can be read on the way',
  },
  {
    pattern: /^(ANTHROPIC|CLAUDE|OPENAI|CODEX|GEMINI|GOOGLE)_/,
    why: 'which configures the agent CLI itself (its endpoint, key, provider or settings)',
  },
  {
    // Claude Code and others can call a model through Bedrock: the AWS SDK's endpoint, profile and credentials.
    pattern: /^AWS_/,
    why: 'which configures the cloud SDK an agent CLI may call its model through (its endpoint and credentials)',
  },
  { pattern: /^NODE_(OPTIONS|PATH)$/, why: `${LOADS_CODE} (every Node.js process, the agent CLI included)` },
  { pattern: /^(LD_|DYLD_)|^GCONV_PATH$/, why: `${LOADS_CODE} (a library loaded into every program)` },
  {
    pattern: /^(BASH_ENV|ENV|SHELLOPTS|BASHOPTS|PS4|PROMPT_COMMAND|SHELL)$/,
    why: 'which makes the shells the task starts (the agent CLI runs commands in $SHELL) run code of its choosing',
  },
  {
    pattern: /^(EDITOR|VISUAL|PAGER|BROWSER)$/,
    why: 'which names a program that git and other tools run on their own',
  },
  {
    pattern:
      /^(PYTHONPATH|PYTHONSTARTUP|PYTHONHOME|PERL5LIB|PERL5OPT|RUBYOPT|RUBYLIB|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS)$/,
    why: LOADS_CODE,
  },
  { pattern: /^PATH$/, why: 'which decides what program runs for each command, the agent CLI included' },
  {
    pattern: /^HOME$|^XDG_/,
    why: 'which decides where the agent CLI reads its settings, hooks and credentials',
  },
  {
    pattern: /^GIT_/,
    why: 'which changes what git runs and where it connects (GIT_SSH_COMMAND, GIT_CONFIG_*)',
  },
  { pattern: /^NPM_CONFIG_/, why: 'which changes where npm installs from and what it runs' },
  {
    pattern: /^(GITHUB|ACTIONS|RUNNER)_/,
    why: 'which belongs to the GitHub runner (its command files, tokens and URLs)',
  },
  { pattern: /^ORCHESTRATOR_/, why: 'which orchestrator sets for each task itself' },
];

/** Why a decomposed plan may not set env `name`, or null when it may. */
export function forbiddenEnvReason(name: string): string | null {
  const upper = name.toUpperCase();
  return FORBIDDEN_ENV.find((rule) => rule.pattern.test(upper))?.why ?? null;
}

/** The findings of the stricter rules on a plan document (what a plan file holds, before validation). */
export function untrustedFindings(data: unknown): Finding[] {
  if (!isMapping(data)) return [];
  const findings: Finding[] = [];
  const checkEnv = (env: unknown, path: Path, who: string, verb: string): void => {
    if (!isMapping(env)) return;
    for (const name of Object.keys(env)) {
      const why = forbiddenEnvReason(name);
      if (why === null) continue;
      findings.push(
        error(
          'untrusted-env',
          `${who} ${verb} env ${name}, ${why}: a decomposed plan may not set it (a maintainer may commit a plan that does)`,
          [...path, 'env', name],
          'key',
        ),
      );
    }
  };
  if (isMapping(data.defaults)) checkEnv(data.defaults.env, ['defaults'], "the plan's defaults", 'set');
  if (Array.isArray(data.tasks)) {
    data.tasks.forEach((task: unknown, index) => {
      if (!isMapping(task)) return;
      const id = typeof task.id === 'string' && task.id.length <= 64 ? task.id : undefined;
      const who = id !== undefined ? `task ${JSON.stringify(id)}` : `the task at tasks[${index}]`;
      checkEnv(task.env, ['tasks', index], who, 'sets');
    });
  }
  if (isMapping(data.agents)) {
    for (const name of Object.keys(data.agents)) {
      findings.push(
        error(
          'untrusted-agent',
          `the plan defines agent ${JSON.stringify(name)}, a command of its own: a decomposed plan may not define custom agents, only use shell, claude, codex or gemini (a maintainer may commit a plan that does)`,
          ['agents', name],
          'key',
        ),
      );
    }
  }
  return findings;
}

/**
 * The stricter rules on a plan file, as diagnostics placed in it (`plan.yml:12:7: task "T-03" sets env ...
 * [untrusted-env]`). A file that does not parse gives none: parsePlan reports that.
 */
export function untrustedDiagnostics(source: PlanSource): Diagnostic[] {
  const decoded = decodeUtf8(source.bytes);
  if (!decoded.ok) return [];
  const format = source.format ?? formatOf(source.file);
  const parsed: ParseResult =
    format === 'json'
      ? parseJson(decoded.text)
      : format === 'markdown'
        ? parseSeedMarkdown(decoded.text, source.agentFiles)
        : parseYaml(decoded.text);
  if (!parsed.ok) return [];
  return untrustedFindings(parsed.data)
    .map((f): Diagnostic => {
      const { line, column } = parsed.locator.locate(f.path, f.at ?? 'value');
      return { rule: f.rule, severity: f.severity, message: f.message, file: source.file, line, column };
    })
    .sort(compareDiagnostics);
}
