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
 * - refuses a plan or notes that hold the value of a secret it was given (an agent talked into reading its own
 *   environment), rather than publish it;
 * - without the agent's API key (a pull request from a fork gets no secrets), falls back to the checklist
 *   decomposer when the request is a markdown checklist, and otherwise fails saying why and what to do.
 */
import * as core from '@actions/core';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../core/analyze.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { humanDuration } from '../core/duration.js';
import { decodeUtf8 } from '../core/load/source.js';
import { parsePlan } from '../core/plan-file.js';
import { MAX_STRING_LENGTH } from '../core/schema/types.js';
import type { DecomposeAgent } from '../decompose/agent.js';
import { decomposeWithAgent } from '../decompose/ai.js';
import { checklistToPlan, isChecklist } from '../decompose/checklist.js';
import { repositoryLayout } from '../decompose/layout.js';
import { planToYaml } from '../decompose/plan-yaml.js';
import { UserError } from '../errors.js';
import { AGENT_CLIS } from '../github/pins.js';
import { renderMasterPlan } from '../render/master-plan.js';
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

/** Secret values shorter than this are too common to look for. */
const MIN_SECRET_LENGTH = 8;

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
      annotate(result.diagnostics);
      const saved = result.answerFile === null ? '' : ` (its last answer is in ${result.answerFile})`;
      const shown = result.diagnostics
        .map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} [${d.rule}]`)
        .join('\n');
      await core.summary
        .addRaw(
          `## Decomposition\n\n${how.agent} gave no valid plan${saved}; nothing was written.\n\n${fence(result.message + (shown === '' ? '' : `\n${shown}`))}\n`,
        )
        .write();
      return { failure: `${result.message}${saved}; nothing was written` };
    }
    document = result.document;
    notes = result.notes;
  }

  // What is written is checked again as the file it becomes, as `orchestrator decompose` does.
  const yaml = planToYaml(document);
  const leaked = leakedSecret(`${yaml}\n${notes}`, process.env);
  if (leaked !== null) {
    await core.summary
      .addRaw(
        `## Decomposition\n\nThe plan was refused: it holds the value of \`${leaked}\`, a secret of this job (a request that talked the agent into reading its environment?). Nothing was written.\n`,
      )
      .write();
    return { failure: `the plan holds the value of ${leaked}, a secret of this job; nothing was written` };
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

  const masterPlan = renderMasterPlan(plan, analysis).replace(/\bBatch #(\d+)/g, 'Batch $1');
  const notesSection = notes === '' ? '' : `\nNotes from ${used}:\n\n${fence(notes)}\n`;
  await core.summary
    .addRaw(`## Decomposition\n\n${describe(how)}: ${line}.\n${notesSection}\n${masterPlan.trimEnd()}\n`)
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

/** Secrets of the job besides the agents' keys: what an agent talked into reading its environment could find. */
const JOB_SECRETS = [
  'INPUT_GITHUB-TOKEN',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];

/** The name of a secret of this job whose value is in `text`, or null. */
function leakedSecret(text: string, env: NodeJS.ProcessEnv): string | null {
  for (const name of [...Object.values(AGENT_KEYS).flat(), ...JOB_SECRETS]) {
    const value = env[name];
    if (value !== undefined && value.length >= MIN_SECRET_LENGTH && text.includes(value)) return name;
  }
  return null;
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
