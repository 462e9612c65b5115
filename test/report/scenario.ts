/**
 * The golden scenario: a diamond-shaped run with every outcome, written as real files the way a run leaves them.
 * T-01 done (a hostile title, a result that leaves a fence open); T-02 failed under on-failure: continue;
 * T-03 failed under skip-dependents (a log tail with a fence in it, a result that leaves <details> open);
 * T-04 skipped because of T-03; T-05 never wrote its status (the job died); T-06 ran without T-02's result.
 */
import { analyze } from '../../src/core/analyze.js';
import { load } from '../support/plans.js';
import { writeTask } from './support.js';

export const scenarioPlan = load(`version: 1
name: auth-refactor
request: |
  Refactor the auth module and add tests.

  Keep \`\${{ github.token }}\` | <b>out</b> of it.
tasks:
  - id: T-01
    title: "Audit \`auth\` | \${{ github.token }} <script>alert(1)</script>"
    prompt: List every place that reads the session cookie.
  - id: T-02
    title: Run the flaky integration suite
    run: npm run test:integration
    deps: [T-01]
    on-failure: continue
  - id: T-03
    title: Refactor session handling
    prompt: Rewrite the session store.
    deps: [T-01]
    on-failure: skip-dependents
    retries: 1
  - id: T-04
    title: Write the migration notes
    prompt: Summarize the changes for the release notes.
    deps: [T-02, T-03]
  - id: T-05
    title: Lint the docs
    run: npm run lint:docs
    deps: [T-01]
  - id: T-06
    title: Summarize the test results
    prompt: Summarize what the integration suite found.
    deps: [T-02]
`);

export const scenarioAnalysis = analyze(scenarioPlan);

export function writeScenario(outputs: string): void {
  writeTask(outputs, 'T-01', {
    status: {
      agent: 'claude',
      started_at: '2026-03-01T10:00:00.000Z',
      ended_at: '2026-03-01T10:01:02.500Z',
      duration_ms: 62_500,
      cost_usd: 0.1234,
      tokens: { input: 12_345, output: 678 },
    },
    result: [
      '## Findings',
      '',
      'The session cookie is read in 3 places:',
      '',
      '| file | line |',
      '|---|---|',
      '| src/auth/session.ts | 12 |',
      '',
      'Example:',
      '',
      '```ts',
      'const token = req.cookies.session;',
      '',
    ].join('\n'),
    extra: { 'audit/sessions.csv': 'file,line\n', 'prompt.md': 'the prompt' },
  });
  writeTask(outputs, 'T-02', {
    status: {
      status: 'failed',
      attempts: 2,
      exit_code: 1,
      started_at: '2026-03-01T10:01:03.000Z',
      ended_at: '2026-03-01T10:02:10.000Z',
      duration_ms: 67_000,
      error: 'exit code 1',
    },
    log: [
      '── attempt 1 of 4 · T-02 ──',
      '\u001b[32m✓\u001b[0m login works',
      '\u001b[31m✗\u001b[0m logout clears the cookie',
      '  Expected: "" | Received: "abc"',
      '[orchestrator] attempt 1 failed: exit code 1',
      '',
    ].join('\n'),
  });
  writeTask(outputs, 'T-03', {
    status: {
      status: 'failed',
      agent: 'claude',
      attempts: 2,
      exit_code: 1,
      started_at: '2026-03-01T10:01:03.000Z',
      ended_at: '2026-03-01T10:04:30.000Z',
      duration_ms: 207_000,
      cost_usd: 0.5,
      error: 'error_max_turns: the agent stopped after 30 turns',
    },
    result:
      'I started rewriting the store.\n\n<details><summary>Plan</summary>\n\n1. Move the cookie parsing\n',
    log: `${Array.from({ length: 45 }, (_, i) => `turn ${i + 1}: editing src/auth/store.ts`).join('\n')}\n\`\`\`\`diff\n- old\n+ new\n\`\`\`\`\n`,
  });
  writeTask(outputs, 'T-04', {
    status: {
      status: 'skipped',
      agent: 'claude',
      attempts: 0,
      exit_code: null,
      started_at: null,
      ended_at: null,
      duration_ms: null,
      error: 'skipped: its dependency T-03 failed (on-failure: skip-dependents)',
    },
  });
  writeTask(outputs, 'T-05', {
    log: 'npm ERR! code ELIFECYCLE\nThe runner has received a shutdown signal.\n',
  });
  writeTask(outputs, 'T-06', {
    status: {
      agent: 'claude',
      started_at: '2026-03-01T10:02:11.000Z',
      ended_at: '2026-03-01T10:02:20.000Z',
      duration_ms: 9_000,
      cost_usd: 0.02,
      missing_deps: ['T-02'],
    },
    result: 'The suite failed before it could report: nothing to summarize.\n',
  });
}
