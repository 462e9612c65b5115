/**
 * The repository's layout, as context for the planner: the files git tracks in the working directory, folded into
 * folders with file counts, at most LAYOUT_MAX_CHARS characters. A planner that knows there is a `test/` folder
 * and a `package.json` writes tasks that fit the project; it does not need every file name.
 */
import { spawnSync } from 'node:child_process';

export const LAYOUT_MAX_CHARS = 3000;

/** The layout of the git repository at `cwd`, or null when it is not one (or git is missing). */
export function repositoryLayout(cwd: string): string | null {
  const listed = spawnSync('git', ['ls-files', '-z'], {
    cwd,
    encoding: 'utf8',
    timeout: 10_000,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (listed.status !== 0 || typeof listed.stdout !== 'string') return null;
  return describeLayout(listed.stdout.split('\0').filter((f) => f !== ''));
}

/**
 * Top-level files by name, then each top-level folder with its file count and its subfolders (also counted);
 * lines past the limit are summed up in a last line. Sorted, so the same tree gives the same text.
 */
export function describeLayout(files: readonly string[], maxChars = LAYOUT_MAX_CHARS): string {
  const topFiles: string[] = [];
  const folders = new Map<string, { count: number; sub: Map<string, number> }>();
  for (const file of files) {
    const parts = file.split('/');
    if (parts.length === 1) {
      topFiles.push(file);
      continue;
    }
    const top = parts[0]!;
    const entry = folders.get(top) ?? { count: 0, sub: new Map<string, number>() };
    entry.count++;
    if (parts.length > 2) entry.sub.set(parts[1]!, (entry.sub.get(parts[1]!) ?? 0) + 1);
    folders.set(top, entry);
  }
  const lines = [`${files.length} file${files.length === 1 ? '' : 's'} tracked by git`];
  for (const [name, entry] of [...folders].sort(byName)) {
    lines.push(`${name}/ (${count(entry.count)})`);
    for (const [sub, n] of [...entry.sub].sort(byName)) lines.push(`  ${name}/${sub}/ (${count(n)})`);
  }
  for (const file of topFiles.sort()) lines.push(file);

  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > maxChars - 40) break;
    kept.push(line);
    size += line.length + 1;
  }
  if (kept.length < lines.length) kept.push(`... (${lines.length - kept.length} more lines left out)`);
  return kept.join('\n');
}

function count(n: number): string {
  return `${n} file${n === 1 ? '' : 's'}`;
}

function byName<T>(a: readonly [string, T], b: readonly [string, T]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
