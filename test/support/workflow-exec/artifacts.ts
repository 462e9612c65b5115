/**
 * An artifact store with the semantics of actions/upload-artifact v4+ and actions/download-artifact v4+, as
 * their sources (and @actions/glob) implement them:
 *
 * - upload: `path` holds one pattern a line (`!` excludes, `#` comments); each pattern's search path is its part
 *   before the first glob segment. One search path: a directory's *contents* become the root, a single file
 *   named exactly uploads at the root; several search paths: their least common ancestor is the root.
 *   Without `include-hidden-files`, every item met while walking from a search path whose name starts with `.`
 *   is skipped with all below it, the search path itself included (so `.cache` uploads nothing, but
 *   `.orchestrator/artifact` walks `artifact/` and skips only hidden entries inside it).
 * - download: `name` into `path`; otherwise every artifact (or those matching `pattern`), each into
 *   `path/<name>/`, or all into `path` with `merge-multiple`. A missing name fails; a pattern matching
 *   nothing does not.
 */
import fs from 'node:fs';
import path from 'node:path';

export class ArtifactStore {
  /** Artifact name → the folder holding its files, in upload order. */
  readonly artifacts = new Map<string, string>();
  private count = 0;

  constructor(private readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
  }

  /** Stores files (absolute paths) under their path relative to `rootDirectory`; returns the artifact id. */
  store(name: string, files: string[], rootDirectory: string, overwrite: boolean): number {
    if (this.artifacts.has(name) && !overwrite) {
      throw new Error(
        `Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run`,
      );
    }
    this.count++;
    const folder = path.join(this.root, String(this.count));
    for (const file of files) {
      const rel = path.relative(rootDirectory, file);
      if (rel.startsWith('..') || path.isAbsolute(rel))
        throw new Error(`${file} is outside ${rootDirectory}`);
      fs.mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
      fs.copyFileSync(file, path.join(folder, rel));
    }
    fs.mkdirSync(folder, { recursive: true });
    this.artifacts.delete(name);
    this.artifacts.set(name, folder);
    return this.count;
  }
}

const GLOB_CHARS = /[*?[\]]/;
const INVALID_NAME = /["<>|*?\r\n\\/:]/;

export function checkArtifactName(name: string): void {
  if (name === '' || INVALID_NAME.test(name)) {
    throw new Error(
      `The artifact name is not valid: ${name}. Contains the following character: one of " : < > | * ? \\r \\n \\ /`,
    );
  }
}

interface Pattern {
  negate: boolean;
  segments: string[];
  /** The absolute path before the first glob segment. */
  searchPath: string;
}

function segmentRegex(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) throw new Error(`unsupported: glob ${segment}`);
      source += `[${segment.slice(i + 1, end).replace(/^!/, '^')}]`;
      i = end;
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function matchSegments(pattern: string[], parts: string[]): boolean {
  if (pattern.length === 0) return parts.length === 0;
  const [head, ...rest] = pattern as [string, ...string[]];
  if (head === '**') {
    for (let i = 0; i <= parts.length; i++) if (matchSegments(rest, parts.slice(i))) return true;
    return false;
  }
  if (parts.length === 0) return false;
  return segmentRegex(head).test(parts[0] as string) && matchSegments(rest, parts.slice(1));
}

function parsePatterns(text: string, cwd: string): Pattern[] {
  const patterns: Pattern[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let negate = false;
    while (line.startsWith('!')) {
      negate = !negate;
      line = line.slice(1);
    }
    if (line.startsWith('~')) throw new Error(`unsupported: ~ in an upload path (${raw})`);
    const absolute = path.resolve(cwd, line);
    const segments = absolute.split('/').filter((s) => s !== '');
    const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
    const literal = firstGlob < 0 ? segments : segments.slice(0, firstGlob);
    // Implicit descendants: a pattern matching a directory matches everything below it.
    const withDescendants = segments.at(-1) === '**' ? segments : [...segments, '**'];
    patterns.push({ negate, segments: withDescendants, searchPath: `/${literal.join('/')}` });
  }
  return patterns;
}

function isUnder(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
}

/** The search paths of the patterns, without duplicates and descendants of another (as @actions/glob). */
function searchPaths(patterns: Pattern[]): string[] {
  const result: string[] = [];
  for (const p of patterns.filter((p) => !p.negate).map((p) => p.searchPath)) {
    if (result.some((r) => isUnder(p, r))) continue;
    for (let i = result.length - 1; i >= 0; i--) if (isUnder(result[i] as string, p)) result.splice(i, 1);
    result.push(p);
  }
  return result;
}

function lca(paths: string[]): string {
  const split = paths.map((p) => p.split('/').filter((s) => s !== ''));
  const common: string[] = [];
  for (let i = 0; ; i++) {
    const first = split[0]?.[i];
    if (first === undefined || split.some((s) => s[i] !== first)) break;
    common.push(first);
  }
  return `/${common.join('/')}`;
}

export interface UploadSearch {
  files: string[];
  rootDirectory: string;
}

export function findFilesToUpload(pathInput: string, cwd: string, includeHidden: boolean): UploadSearch {
  const patterns = parsePatterns(pathInput, cwd);
  const roots = searchPaths(patterns);
  const matches = (file: string): boolean => {
    let matched = false;
    const parts = file.split('/').filter((s) => s !== '');
    for (const p of patterns) if (matchSegments(p.segments, parts)) matched = !p.negate;
    return matched;
  };
  const files = new Set<string>();
  const walk = (item: string): void => {
    if (!includeHidden && path.basename(item).startsWith('.')) return;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(item);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(item).sort()) walk(path.join(item, child));
    } else if (matches(item)) {
      files.add(item);
    }
  };
  for (const root of roots) walk(root);
  const list = [...files];
  if (roots.length > 1) return { files: list, rootDirectory: lca(roots) };
  const only = roots[0] ?? cwd;
  if (list.length === 1 && list[0] === only) return { files: list, rootDirectory: path.dirname(only) };
  return { files: list, rootDirectory: only };
}

/** minimatch without `dot`: `*` and `?` do not match a leading `.`. */
export function matchArtifactName(pattern: string, name: string): boolean {
  if (/[{}]/.test(pattern)) throw new Error(`unsupported: brace expansion in pattern ${pattern}`);
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  return segmentRegex(pattern.replaceAll('**', '*')).test(name);
}

export function copyTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  fs.cpSync(from, to, { recursive: true, force: true });
}
