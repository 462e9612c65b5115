import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // @actions/workflow-parser imports its JSON schema without an import attribute: let vite transform it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
