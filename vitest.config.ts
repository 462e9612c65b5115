import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vite's own warnings: transforming @actions/workflow-parser (below) warns once per module that its source maps
  // point to sources the package does not ship. Errors still show.
  logLevel: 'error',
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // The real agent CLIs the adapters are tested against (test/support/real-clis.ts), installed once.
    globalSetup: ['./test/support/global-setup.ts'],
    // @actions/workflow-parser imports its JSON schema without an import attribute: let vite transform it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
