// `npm run bench`: builds the CLI and the benchmarks (bench/*.ts) with esbuild, then runs them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'orchestrator-bench-build-'));
try {
  await build({
    entryPoints: ['bench/index.ts'],
    outfile: path.join(out, 'bench.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  execFileSync(
    process.execPath,
    [path.join(out, 'bench.mjs'), path.resolve('dist/cli.js'), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
