/**
 * One task's card, `.orchestrator/agent_tasks/agent-XX.md`, in the seed's shape (`# Agent-XX: [Task Name]`,
 * Input, Do, Output), readable by the seed loader (core/load/seed-markdown.ts): the `**Task:**` line names the
 * id, a shell task's Do is nothing but its ```bash block.
 */
import type { Analysis } from '../core/analyze.js';
import { formatDuration } from '../core/duration.js';
import { unescapeMarkdown } from '../core/load/seed-markdown.js';
import { BUILTIN_DEFAULTS, type Plan, type Task } from '../core/model.js';
import { escapeInline, fence, inlineCode, markdownBlock } from './markdown.js';
import { oneLine, trimBlock } from './text.js';

function agentNumberText(number: number, total: number): string {
  return String(number).padStart(Math.max(2, String(total).length), '0');
}

/** `agent-01.md`; zero-padded to the width of the task count (at least 2) so the files sort in order. */
export function agentFileName(number: number, total: number): string {
  return `agent-${agentNumberText(number, total)}.md`;
}

/** `Agent-01`, padded as its file name. */
export function agentLabel(number: number, total: number): string {
  return `Agent-${agentNumberText(number, total)}`;
}

export function renderAgentTask(plan: Plan, taskIndex: number, analysis: Analysis): string {
  const task = plan.tasks[taskIndex];
  if (task === undefined) throw new RangeError(`renderAgentTask: no task at index ${taskIndex}`);
  const label = agentLabel(analysis.agentNumber[taskIndex]!, plan.tasks.length);
  const deps = task.deps.length === 0 ? 'none' : task.deps.join(', ');
  // Ids are ASCII from [A-Za-z0-9_-] and stay unescaped, so the seed loader finds them; an id's inner `_`
  // starts no emphasis in GitHub's markdown.
  const parts = [
    `# ${label}: ${escapeInline(task.title)}`,
    `**Task:** ${task.id} · **Agent:** ${escapeInline(task.agent)} · **Deps:** ${deps} · **Batch:** ${analysis.level[taskIndex]! + 1}`,
    policyLine(task),
    inputSection(task.inputs),
    doSection(task),
    outputSection(task),
  ];
  if (task.outputs.length > 0) {
    parts.push(`**Files:** ${task.outputs.map((g) => inlineCode(oneLine(g))).join(', ')}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** Only what says something: no retries and the default failure policy are left out. */
function policyLine(task: Task): string {
  const items: string[] = [];
  if (task.retries > 0) items.push(`**Retries:** ${task.retries}`);
  items.push(`**Timeout:** ${formatDuration(task.timeoutMs)}`);
  if (task.onFailure !== BUILTIN_DEFAULTS.onFailure) items.push(`**On failure:** ${task.onFailure}`);
  if (task.estimateMs !== null) items.push(`**Estimate:** ${formatDuration(task.estimateMs)}`);
  return items.join(' · ');
}

function inputSection(inputs: Record<string, unknown>): string {
  const items = Object.entries(inputs).map(([key, value]) => `${escapeInline(key)}: ${inputValue(value)}`);
  if (items.length === 0) return '**Input:** none';
  if (items.length === 1) return `**Input:** ${items[0]!}`;
  return `**Input:**\n\n${items.map((item) => `- ${item}`).join('\n')}`;
}

// Inline code shows a one-line string as is; anything else is shown as JSON, with the characters JSON leaves
// raw but a reader could not see (C1 and bidi controls, line separators) escaped as well.
function inputValue(value: unknown): string {
  if (typeof value === 'string' && value !== '' && oneLine(value) === value) return inlineCode(value);
  const json = JSON.stringify(value) ?? String(value);
  return inlineCode(
    json.replace(
      /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  );
}

function doSection(task: Task): string {
  if (task.agent === 'shell') return `**Do:**\n\n${fence(trimBlock(task.run ?? ''), 'bash')}`;
  const prompt = trimBlock(task.prompt ?? '');
  // Without a prompt, an agent is asked to do what the title says.
  if (prompt === '') return `**Do:** ${escapeInline(task.title)}`;
  const block = sectionBlock(prompt);
  // A prompt that reads back as the title is what "no prompt" renders to: fenced, it stays a prompt.
  if (unescapeMarkdown(block.trim()) === task.title) return `**Do:**\n\n${fence(prompt, 'text')}`;
  return `**Do:**\n\n${block}`;
}

function outputSection(task: Task): string {
  const output = trimBlock(task.output ?? '');
  if (output === '') {
    return task.agent === 'shell'
      ? "**Output:** the command's output, saved as `result.md`"
      : "**Output:** the agent's final answer, saved as `result.md`";
  }
  return output.includes('\n') || SECTION_LIKE.test(output)
    ? `**Output:**\n\n${sectionBlock(output)}`
    : `**Output:** ${output}`;
}

/** A line the seed loader would read as the start of another section (`**Output:**`) or of the next file part. */
const SECTION_LIKE = /^(?:\*\*[A-Z][A-Za-z ]*:\*\*|#{1,2}\s)/m;

/** Markdown kept as markdown, unless it could end its section early when the file is read back: then fenced. */
function sectionBlock(text: string): string {
  const body = trimBlock(text);
  return SECTION_LIKE.test(body) ? fence(body, 'text') : markdownBlock(body);
}
