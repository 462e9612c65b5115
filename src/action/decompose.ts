/**
 * Mode `decompose`: a request (a file: the pull request's body, written there by an earlier step from an
 * environment variable) to a validated plan file, by the same decomposers as `orchestrator decompose`
 * (src/decompose/): an agent CLI with repair rounds, or the checklist decomposer without AI.
 *
 * The job running this mode holds an agent's API key and reads text anyone may have written, so the mode:
 * - posts nothing and holds no token it passes on: the agent runs with the job's tokens (`INPUT_GITHUB-TOKEN`,
 *   `ACTIONS_RUNTIME_TOKEN`, ...) removed from its environment, and the plan is posted by another job (mode
 *   `plan` with `comment: true`) that holds the write permission and no agent key;
 * - treats the request as data: it reaches the agent inside a fenced block of the prompt (prompt.ts) and the plan
 *   as `request: |`; no workflow YAML is ever written from it;
 * - gives the planner no tools (decompose/agent.ts), and refuses a plan or notes that hold the value of a secret
 *   of the job, as written or spaced out, reversed or encoded (decompose/leak-guard.ts), rather than publish it;
 * - refuses a plan that breaks the rules for a decomposed plan (core/validate/untrusted.ts: no env that
 *   redirects the agent's key or injects code, no custom agents); the AI decomposer is told why and repairs it;
 * - without the agent's API key (a pull request from a fork gets no secrets), falls back to the checklist
 *   decomposer when the request is a markdown checklist, and otherwise fails saying why and what to do.
 */
import * as core from '@actions/core';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../core/analyze.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { humanDuration } from '../core/duration.js';
import { decodeUtf8 } from '../core/load/source.js';
import { parsePlan } from '../core/plan-file.js';
import { untrustedDiagnostics } from '../core/validate/untrusted.js';
import { MAX_STRING_LENGTH } from '../core/schema/types.js';
import type { DecomposeAgent } from '../decompose/agent.js';
import { decomposeWithAgent } from '../decompose/ai.js';
import { checklistToPlan, isChecklist } from '../decompose/checklist.js';
import { findLeak, namedSecrets } from '../decompose/leak-guard.js';
import { repositoryLayout } from '../decompose/layout.js';
import { planToYaml } from '../decompose/plan-yaml.js';
import { UserError } from '../errors.js';
import { AGENT_CLIS } from '../github/pins.js';
import { neutralizeGithubText } from '../render/github-text.js';
import { renderPostedPlan } from '../render/posted-plan.js';
import { plural } from '../render/text.js';
import { writeFileAtomic } from '../workspace/atomic.js';
import { agentEnvironment } from './agent-env.js';
import type { ActionSettings, DecomposeSettings } from './inputs.js';
import type { ModeOutcome } from './outcome.js';

/** How long the agent may take for one answer; the job's `timeout-minutes` bounds the whole step. */
const AGENT_TIMEOUT_MS = 10 * 60_000;
const REPAIRS = 2;

/** Environment variables that hold an agent's key, by agent: the first is the repository secret's name. */
const AGENT_KEYS: Record<DecomposeAgent, readonly string[]> = {
  claude: [AGENT_CLIS.claude.secret, 'CLAUDE_CODE_OAUTH_TOKEN'],
  codex: [AGENT_CLIS.codex.secret, 'CODEX_API_KEY'],
  gemini: [AGENT_CLIS.gemini.secret, 'GOOGLE_API_KEY'],
};

/** Under GitHub's 1 MiB for a job summary. */
const SUMMARY_BYTES = 900 * 1024;

type How =
  | { kind: 'agent'; agent: DecomposeAgent }
  | { kind: 'checklist'; because: 'asked' | 'is-checklist' | 'no-key'; missing?: string };

