/**
 * The prompt an AI agent gets: the task's title and instructions, its inputs, the output expected, its deps'
 * results, where to put files, and the request the plan was made for. Plain markdown, the same bytes for the
 * same input (it is hashed for `run --resume`, and read by people in `outputs/<id>/prompt.md`).
 *
 * Plan text is data: it is placed, never expanded (no placeholders, no templates). Text that is not the plan
 * author's instructions (a dep's result, an input, the request) is fenced, with a fence longer than any backtick
 * run inside it, so nothing it holds can end its block and pass for instructions of this prompt.
 */
import type { Plan, Task } from '../core/model.js';
import { escapeInline, fence, inlineCode, markdownBlock } from '../render/markdown.js';
import { cleanText, oneLine, trimBlock } from '../render/text.js';
import type { FinalStatus } from '../runner/status.js';

/** A dep's result up to this size (UTF-8 bytes) is put in the prompt; a larger one is given as its file's path. */
export const INLINE_RESULT_BYTES = 8 * 1024;

export interface DepResult {
  id: string;
  title: string;
  /** How the dep ended; `missing` when it has no status (it never ran in this run). */
  status: FinalStatus | 'missing';
  /** Absolute path of the dep's `result.md`. */
  resultFile: string;
  /** The result's text when the runner read it (at most INLINE_RESULT_BYTES); null to point at the file. */
  result: string | null;
  /**
   * The result file's size when the runner knows it: it reads no more than INLINE_RESULT_BYTES of a result
   * (a dep's artifact may hold gigabytes), so a larger one is described by its size alone.
   */
  bytes?: number | null;
}

export interface PromptInput {
  plan: Plan;
  task: Task;
  /** Absolute path of the task's output folder (`$ORCHESTRATOR_OUTPUT_DIR`). */
  outputDir: string;
  /** In the order of `task.deps`. */
  deps: DepResult[];
}

export function buildPrompt({ plan, task, outputDir, deps }: PromptInput): string {
  const sections = [
    `# ${escapeInline(task.title)}`,
    intro(plan, task),
    `## Instructions\n\n${instructions(task)}`,
  ];
  const inputs = Object.entries(task.inputs);
  if (inputs.length > 0) sections.push(`## Inputs\n\n${inputs.map(([k, v]) => inputItem(k, v)).join('\n')}`);
  const output = trimBlock(task.output ?? '');
  if (output !== '') sections.push(`## Expected output\n\n${markdownBlock(output)}`);
  if (deps.length > 0) {
    sections.push('## Results of the tasks this one depends on', ...deps.map(depSection));
  }
  sections.push(filesSection(task, outputDir));
  const request = trimBlock(plan.request ?? '');
  if (request !== '') {
    sections.push(
      `## Context\n\nThis task is one step of a plan made for this request:\n\n${fence(request, 'text')}`,
    );
  }
  return `${sections.join('\n\n')}\n`;
}

function intro(plan: Plan, task: Task): string {
  return [
    `You are running task ${inlineCode(task.id)} of the plan ${inlineCode(oneLine(plan.name) || 'plan')}, unattended:`,
    'nobody will answer questions, so make reasonable assumptions and say which ones you made.',
    "Your final message is this task's result: it is saved as `result.md` and given to the tasks that depend on",
    'this one.',
  ].join(' ');
}

/** The author's prompt, as markdown; without one, the title is the instruction. */
function instructions(task: Task): string {
  const prompt = trimBlock(task.prompt ?? '');
  return prompt === '' ? `Do what the title says: ${escapeInline(task.title)}` : markdownBlock(prompt);
}

/** `- key: value`; a string as written, anything else as JSON, a multi-line string fenced under its key. */
function inputItem(key: string, value: unknown): string {
  const label = `- ${key !== '' && oneLine(key) === key ? inlineCode(key) : inlineCode(JSON.stringify(key))}:`;
  if (typeof value !== 'string') return `${label} ${inlineCode(JSON.stringify(value) ?? String(value))}`;
  const text = cleanText(value);
  if (text === '') return `${label} ${inlineCode('""')}`;
  if (!text.includes('\n')) return `${label} ${text}`;
  const block = fence(text.replace(/\n+$/, ''), 'text')
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
  return `${label}\n\n${block}`;
}

const MISSING: Record<Exclude<DepResult['status'], 'done'>, string> = {
  failed: 'failed',
  skipped: 'was skipped',
  cancelled: 'was cancelled',
  missing: 'has no result',
};

function depSection(dep: DepResult): string {
  const heading = `### ${dep.title === dep.id ? dep.id : `${dep.id}: ${escapeInline(dep.title)}`}`;
  if (dep.status !== 'done') {
    const missing = `This input is missing: task ${inlineCode(dep.id)} ${MISSING[dep.status]}.`;
    return `${heading}\n\n${missing} Do what you can without it, and say in your answer what is missing because of it.`;
  }
  const file = inlineCode(dep.resultFile);
  const bytes = dep.result === null ? (dep.bytes ?? null) : Buffer.byteLength(dep.result, 'utf8');
  if (bytes !== null && bytes > INLINE_RESULT_BYTES) {
    return `${heading}\n\nIts result (${size(bytes)}) is too large to include here: read it from ${file}.`;
  }
  if (dep.result === null) return `${heading}\n\nRead its result from ${file}.`;
  const text = dep.result.replace(/\n+$/, '');
  if (text.trim() === '') return `${heading}\n\nIt finished with an empty result.`;
  return `${heading}\n\n${fence(text)}`;
}

/** `8.0 KiB`, `97.7 MiB`, `2.0 GiB`: one decimal, as the prompt always said it. */
function size(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Where the agent's files go. An editing task (`edit: true`) changes the repository where it runs: that is its
 * change, so it is not told to keep to its output folder; a read-only one is told it may not change files, so
 * that it does not spend turns on edits its CLI will refuse.
 */
function filesSection(task: Task, outputDir: string): string {
  const folder = `\`$ORCHESTRATOR_OUTPUT_DIR\` (${inlineCode(outputDir)})`;
  const others = "The other tasks' folders are under `$ORCHESTRATOR_OUTPUTS`, one per task id.";
  const lines = [
    '## Files',
    task.edit
      ? [
          'You may change the files of the repository in your working folder: what you change there is this',
          "task's change, and the tasks that depend on this one work on it. Files that are not part of the",
          `change (a report, data, logs) go into the folder ${folder}. ${others}`,
        ].join(' ')
      : [
          'Read the files of your working folder as you need, but do not change them: this task may not edit',
          `the repository. Write any files you produce, besides your answer, into the folder ${folder}.`,
          others,
        ].join(' '),
  ];
  if (task.outputs.length > 0) {
    lines.push(
      `Files this task should leave there: ${task.outputs.map((g) => inlineCode(oneLine(g))).join(', ')}.`,
    );
  }
  return lines.join('\n\n');
}
