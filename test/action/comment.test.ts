// The modes' sticky pull request comment through the action's real interface (dist/action.js, INPUT_*, the event
// file), against the local GitHub server: the plan, then the results, in one comment; failures are clear.
// Also the plan mode's outputs for the reusable workflow (matrices, levels, agents, the wave limit).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentMarker } from '../../src/action/sticky-comment.js';
import { ROOT, tempDir } from '../support/cli.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { runAction, runActionAsync } from './run-action.js';

let dir: string;
let server: GitHubServer;
beforeEach(async () => {
  dir = tempDir();
  server = await startGitHubServer();
});
afterEach(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await server.close();
});

function githubEnv(event: unknown): NodeJS.ProcessEnv {
  const eventFile = path.join(dir, 'event.json');
  fs.writeFileSync(eventFile, JSON.stringify(event));
  return {
    GITHUB_API_URL: server.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '4242',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
  };
}

const commentInputs = { comment: 'true', 'github-token': 'ghs_job' };

describe('sticky comment', () => {
  it('posts the plan on the pull request, then puts the results in the same comment', async () => {
    fs.copyFileSync(path.join(ROOT, 'examples/repo-health.yml'), path.join(dir, 'plan.yml'));
    const env = githubEnv({ pull_request: { number: 12 } });
    const planned = await runActionAsync(dir, { mode: 'plan', plan: 'plan.yml', ...commentInputs }, env);
    expect(planned.code, planned.stdout).toBe(0);
    const [comment] = server.comments.get(12)!;
    expect(comment!.body.startsWith(`${commentMarker('orchestrator')}\n`)).toBe(true);
    expect(comment!.body).toContain('| ID | Task | Deps | Status |');
    expect(comment!.body).toContain('## Estimate on GitHub Actions');
    // "#1" would link to issue 1 on GitHub.
    expect(comment!.body).not.toMatch(/Batch #\d/);
    expect(comment!.body).toContain('[The workflow run](https://github.example/o/r/actions/runs/4242)');
    expect(planned.outputs['comment-url']).toBe(comment!.html_url);

    // The tasks ran elsewhere; their artifacts are here, as the aggregate job downloads them.
    for (const [id, status] of [
      ['inventory', 'done'],
      ['size', 'failed'],
    ] as const) {
      const out = path.join(dir, '.orchestrator/outputs', id);
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'result.md'), `result of ${id}`);
      fs.writeFileSync(
        path.join(out, 'status.json'),
        JSON.stringify({
          id,
          status,
          attempts: 1,
          exit_code: status === 'done' ? 0 : 1,
          started_at: null,
          ended_at: null,
          duration_ms: 5,
          cost_usd: null,
          tokens: null,
          error: status === 'done' ? null : 'boom',
          agent: 'shell',
          hash: 'h',
        }),
      );
    }
    const aggregated = await runActionAsync(
      dir,
      { mode: 'aggregate', plan: 'plan.yml', ...commentInputs },
      env,
    );
    expect(aggregated.code).toBe(1); // the run failed: size
    const comments = server.comments.get(12)!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('# Results');
    expect(comments[0]!.body).toContain('boom');
    expect(comments[0]!.body).not.toContain('| ID | Task | Deps | Status |');
    expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(server.requests.every((r) => r.auth === 'token ghs_job')).toBe(true);
  });

  it('a comment event names the pull request through its issue; the input overrides the event', async () => {
    fs.copyFileSync(path.join(ROOT, 'examples/repo-health.yml'), path.join(dir, 'plan.yml'));
    const env = githubEnv({ issue: { number: 5, pull_request: {} } });
    expect((await runActionAsync(dir, { plan: 'plan.yml', ...commentInputs }, env)).code).toBe(0);
    expect(server.comments.get(5)).toHaveLength(1);
    const r = await runActionAsync(dir, { plan: 'plan.yml', ...commentInputs, 'pull-request': '9' }, env);
    expect(r.code).toBe(0);
    expect(server.comments.get(9)).toHaveLength(1);
  });

  it('a token without the permission fails the step with what to grant, and no stack trace', async () => {
    fs.copyFileSync(path.join(ROOT, 'examples/repo-health.yml'), path.join(dir, 'plan.yml'));
    server.fail('POST', /comments$/, 403, {}, 5);
    const r = await runActionAsync(
      dir,
      { plan: 'plan.yml', ...commentInputs },
      githubEnv({ pull_request: { number: 3 } }),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /::error::commenting on the pull request: the token may not write to o\/r#3 .*pull-requests: write/,
    );
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });

  it('refuses to comment from a task job, and without a pull request to comment on', () => {
    fs.copyFileSync(path.join(ROOT, 'examples/repo-health.yml'), path.join(dir, 'plan.yml'));
    const task = runAction(dir, { mode: 'task', plan: 'plan.yml', task: 'inventory', ...commentInputs });
    expect(task.code).toBe(1);
    expect(task.stdout).toContain('input `comment` is for modes plan and aggregate');
    const push = runAction(
      dir,
      { plan: 'plan.yml', ...commentInputs },
      {
        ...githubEnv({ ref: 'refs/heads/main' }),
        GITHUB_EVENT_NAME: 'push',
      },
    );
    expect(push.code).toBe(1);
    expect(push.stdout).toContain('this push has no pull request: set the `pull-request` input');
    expect(runAction(dir, { plan: 'plan.yml', comment: 'yes' }).stdout).toContain(
      'input `comment` must be true or false; got "yes"',
    );
  });
});

