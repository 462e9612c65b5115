/** `npm run bench`: every benchmark of the project, printed as markdown tables. */
import os from 'node:os';
import { benchPlan } from './plan.js';

const cli = process.argv[2];
if (cli === undefined) throw new Error('usage: node bench.js <path of dist/cli.js>');
console.log(
  `# orchestrator benchmarks\n\nnode ${process.version}, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
);
benchPlan(cli);
