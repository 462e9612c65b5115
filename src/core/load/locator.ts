/**
 * Where a document path stands in the source file. Built from js-yaml's event stream (which carries source
 * offsets), only when there is something to report: a valid plan never pays for it.
 */
import { EVENT_ID, SCALAR_STYLE, getScalarValue, type Event } from 'js-yaml';
import type { Path } from '../diagnostics.js';
import type { LineIndex, Position } from './source.js';

export interface Locator {
  /** The position of the node at `path` (or of its key), or of its nearest existing ancestor. */
  locate(path: Path, at: 'key' | 'value'): Position;
}

interface PosNode {
  start: number;
  keys?: Map<string, { keyStart: number; value: PosNode }>;
  items?: PosNode[];
}

export class EventLocator implements Locator {
  private root: PosNode | null | undefined;

  constructor(
    private readonly source: string,
    private readonly events: readonly Event[],
    private readonly lines: LineIndex,
  ) {}

  locate(path: Path, at: 'key' | 'value'): Position {
    this.root ??= buildTree(this.source, this.events);
    if (this.root === null) return { line: 1, column: 1 };
    let node: PosNode = this.root;
    let offset = node.start;
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      const last = i === path.length - 1;
      if (typeof part === 'number' && node.items !== undefined) {
        const item = node.items[part];
        if (item === undefined) break;
        node = item;
        offset = item.start;
      } else if (node.keys !== undefined) {
        const entry = node.keys.get(String(part));
        if (entry === undefined) break;
        node = entry.value;
        offset = last && at === 'key' ? entry.keyStart : entry.value.start;
      } else {
        break;
      }
    }
    return this.lines.position(offset);
  }
}

/** The start offset of the source text an event stands for. */
export function eventStart(event: Event): number {
  switch (event.type) {
    case EVENT_ID.SCALAR: {
      const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
      const start = event.anchorStart >= 0 ? event.anchorStart - 1 : event.valueStart - (quoted ? 1 : 0);
      return event.tagStart >= 0 ? Math.min(start, event.tagStart - 1) : start;
    }
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      return event.start;
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    default:
      return -1;
  }
}

interface Open {
  node: PosNode;
  pendingKey: { text: string | null; start: number } | undefined;
}

function buildTree(source: string, events: readonly Event[]): PosNode | null {
  let root: PosNode | null = null;
  const stack: Open[] = [];
  const attach = (node: PosNode, keyText: string | null): void => {
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      root ??= node;
      return;
    }
    const { node: container } = parent;
    if (container.items !== undefined) {
      container.items.push(node);
    } else if (parent.pendingKey === undefined) {
      parent.pendingKey = { text: keyText, start: node.start };
    } else {
      const key = parent.pendingKey;
      parent.pendingKey = undefined;
      if (key.text !== null && !container.keys!.has(key.text)) {
        container.keys!.set(key.text, { keyStart: key.start, value: node });
      }
    }
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        break;
      case EVENT_ID.SEQUENCE:
        stack.push({ node: { start: event.start, items: [] }, pendingKey: undefined });
        break;
      case EVENT_ID.MAPPING:
        stack.push({ node: { start: event.start, keys: new Map() }, pendingKey: undefined });
        break;
      case EVENT_ID.SCALAR:
        attach({ start: eventStart(event) }, getScalarValue(source, event));
        break;
      case EVENT_ID.ALIAS:
        attach({ start: eventStart(event) }, null);
        break;
      case EVENT_ID.POP: {
        const closed = stack.pop();
        if (closed !== undefined) attach(closed.node, null);
        break;
      }
    }
  }
  return root;
}
