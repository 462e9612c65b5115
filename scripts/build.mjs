// Bundles each entry point into one self-contained ESM file under dist/, so the CLI and the action run
// with no node_modules. The output is deterministic: `.ci/run` rebuilds it and fails if it differs from git.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

/** `import text from './file?raw'`: the file's text, as vitest does it. */
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      // Relative, so the bundle names no path of the machine that built it.
      path: path.relative(process.cwd(), path.resolve(args.resolveDir, args.path.slice(0, -'?raw'.length))),
      namespace: 'raw-text',
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({
      contents: fs.readFileSync(path.resolve(args.path), 'utf8'),
      loader: 'text',
    }));
  },
};

const entries = { cli: 'src/cli.ts', action: 'src/action.ts' };

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
  plugins: [rawText],
  banner: {
    // Bundled CommonJS dependencies call require(); give them one in the ESM bundle.
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
