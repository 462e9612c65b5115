/**
 * The plan as a maintainer reviews it on GitHub (mode `plan`'s sticky comment and job summary, mode
 * `decompose`'s summary): what the seed's master plan shows, plus everything that will execute, since approving
 * a run is approving exactly that (issue 11, finding 3). For each task: its agent, its command (`run:`) or
 * prompt, its inputs and expected output (both part of the agent's prompt), every env name with its value, its
 * allowed tools, its runner; for each custom agent, its argv; and the plan file's sha256, the digest a run is
 * checked against.
 *
 * Every piece of plan or request text is shown as text: in a fence longer than any backtick run it holds, or
 * escaped on one line; and the whole is passed through github-text.ts, so nothing in it mentions anyone,
 * references an issue or renders as HTML. A comment has a size limit: what does not fit is said, with where to
 * read it whole, never left out silently.
 */
import type { Analysis } from '../core/analyze.js';
import { humanDuration } from '../core/duration.js';
import { isBuiltinAgent, type Plan, type Task } from '../core/model.js';
import { byteLength, cutText, humanBytes, KIB } from '../core/bytes.js';
import { neutralizeGithubText } from './github-text.js';
import { escapeInline, fence, inlineCode } from './markdown.js';
import { batchesSection, criticalPathSection, tasksTable } from './master-plan.js';
import { mermaidSection } from './mermaid.js';
import { initialStatuses, STATUS_LEGEND } from './status.js';
import { cleanText, oneLine, plural, trimBlock } from './text.js';

export interface PostedPlanOptions {
  /** The plan file the run reads (as the workflow names it) and the sha256 of its bytes. */
  file?: { name: string; sha256: string };
  /** Sections after the plan's own (the cost estimate). */
  after?: readonly string[];
  /** The size to fit in, UTF-8 bytes; default: no limit. */
  maxBytes?: number;
  /** Where the tasks that do not fit can be read, for the note that says so. */
  elsewhere?: string;
}

/** How much of the request is quoted: it is the reason for the plan, not what runs. */
const REQUEST_MAX_BYTES = 16 * KIB;

