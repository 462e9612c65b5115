/**
 * YAML and JSON plan files to plain data. js-yaml parses to an event stream that carries source offsets; the
 * value is constructed from it, and the same events later locate any path for a diagnostic.
 */
import { CORE_SCHEMA, EVENT_ID, YAMLException, constructFromEvents, parseEvents, type Event } from 'js-yaml';
import { checkJsonSyntax } from './json-syntax.js';
import { EventLocator, eventStart, type Locator } from './locator.js';
import { LineIndex, type Position } from './source.js';

export type ParseResult =
  | { ok: true; data: unknown; locator: Locator }
  | { ok: false; rule: 'syntax'; message: string; position: Position };

/** Deeper than any sensible plan, far below what would strain the stack. */
const MAX_DEPTH = 64;

export function parseYaml(text: string): ParseResult {
  const lines = new LineIndex(text);
  const fail = (message: string, offset: number): ParseResult => ({
    ok: false,
    rule: 'syntax',
    message,
    position: lines.position(offset),
  });
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (error) {
    return yamlError(error, lines);
  }
  const shape = checkEvents(text, events);
  if (shape !== null) return fail(shape.message, shape.offset);
  let docs: unknown[];
  try {
    // Duplicate keys throw here (a lenient parser would silently drop a dependency).
    docs = constructFromEvents(events, { source: text, schema: CORE_SCHEMA });
  } catch (error) {
    return yamlError(error, lines);
  }
  return { ok: true, data: docs[0], locator: new EventLocator(text, events, lines) };
}

/**
 * Strict JSON (no comments, no trailing commas, no single quotes), duplicate keys refused. The syntax is checked
 * here with a message and position that do not depend on the Node version; as JSON is YAML, the YAML events
 * then find duplicate keys and the positions of later findings.
 */
export function parseJson(text: string): ParseResult {
  if (text.trim() === '') return parseYaml(text);
  const error = checkJsonSyntax(text);
  if (error !== null) {
    return {
      ok: false,
      rule: 'syntax',
      message: `invalid JSON: ${error.message}`,
      position: new LineIndex(text).position(error.offset),
    };
  }
  return parseYaml(text);
}

function yamlError(error: unknown, lines: LineIndex): ParseResult {
  if (error instanceof YAMLException && error.mark !== undefined) {
    const reason =
      error.reason === 'duplicated mapping key' ? duplicateKeyMessage() : `invalid YAML: ${error.reason}`;
    return {
      ok: false,
      rule: 'syntax',
      message: reason,
      position: { line: error.mark.line + 1, column: error.mark.column + 1 },
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, rule: 'syntax', message: `invalid YAML: ${reason}`, position: lines.position(0) };
}

function duplicateKeyMessage(): string {
  return 'this key is given twice in the same mapping; keep one (a lenient parser would silently drop the other)';
}

/**
 * One document per file, no recursive aliases, and a bound on what aliases expand to: a "billion laughs"
 * document is a few hundred bytes that expand to billions of nodes in whatever walks the value.
 */
function checkEvents(text: string, events: readonly Event[]): { message: string; offset: number } | null {
  const budget = Math.max(100_000, 2 * events.length);
  let documents = 0;
  let total = 0;
  const anchorSize = new Map<string, number>();
  // Per open collection: its anchor (or null) and the expanded size of what it holds so far.
  const open: { anchor: string | null; size: number; isDocument: boolean }[] = [];
  const add = (size: number): void => {
    const top = open[open.length - 1];
    if (top !== undefined) top.size += size;
  };
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        if (documents > 1) {
          const next = events.slice(i + 1).find((e) => eventStart(e) >= 0);
          return {
            message: 'a plan file holds one YAML document; this one has a second (after a `---` line)',
            offset: next !== undefined ? eventStart(next) : text.length,
          };
        }
        open.push({ anchor: null, size: 0, isDocument: true });
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        open.push({ anchor: anchorName(text, event), size: 1, isDocument: false });
        break;
      case EVENT_ID.SCALAR: {
        const name = anchorName(text, event);
        if (name !== null) anchorSize.set(name, 1);
        add(1);
        total++;
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = text.slice(event.anchorStart, event.anchorEnd);
        if (open.some((o) => o.anchor === name)) {
          return {
            message: `alias *${name} refers to a node that contains it (a recursive alias)`,
            offset: eventStart(event),
          };
        }
        const size = anchorSize.get(name) ?? 1;
        add(size);
        total += size;
        if (total > budget) {
          return {
            message: `aliases expand this document past ${budget} values (an alias bomb?); write the values out, or put shared settings under \`defaults:\``,
            offset: eventStart(event),
          };
        }
        break;
      }
      case EVENT_ID.POP: {
        const closed = open.pop();
        if (closed === undefined || closed.isDocument) break;
        if (closed.anchor !== null) anchorSize.set(closed.anchor, closed.size);
        add(closed.size);
        total++;
        break;
      }
    }
  }
  return null;
}

function anchorName(text: string, event: { anchorStart: number; anchorEnd: number }): string | null {
  return event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : null;
}
