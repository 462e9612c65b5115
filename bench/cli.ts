import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Runs the CLI in a child process; returns its wall time and peak RSS. */
export function runCli(
  cli: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): { ms: number; rss: number } {
  const wrapper = `process.argv = [process.argv[0], ${JSON.stringify(cli)}, ...${JSON.stringify(args)}];
process.on('exit', () => process.stderr.write('maxrss=' + process.resourceUsage().maxRSS * 1024 + '\\n'));
await import(${JSON.stringify(pathToFileURL(cli).href)});`;
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper], {
    cwd,
    env,
    encoding: 'utf8',
  });
  const t = performance.now() - start;
  const stderr = result.stderr;
  if (result.status !== 0)
    throw new Error(`orchestrator ${args.join(' ')} exited ${result.status}: ${stderr.slice(-2000)}`);
  return { ms: t, rss: Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? NaN) };
}