describe('plan mode outputs for the reusable workflow', () => {
  it('gives one matrix per level, the level count and the agents', () => {
    fs.copyFileSync(path.join(ROOT, 'examples/repo-health.yml'), path.join(dir, 'plan.yml'));
    const r = runAction(dir, { plan: 'plan.yml', 'max-waves': '3' });
    expect(r.code).toBe(0);
    expect(r.outputs.levels).toBe('3');
    expect(JSON.parse(r.outputs.agents!)).toEqual(['shell']);
    const matrices = JSON.parse(r.outputs.matrices!) as { include: { tasks: string; artifact: string }[] }[];
    expect(matrices).toHaveLength(3);
    const ids = matrices.flatMap((m) => m.include.map((leg) => leg.tasks));
    expect(ids.sort()).toEqual(['dependencies', 'inventory', 'size', 'summary', 'todos']);
    for (const leg of matrices.flatMap((m) => m.include)) {
      expect(leg.artifact).toBe(`task-${leg.tasks}`);
      // Shell tasks only: no leg installs an agent CLI or gets a key.
      expect(leg).toHaveProperty('agents', []);
    }
    expect(r.outputs.sources).toBe('');
  });

  it('names the agents of each leg, each once, so a leg gets only the keys of its own tasks', () => {
    fs.writeFileSync(
      path.join(dir, 'plan.yml'),
      `version: 1
tasks:
  - {id: sh, agent: shell, run: 'true'}
  - {id: cl, agent: claude, prompt: p}
  - {id: cx, agent: codex, prompt: p, deps: [sh]}
`,
    );
    const r = runAction(dir, { plan: 'plan.yml' });
    expect(r.code).toBe(0);
    const matrices = JSON.parse(r.outputs.matrices!) as { include: { tasks: string; agents: string[] }[] }[];
    expect(matrices.map((m) => m.include.map((leg) => [leg.tasks, leg.agents]))).toEqual([
      [
        ['sh', []],
        ['cl', ['claude']],
      ],
      [['cx', ['codex']]],
    ]);
  });

  it('refuses a plan deeper than the waves before writing anything, pointing to generate', () => {
    fs.copyFileSync(path.join(ROOT, 'examples/repo-health.yml'), path.join(dir, 'plan.yml'));
    const r = runAction(dir, { plan: 'plan.yml', 'max-waves': '2' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('the plan has 3 levels, more than the 2 waves of the reusable workflow');
    expect(r.stdout).toContain('orchestrator generate');
    expect(fs.existsSync(path.join(dir, '.orchestrator'))).toBe(false);
  });

  it('deals a level of more than 256 tasks over 256 legs, each naming its artifact', () => {
    const tasks = Array.from({ length: 600 }, (_, i) => `  - {id: t${i}, run: 'true'}`).join('\n');
    fs.writeFileSync(path.join(dir, 'plan.yml'), `version: 1\ndefaults: {agent: shell}\ntasks:\n${tasks}\n`);
    const r = runAction(dir, { plan: 'plan.yml' });
    expect(r.code).toBe(0);
    const [wave] = JSON.parse(r.outputs.matrices!) as {
      include: { tasks: string; artifact: string; agents: string[] }[];
    }[];
    expect(wave!.include).toHaveLength(256);
    expect(wave!.include.flatMap((leg) => leg.tasks.split(' ')).sort()).toEqual(
      Array.from({ length: 600 }, (_, i) => `t${i}`).sort(),
    );
    expect(new Set(wave!.include.map((leg) => leg.artifact)).size).toBe(256);
    expect(wave!.include[0]).toEqual({ tasks: 't0 t256 t512', artifact: 'tasks-wave-1-1', agents: [] });
    // Which tasks each multi-task artifact speaks for, for the steps that import them.
    const sources = r.outputs.sources!.split(' ');
    expect(sources).toHaveLength(256);
    expect(sources[0]).toBe('tasks-wave-1-1=t0,t256,t512');
    expect(sources[255]).toBe('tasks-wave-1-256=t255,t511');
  });
});
