/**
 * A seed-format master plan (`.orchestrator/master_plan.md`, its `| ID | Task | Deps | Status |` table) read as a
 * plan, so a plan written by hand or by an agent following the seed runs as is. The seed's agent files
 * (`agent_tasks/agent-XX.md`), when given, add each task's instructions (Do) and expected output (Output).
 */
import type { Path } from '../diagnostics.js';
import type { Locator } from './locator.js';
import { LineIndex } from './source.js';
import type { ParseResult } from './yaml.js';

export interface AgentFile {
  name: string;
  text: string;
}

interface Row {
  cells: { text: string; offset: number }[];
  offset: number;
}

export function parseSeedMarkdown(text: string, agentFiles: readonly AgentFile[] = []): ParseResult {
  const lines = new LineIndex(text);
  const positions = new Map<string, number>();
  const rows = findTaskTable(text);
  if (rows === null) {
    return {
      ok: false,
      rule: 'syntax',
      message:
        'no task table found: a seed master plan has a table with the columns | ID | Task | Deps | Status | (or write a YAML plan: `orchestrator init`)',
      position: { line: 1, column: 1 },
    };
  }
  const [header, ...body] = rows;
  const column = (name: string): number =>
    header!.cells.findIndex((c) => c.text.trim().toLowerCase() === name);
  const idCol = column('id');
  const titleCol = column('task');
  const depsCol = column('deps');
  const agentCol = column('agent');
  const details = agentDetails(agentFiles);

  positions.set(key([]), 0);
  positions.set(key(['tasks']), header!.offset);
  const tasks = body.map((row, i) => {
    const cell = (col: number): { text: string; offset: number } | undefined =>
      col < 0 ? undefined : row.cells[col];
    const task: Record<string, unknown> = {};
    positions.set(key(['tasks', i]), row.offset);
    const id = cell(idCol);
    if (id !== undefined) {
      task.id = unescapeMarkdown(id.text).replace(/^\*\*(.*)\*\*$/, '$1');
      positions.set(key(['tasks', i, 'id']), id.offset);
    }
    const title = cell(titleCol);
    if (title !== undefined && title.text !== '') {
      task.title = unescapeMarkdown(title.text);
      positions.set(key(['tasks', i, 'title']), title.offset);
    }
    const deps = cell(depsCol);
    if (deps !== undefined) {
      const list = splitDeps(deps.text);
      task.deps = list.map((d) => d.id);
      positions.set(key(['tasks', i, 'deps']), deps.offset);
      list.forEach((d, j) => positions.set(key(['tasks', i, 'deps', j]), deps.offset + d.at));
    }
    const agent = cell(agentCol);
    if (agent !== undefined && agent.text !== '') {
      task.agent = unescapeMarkdown(agent.text);
      positions.set(key(['tasks', i, 'agent']), agent.offset);
    }
    const more =
      (typeof task.id === 'string' ? details.get(task.id) : undefined) ??
      (typeof task.title === 'string' ? details.get(`title:${task.title}`) : undefined);
    if (more !== undefined) Object.assign(task, more);
    return task;
  });

  const data: Record<string, unknown> = { version: 1, tasks };
  const request = findRequest(text);
  if (request !== undefined) data.request = request;
  const locator: Locator = {
    locate(path: Path) {
      for (let n = path.length; n >= 0; n--) {
        const offset = positions.get(key(path.slice(0, n)));
        if (offset !== undefined) return lines.position(offset);
      }
      return { line: 1, column: 1 };
    },
  };
  return { ok: true, data, locator };
}

function key(path: Path): string {
  return path.join('\u0000');
}

/** The first markdown table whose header has ID and Task columns. */
function findTaskTable(text: string): Row[] | null {
  const rows: Row[] = [];
  let offset = 0;
  let inTable = false;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (!trimmed.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    const row = splitRow(line, start);
    if (!inTable) {
      const names = row.cells.map((c) => c.text.trim().toLowerCase());
      if (!(names.includes('id') && names.includes('task'))) continue;
      inTable = true;
      rows.push(row);
      continue;
    }
    if (row.cells.every((c) => /^:?-+:?$/.test(c.text.trim()))) continue;
    rows.push(row);
  }
  return rows.length > 0 ? rows : null;
}

/** Cells of a table row; `\|` is a pipe inside a cell, not a separator. */
function splitRow(line: string, lineOffset: number): Row {
  const cells: { text: string; offset: number }[] = [];
  let i = line.indexOf('|') + 1;
  let cellStart = i;
  let current = '';
  for (; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) {
      current += ch + line[i + 1]!;
      i++;
    } else if (ch === '|') {
      cells.push(cell(current, lineOffset + cellStart));
      current = '';
      cellStart = i + 1;
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') cells.push(cell(current, lineOffset + cellStart));
  return { cells, offset: lineOffset + line.indexOf('|') };
}

function cell(raw: string, offset: number): { text: string; offset: number } {
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), offset: offset + lead };
}

