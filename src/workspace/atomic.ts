/**
 * Writes that are never seen half done: a reader (or a crash) finds the old file or the new one, never a mix.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function tempName(target: string, tag: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
}

/** Writes to a temporary file beside the target, then renames it over the target. */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = tempName(target, 'tmp');
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Replaces a whole folder by one filled by `fill`: files left from an earlier, larger plan disappear, and an
 * error while filling leaves the old folder as it was.
 */
export function replaceDirAtomic(target: string, fill: (dir: string) => void): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const fresh = tempName(target, 'new');
  const old = tempName(target, 'old');
  fs.mkdirSync(fresh);
  try {
    fill(fresh);
  } catch (error) {
    fs.rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
  const hadOld = fs.existsSync(target);
  if (hadOld) fs.renameSync(target, old);
  fs.renameSync(fresh, target);
  if (hadOld) fs.rmSync(old, { recursive: true, force: true });
}