export function renderPostedPlan(plan: Plan, analysis: Analysis, options: PostedPlanOptions = {}): string {
  const head = [
    '# Task Plan',
    `**Plan:** ${escapeInline(plan.name)} · ${plural(plan.tasks.length, 'task')} · ${plural(analysis.batches.length, 'batch', 'batches')}`,
  ];
  if (options.file !== undefined) {
    head.push(
      `**Plan file:** ${inlineCode(oneLine(options.file.name) || 'plan')} · **sha256:** ${inlineCode(options.file.sha256)}`,
    );
  }
  head.push(
    '## Request',
    requestSection(plan.request),
    '## Tasks',
    tasksTable(plan, analysis, initialStatuses(plan)),
    `**Status:** ${STATUS_LEGEND}`,
  );
  const agents = customAgentsSection(plan);
  if (agents !== null) head.push('## Custom agents', agents);
  head.push(
    '## What will run',
    'Each task as the plan file gives it: its agent and command or prompt, its env, its tools. The text is shown as written (in fences, never rendered): read it before you approve a run.',
  );
  const tail = [
    '## Graph',
    mermaidSection(plan, analysis, initialStatuses(plan)),
    '## Batches',
    batchesSection(plan, analysis),
    '## Critical path',
    criticalPathSection(plan, analysis),
    ...(options.after ?? []),
  ];

  const limit = options.maxBytes ?? Infinity;
  // The note a cut adds is at most this long; kept free from the start, so that adding it never overflows.
  const noteRoom = limit === Infinity ? 0 : 1024;
  let size = byteLength([...head, ...tail].join('\n\n')) + noteRoom;
  const sections: string[] = [];
  for (const i of analysis.order) {
    const section = taskSection(plan, plan.tasks[i]!);
    size += byteLength(section) + 2;
    if (size > limit) break;
    sections.push(section);
  }
  if (sections.length < plan.tasks.length) {
    const left = plan.tasks.length - sections.length;
    const where = options.elsewhere ?? 'the plan file itself';
    sections.push(
      `> [!WARNING]\n> ${plural(left, 'task is', 'tasks are')} not shown here: the whole would pass the size limit. Read ${sections.length === 0 ? 'them' : 'the rest'} in ${where} before you approve a run (the sha256 above names the plan file).`,
    );
  }
  const text = [...head, ...sections, ...tail].join('\n\n').replace(/\bBatch #(\d+)/g, 'Batch $1');
  return `${neutralizeGithubText(text)}\n`;
}

function requestSection(request: string | undefined): string {
  if (request === undefined || request.trim() === '') return '_(none given)_';
  const shown = cutText(request, REQUEST_MAX_BYTES);
  const block = fence(trimBlock(shown), 'text');
  if (shown.length === request.length) return block;
  return `${block}\n\n_The request is cut here (${humanBytes(byteLength(request))} in all); the plan file has it whole._`;
}

/** Each custom agent's argv, as JSON: the exact arguments, spaces and quotes included. */
function customAgentsSection(plan: Plan): string | null {
  const names = Object.keys(plan.agents).sort();
  if (names.length === 0) return null;
  return names
    .map((name) => {
      const argv = JSON.stringify(plan.agents[name]!.command);
      return `### Agent ${inlineCode(oneLine(name) || name)}\n\nIts command, run without a shell; \`{prompt}\`, \`{prompt_file}\`, \`{output_dir}\` and \`{task_id}\` are filled in:\n\n${fence(argv, 'json')}`;
    })
    .join('\n\n');
}

function taskSection(plan: Plan, task: Task): string {
  const parts = [`### ${escapeInline(task.id)}: ${escapeInline(task.title)}`, settingsLine(plan, task)];
  if (task.allowedTools !== undefined) {
    parts.push(
      `**Allowed tools:** ${task.allowedTools.length === 0 ? '_none_' : task.allowedTools.map((t) => inlineCode(oneLine(t) || t)).join(', ')}`,
    );
  } else if (task.agent !== 'shell') {
    parts.push("**Allowed tools:** _the agent's own defaults_");
  }
  const env = Object.entries(task.env);
  if (env.length > 0) {
    const lines = env.map(
      ([name, value]) => `${name}=${/^[\x20-\x7e]*$/.test(value) ? value : JSON.stringify(value)}`,
    );
    parts.push(`**Env** (${plural(env.length, 'variable')}):`, fence(lines.join('\n'), 'text'));
  }
  if (task.run !== undefined) {
    parts.push(
      '**Command** (`run:`, with `bash -c` under `set -euo pipefail`):',
      fence(cleanText(task.run).trimEnd(), 'sh'),
    );
  }
  if (task.prompt !== undefined) parts.push('**Prompt:**', fence(cleanText(task.prompt).trimEnd(), 'text'));
  if (Object.keys(task.inputs).length > 0) {
    parts.push('**Inputs** (given with the prompt):', fence(JSON.stringify(task.inputs, null, 2), 'json'));
  }
  if (task.output !== undefined) {
    parts.push(
      '**Expected output** (given with the prompt):',
      fence(cleanText(task.output).trimEnd(), 'text'),
    );
  }
  return parts.join('\n\n');
}

/** `**Agent:** \`claude\` · **model:** \`opus\` · ... · **runs on:** \`ubuntu-latest\``. */
function settingsLine(plan: Plan, task: Task): string {
  const agent = inlineCode(oneLine(task.agent) || task.agent);
  const custom = !isBuiltinAgent(task.agent) && plan.agents[task.agent] !== undefined;
  const parts = [`**Agent:** ${agent}${custom ? ' (a custom agent: its command is above)' : ''}`];
  if (task.model !== undefined) parts.push(`**model:** ${inlineCode(oneLine(task.model) || task.model)}`);
  if (task.maxTurns !== undefined) parts.push(`**max turns:** ${task.maxTurns}`);
  // What a reviewer most needs to know of an agent: whether it may change the repository.
  if (task.agent !== 'shell') parts.push(task.edit ? '**may edit files**' : '**read-only**');
  parts.push(`**runs on:** ${task.runsOn.map((label) => inlineCode(oneLine(label) || label)).join(', ')}`);
  parts.push(`**timeout:** ${humanDuration(task.timeoutMs)}`, `**retries:** ${task.retries}`);
  if (task.deps.length > 0) parts.push(`**after:** ${task.deps.map(escapeInline).join(', ')}`);
  return parts.join(' · ');
}