/** The ids of a Deps cell ("None", "-" or empty for none), each with its offset in the cell. */
function splitDeps(text: string): { id: string; at: number }[] {
  if (/^(?:none|-|—|–|)$/i.test(text.trim())) return [];
  return [...text.matchAll(/[^,\s]+/g)].map((m) => ({
    id: unescapeMarkdown(m[0].replace(/^`(.*)`$/, '$1')),
    at: m.index + (m[0].startsWith('`') ? 1 : 0),
  }));
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#124;': '|',
};

export function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([\\`*_[\]~|<>#!{}()+.-])/g, '$1')
    .replace(/&(?:lt|gt|amp|quot|#124);/g, (m) => ENTITIES[m] ?? m);
}

/** The `## Request` section's blockquote, unquoted. */
function findRequest(text: string): string | undefined {
  const m = /^##\s+Request\s*\n([\s\S]*?)(?=^#{1,2}\s|(?![\s\S]))/m.exec(text);
  if (m === null) return undefined;
  const quoted = m[1]!
    .split('\n')
    .filter((l) => l.startsWith('>'))
    .map((l) => l.replace(/^> ?/, ''));
  const request = quoted.join('\n').trim();
  return request === '' || request === '(none given)' || SEED_PLACEHOLDERS.has(request) ? undefined : request;
}

/** Do / Output of each agent file, keyed by its task id (a `**Task:** T-01` line) or title. */
function agentDetails(files: readonly AgentFile[]): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const file of files) {
    const heading = /^#\s+Agent-\d+:\s*(.*)$/m.exec(file.text);
    const title = heading === null ? undefined : unescapeMarkdown(heading[1]!.trim());
    const parts = sections(file.text);
    const taskId = /^`?([A-Za-z_][A-Za-z0-9_-]*)`?(?:\s|$)/.exec(parts.get('Task') ?? '');
    const fields: Record<string, unknown> = {};
    const doText = placeholderless(parts.get('Do'));
    // A shell command is a ```bash block; a prompt that could not stay plain markdown is a ```text block.
    const fenced = doText === undefined ? null : /^(`{3,})(bash|text)\n([\s\S]*?)\n\1$/.exec(doText);
    if (fenced !== null) fields[fenced[2] === 'bash' ? 'run' : 'prompt'] = fenced[3];
    else if (doText !== undefined && doText !== '' && unescapeMarkdown(doText) !== title) {
      // (A Do that only repeats the title is what a task without a prompt renders to.)
      fields.prompt = doText;
    }
    const output = placeholderless(parts.get('Output'));
    if (output !== undefined && output !== '' && !DEFAULT_OUTPUT.test(output)) fields.output = output;
    if (taskId !== null) out.set(taskId[1]!, fields);
    else if (title !== undefined) out.set(`title:${title}`, fields);
  }
  return out;
}

/** The bracketed placeholders of the seed's templates: a template not filled in says nothing. */
const SEED_PLACEHOLDERS = new Set([
  '[Original request]',
  '[Description]',
  '[Task Name]',
  '[parameters]',
  '[specific instructions]',
  '[expected format]',
]);

function placeholderless(text: string | undefined): string | undefined {
  return text === undefined || SEED_PLACEHOLDERS.has(text) ? undefined : text;
}

/** What an agent file says when the plan gives no expected output (render/agent-task.ts). */
const DEFAULT_OUTPUT = /^the (?:command's output|agent's final answer), saved as `result\.md`$/;

/**
 * The `**Label:** text` sections of an agent file. Labels inside a code fence are text; Do runs to the Output
 * label, so a prompt may hold bold labels of its own; a heading ends any other section.
 */
function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | null = null;
  let lines: string[] = [];
  let fence: string | null = null;
  const flush = (): void => {
    if (current !== null && !out.has(current)) out.set(current, lines.join('\n').trim());
  };
  for (const line of text.split('\n')) {
    if (fence !== null) {
      if (new RegExp(`^ {0,3}${fence}${fence[0]}*[ \\t]*$`).test(line)) fence = null;
      lines.push(line);
      continue;
    }
    const label = /^\*\*([A-Z][A-Za-z ]*):\*\*[ \t]?(.*)$/.exec(line);
    if (label !== null && (current !== 'Do' || label[1] === 'Output')) {
      flush();
      current = label[1]!;
      lines = [label[2]!];
      continue;
    }
    if (current !== 'Do' && /^#{1,6}\s/.test(line)) {
      flush();
      current = null;
      lines = [];
      continue;
    }
    // CommonMark: a fence is up to 3 spaces (a tab makes an indented code block), then 3+ backticks (with no backtick in the info string after them) or 3+ tildes.
    const open = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/.exec(line);
    if (open !== null) fence = open[1]!;
    lines.push(line);
  }
  flush();
  return out;
}
