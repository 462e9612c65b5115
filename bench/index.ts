/** `npm run bench`: every benchmark of the project, printed as markdown tables. */
import os from 'node:os';
import { benchPack } from './pack.js';
import { benchPlan } from './plan.js';
import { benchMakespan, benchMemory, benchOverhead } from './runner.js';

const cli = process.argv[2];
if (cli === undefined) throw new Error('usage: node bench.js <path of dist/cli.js>');
console.log(
  `# orchestrator benchmarks\n\nnode ${process.version}, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
);
const only = process.argv[3];
if (only === undefined || only === 'plan') benchPlan(cli);
if (only === undefined || only === 'pack') benchPack();
if (only === undefined || only === 'run') {
  benchOverhead(cli);
  benchMakespan(cli);
  benchMemory(cli);
}
