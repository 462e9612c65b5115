// The finding 7 through the action's task mode: a task that prints the job's API key (as written and
// encoded) put it in the artifact's result.md and log.txt, and in the job summary. GitHub masks logs, never
// artifacts or summaries: the task job replaces it in everything it stages and shows.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, tempDir } from '../support/cli.js';
import { jobFolder } from '../support/jobs.js';
import { runAction } from './run-action.js';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const KEY = 'sk-ant-api03-ACTION_fake_key_printed_by_a_task-9876543210';

const PLAN = `version: 1
tasks:
  - id: T-01
    run: |
      echo "raw: $ANTHROPIC_API_KEY"
      echo "base64: $(printf %s "$ANTHROPIC_API_KEY" | base64 -w0)"
      echo "hex: $(printf %s "$ANTHROPIC_API_KEY" | od -An -tx1 | tr -d ' \\n')"
      echo "reversed: $(printf %s "$ANTHROPIC_API_KEY" | rev)"
      echo "in the log: $ANTHROPIC_API_KEY" >&2
      exit 4
    retries: 0
  - {id: T-02, run: 'echo two'}
`;

const FORMS = [
  KEY,
  Buffer.from(KEY).toString('base64').slice(0, 40),
  Buffer.from(KEY).toString('hex'),
  [...KEY].reverse().join(''),
  KEY.slice(12, 40),
];

describe('action: task mode redacts the job’s secrets', () => {
  it('from the staged artifact, outputs/, the job summary and the step’s outputs', () => {
    const a = jobFolder(dir, 'A', PLAN);
    const r = runAction(a, { mode: 'task', plan: 'plan.yml', task: 'T-01' }, { ANTHROPIC_API_KEY: KEY });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('failed');
    // The summary shows the failed task's result and log tail: redacted.
    expect(r.summary).toContain('raw: ***');
    expect(r.summary).toContain('in the log: ***');
    const shown = [r.summary, JSON.stringify(r.outputs)];
    const staged = path.join(a, '.orchestrator/artifact');
    expect(listFiles(staged)).toEqual(['T-01/log.txt', 'T-01/result.md', 'T-01/status.json']);
    const files = [staged, path.join(a, '.orchestrator/outputs')].flatMap((folder) =>
      listFiles(folder).map((f) => fs.readFileSync(path.join(folder, f), 'latin1')),
    );
    for (const text of [...shown, ...files]) {
      for (const form of FORMS) expect(text).not.toContain(form);
    }
  });
});