export async function decomposeMode(settings: ActionSettings): Promise<ModeOutcome> {
  const options = settings.decompose as DecomposeSettings;
  const request = readRequest(options.requestFile);
  const how = chooseDecomposer(options, request);
  if (typeof how === 'string') {
    await core.summary.addRaw(`## Decomposition\n\n${how}\n`).write();
    core.setOutput('agent-used', '');
    return { failure: how.replace(/\s*\n\s*/g, ' ') };
  }

  let document: Record<string, unknown>;
  let notes = '';
  if (how.kind === 'checklist') {
    const result = checklistToPlan(request, options.requestFile);
    annotate(result.diagnostics);
    if (result.document === null) {
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const shown = errors.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} [${d.rule}]`).join('\n');
      await core.summary
        .addRaw(
          `## Decomposition\n\nThe checklist has ${plural(errors.length, 'error')}; no plan was written:\n\n${fence(shown)}\n`,
        )
        .write();
      return { failure: `${options.requestFile}: the checklist has ${plural(errors.length, 'error')}` };
    }
    document = result.document;
  } else {
    const env = agentEnvironment(process.env);
    const result = await decomposeWithAgent({
      request,
      agent: how.agent,
      ...(options.model !== null ? { model: options.model } : {}),
      timeoutMs: AGENT_TIMEOUT_MS,
      repairs: REPAIRS,
      dir: settings.dir,
      cwd: process.cwd(),
      env,
      layout: repositoryLayout(process.cwd()),
      progress: (line) => core.info(line),
    });
    if (!result.ok) {
      const saved = result.answerFile === null ? '' : ` (its last answer is in ${result.answerFile})`;
      const shown = result.diagnostics
        .map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} [${d.rule}]`)
        .join('\n');
      // The diagnostics quote the refused plan (an unknown key, a task id) and the message the agent's error:
      // a planner talked into it could have put a key there. They are published only without one.
      const leak = findLeak(`${result.message}\n${shown}`, namedSecrets(process.env));
      const message =
        leak === null
          ? result.message
          : `${how.agent}'s answer was refused and is not shown: it holds the value of ${leak.name} (${leak.encoding}), a secret of this job`;
      if (leak === null) annotate(result.diagnostics);
      const details = leak === null && shown !== '' ? `\n${shown}` : '';
      await core.summary
        .addRaw(
          `## Decomposition\n\n${how.agent} gave no valid plan${saved}; nothing was written.\n\n${fence(message + details)}\n`,
        )
        .write();
      return { failure: `${message}${saved}; nothing was written` };
    }
    document = result.document;
    notes = result.notes;
  }

  // What is written is checked again as the file it becomes, as `orchestrator decompose` does.
  const yaml = planToYaml(document);
  const leak = findLeak(`${yaml}\n${notes}`, namedSecrets(process.env));
  if (leak !== null) {
    const what = `the value of ${leak.name} (${leak.encoding}), a secret of this job`;
    await core.summary
      .addRaw(
        `## Decomposition\n\nThe plan was refused: it holds ${what} (a request that talked the agent into reading its environment?). Nothing was written.\n`,
      )
      .write();
    return { failure: `the plan holds ${what}; nothing was written` };
  }
  // A decomposed plan, from either decomposer, is held to the stricter rules before it is written: the plan
  // mode refuses it later anyway (plan-origin: decompose), and a plan that cannot run is better not written.
  const refused = untrustedDiagnostics({ file: options.output, bytes: Buffer.from(yaml), format: 'yaml' });
  if (refused.length > 0) {
    annotate(refused);
    const shown = refused.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} [${d.rule}]`).join('\n');
    await core.summary
      .addRaw(
        `## Decomposition\n\nThe plan was refused: it breaks the rules for a decomposed plan; nothing was written.\n\n${fence(shown)}\n`,
      )
      .write();
    return {
      failure: `the plan breaks ${plural(refused.length, 'rule')} for a decomposed plan; nothing was written`,
    };
  }
  const reloaded = parsePlan({ file: options.output, bytes: Buffer.from(yaml) });
  annotate(reloaded.diagnostics);
  if (reloaded.plan === null) throw new Error('the written plan does not load back to a valid plan');
  const plan = reloaded.plan;
  const analysis = analyze(plan);
  fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
  writeFileAtomic(options.output, yaml);

  const used = how.kind === 'agent' ? how.agent : 'none';
  core.setOutput('plan', options.output);
  core.setOutput('tasks', plan.tasks.length);
  core.setOutput('notes', notes);
  core.setOutput('agent-used', used);
  const line = `${plural(plan.tasks.length, 'task')} in ${plural(analysis.batches.length, 'batch', 'batches')} (critical path ${humanDuration(analysis.criticalPath.totalMs)})`;
  core.info(`Wrote ${options.output}: ${line}.`);
  if (notes !== '') core.info(`Notes from ${used}:\n${notes}`);

  const sha256 = crypto.createHash('sha256').update(yaml).digest('hex');
  core.setOutput('sha256', sha256);
  // The plan as a reviewer will see it (everything that will run), inert: the request is anyone's.
  const posted = renderPostedPlan(plan, analysis, {
    file: { name: options.output, sha256 },
    maxBytes: SUMMARY_BYTES,
    elsewhere: 'the plan file (named above)',
  });
  const notesSection = notes === '' ? '' : `\nNotes from ${used}:\n\n${fence(notes)}\n`;
  await core.summary
    .addRaw(
      neutralizeGithubText(
        `## Decomposition\n\n${describe(how)}: ${line}.\n${notesSection}\n${posted.trimEnd()}\n`,
      ),
    )
    .write();
  return { failure: null };
}

