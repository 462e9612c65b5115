import fs from 'node:fs';
import { STARTER_PLAN } from '../../examples/starter.js';
import { writeFileAtomic } from '../../workspace/atomic.js';
import { EXIT, UserError } from '../../errors.js';
import type { Output } from '../terminal.js';

export function initCommand(file: string, opts: { force: boolean }, io: Output): number {
  if (!opts.force && fs.existsSync(file)) {
    throw new UserError(`${file}: already exists; pass --force to overwrite it, or name another file`);
  }
  writeFileAtomic(file, STARTER_PLAN);
  io.out.write(`Wrote ${file}. Next: orchestrator validate ${file} && orchestrator plan ${file}\n`);
  return EXIT.ok;
}
