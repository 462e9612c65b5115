/**
 * The decomposer without AI: a markdown checklist becomes a plan, deterministically. It is what a request
 * written as a list of steps needs, and what a pull request without an agent secret falls back to.
 * The syntax is documented in docs/decompose.md:
 *
 * - every `- [ ] text` item is a task, ids `T-01`, `T-02`... by item number (checked items `- [x]` are done:
 *   they keep their number but are left out, and a dependency on one is dropped);
 * - `(after 1, 3)`, `(after: Write the parser)`, `(after T-02)` at the end of an item: deps, by number, id or text
 *   (exact, then case-insensitive, then a unique case-insensitive prefix);
 * - an item nested under another is a subtask: the parent waits for its subtasks (it is their integration);
 * - headings are groups, recorded in the titles (`Parser: Write the parser`); a first `# Heading` names the plan;
 * - an item that is only a code span, `` `npm test` ``, or `Title: `command``, is a shell task;
 * - other lines indented under an item are its details, given to the agent as the prompt.
 */
import { compareDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { buildGraph, findCycles } from '../core/graph.js';
import { requestBlock } from './request.js';
import { parseChecklist, type ChecklistItem, type ChecklistRef } from './checklist-parse.js';

export interface ChecklistResult {
  /** The plan document (what a plan file holds), or null when there are errors. */
  document: Record<string, unknown> | null;
  diagnostics: Diagnostic[];
}

/** True when the text is a checklist and nothing else: at least one item, no prose outside items. */
export function isChecklist(text: string): boolean {
  const parsed = parseChecklist(text, '');
  return parsed.items.length > 0 && !parsed.prose;
}

export function checklistToPlan(text: string, file: string): ChecklistResult {
  const parsed = parseChecklist(text, file);
  const diagnostics = [...parsed.diagnostics];
  const error = (message: string, rule: string, line: number, column: number): void => {
    diagnostics.push({ rule, severity: 'error', message, file, line, column });
  };
  const { items } = parsed;
  if (items.length === 0 && diagnostics.length === 0) {
    error('the request has no checklist items: write one task a line as `- [ ] text`', 'no-items', 1, 1);
  }
  const width = Math.max(2, String(items.length).length);
  const idOf = (item: ChecklistItem): string => `T-${String(item.number).padStart(width, '0')}`;

  // deps[k]: the items item k waits for, by index, in the order written (subtasks first).
  const deps: number[][] = items.map(() => []);
  items.forEach((item, k) => {
    if (item.parent !== null) deps[item.parent.number - 1]!.push(k);
    for (const ref of item.refs) {
      if (ref.text === '') continue;
      const found = resolveRef(ref, item, items);
      if (typeof found === 'string')
        error(found, found.startsWith('ambiguous') ? 'ambiguous-ref' : 'unknown-ref', item.line, ref.column);
      else if (found === item)
        error(`item ${item.number} refers to itself`, 'self-ref', item.line, ref.column);
      else deps[k]!.push(found.number - 1);
    }
  });

  // Cycles among the tasks that will run (a checked item's edges are dropped with it).
  const live = (k: number): boolean => !items[k]!.checked;
  const graph = buildGraph(
    items.length,
    deps.map((list, k) => (live(k) ? list.filter(live) : [])),
  );
  for (const cycle of findCycles(graph)) {
    const first = items[cycle[0]!]!;
    const path = [...cycle, cycle[0]!].map((k) => idOf(items[k]!)).join(' -> ');
    error(
      `dependency cycle: ${path} (each waits for the next; a parent item waits for the items nested under it)`,
      'cycle',
      first.line,
      first.column,
    );
  }

  diagnostics.sort(compareDiagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { document: null, diagnostics };

  const tasks = items.flatMap((item, k) => {
    if (item.checked) return [];
    const task: Record<string, unknown> = { id: idOf(item) };
    const shell = shellCommand(item.text);
    const groups = item.groups.length > 0 ? `${item.groups.join(' / ')}: ` : '';
    task.title = `${groups}${shell?.title ?? item.text}`;
    const details = item.details.join('\n');
    if (details !== '') task.prompt = `${details}\n`;
    if (shell !== null) task.run = shell.command;
    const kept = [...new Set(deps[k]!)].filter(live).map((d) => idOf(items[d]!));
    if (kept.length > 0) task.deps = kept;
    return [task];
  });
  const document: Record<string, unknown> = { version: 1 };
  const name = parsed.title === null ? '' : slug(parsed.title);
  if (name !== '') document.name = name;
  document.request = requestBlock(text);
  document.tasks = tasks;
  if (tasks.length === 0) {
    error('every item is checked: nothing is left to do', 'no-items', items[0]?.line ?? 1, 1);
    return { document: null, diagnostics };
  }
  return { document, diagnostics };
}

/** The item a reference names, or why there is none. */
function resolveRef(
  ref: ChecklistRef,
  from: ChecklistItem,
  items: readonly ChecklistItem[],
): ChecklistItem | string {
  const byNumber = /^(?:#|T-?)?(\d+)$/i.exec(ref.text);
  if (byNumber !== null) {
    const n = Number(byNumber[1]);
    const item = items[n - 1];
    if (item !== undefined) return item;
    return `item ${from.number} refers to item ${ref.text}, but the checklist has ${items.length} item${items.length === 1 ? '' : 's'}`;
  }
  const want = ref.text;
  const lower = want.toLowerCase();
  const exact = items.filter((i) => i.text === want);
  if (exact.length === 1) return exact[0]!;
  const folded = items.filter((i) => i.text.toLowerCase() === lower);
  if (folded.length === 1) return folded[0]!;
  const candidates =
    exact.length > 1
      ? exact
      : folded.length > 1
        ? folded
        : items.filter((i) => i.text.toLowerCase().startsWith(lower));
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    return `item ${from.number} refers to ${JSON.stringify(want)}, which is no item's text (nor the start of one)`;
  }
  const listed = candidates
    .slice(0, 5)
    .map((i) => `${i.number} (${JSON.stringify(i.text)})`)
    .join(', ');
  const more = candidates.length > 5 ? `, and ${candidates.length - 5} more` : '';
  return `ambiguous reference ${JSON.stringify(want)} in item ${from.number}: it matches items ${listed}${more}; refer by number, or quote more of the text`;
}

/** `` `npm test` `` or `Run the tests: `npm test``: a shell task. */
function shellCommand(text: string): { title: string; command: string } | null {
  const whole = /^(`+)(?!`)(.+?)(?<!`)\1$/.exec(text);
  if (whole !== null) {
    const command = whole[2]!.trim();
    return command === '' || (command.includes('`') && whole[1]!.length === 1)
      ? null
      : { title: command, command };
  }
  const titled = /^(.+?):[ \t]+(`+)(?!`)(.+?)(?<!`)\2$/.exec(text);
  if (titled === null || titled[1]!.includes('`')) return null;
  const command = titled[3]!.trim();
  return command === '' ? null : { title: titled[1]!.trim(), command };
}

/** A plan name from the title heading: lower case words joined by `-`. */
function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