function readRequest(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new UserError(`input \`request-file\`: cannot read ${JSON.stringify(file)}`);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    throw new UserError(`${file}:${decoded.position.line}:${decoded.position.column}: ${decoded.message}`);
  }
  if (decoded.text.trim() === '') {
    throw new UserError(
      `${file}: the request is empty: write what to do in the pull request's description (prose, or a markdown checklist)`,
    );
  }
  if (decoded.text.length > MAX_STRING_LENGTH) {
    throw new UserError(`${file}: the request is over 1 MiB; a plan quotes it whole, so shorten it`);
  }
  return decoded.text;
}

/** The decomposer to use, or why there is none (the step then fails with that text). */
function chooseDecomposer(options: DecomposeSettings, request: string): How | string {
  if (options.agent === 'none') return { kind: 'checklist', because: 'asked' };
  if (options.agent === 'auto' && isChecklist(request)) return { kind: 'checklist', because: 'is-checklist' };
  const agent = options.agent === 'auto' ? 'claude' : options.agent;
  const keys = AGENT_KEYS[agent];
  if (keys.some((k) => (process.env[k] ?? '') !== '')) return { kind: 'agent', agent };
  const missing = keys[0]!;
  const checklist = isChecklist(request);
  if (checklist && options.fallback === 'checklist') return { kind: 'checklist', because: 'no-key', missing };
  const why = `No \`${missing}\` in this step's environment, so ${agent} cannot be asked: a pull request from a fork gets no secrets, or the repository has not set it.`;
  if (checklist) {
    return `${why}\nThe request is a markdown checklist, but \`fallback\` is \`fail\`, so it was not decomposed without AI either.`;
  }
  return [
    why,
    'The request is not a markdown checklist, so it cannot be decomposed without AI either. Either:',
    '',
    '- write the request as a checklist, one task an item (`- [ ] Write the parser`, `- [ ] Test it (after 1)`; see docs/decompose.md), which needs no agent; or',
    '- run this where the secret is available (with the example pull request workflow: a `/orchestrate` comment by someone with write access).',
  ].join('\n');
}

function describe(how: How): string {
  if (how.kind === 'agent') return `Decomposed by ${how.agent}`;
  if (how.because === 'asked') return 'Decomposed from the checklist, without AI';
  if (how.because === 'is-checklist') return 'The request is a markdown checklist: decomposed without AI';
  return `No \`${how.missing ?? 'API key'}\` here (a pull request from a fork gets no secrets): the request is a markdown checklist, so it was decomposed without AI`;
}

function annotate(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const props = { file: d.file, startLine: d.line, startColumn: d.column, title: d.rule };
    if (d.severity === 'error') core.error(d.message, props);
    else core.warning(d.message, props);
  }
}

/** Text shown as text: in a fence longer than any run of backticks it holds. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${text.trimEnd()}\n${marks}`;
}
