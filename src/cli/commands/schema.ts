import { planJsonSchema } from '../../core/schema/json-schema.js';
import { EXIT } from '../../errors.js';
import type { Output } from '../terminal.js';

export function schemaCommand(io: Output): number {
  io.out.write(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
