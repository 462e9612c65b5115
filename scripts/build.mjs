// Bundles each entry point into one self-contained ESM file under dist/, so the CLI and the action run
// with no node_modules. The output is deterministic: `.ci/run` rebuilds it and fails if it differs from git.
import { build } from 'esbuild';

const entries = { cli: 'src/cli.ts' };

await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  banner: {
    // Bundled CommonJS dependencies call require(); give them one in the ESM bundle.
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
