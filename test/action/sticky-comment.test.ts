/**
 * The sticky pull request comment, with the real @actions/github client over HTTP against a local server:
 * created once, updated in place on re-runs, other people's comments left alone, pagination followed, and each
 * failure GitHub can give turned into a clear message or a retry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commentBody,
  commentMarker,
  MAX_COMMENT_CHARS,
  upsertStickyComment,
  type StickyComment,
} from '../../src/action/sticky-comment.js';
import { UserError } from '../../src/errors.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';

let server: GitHubServer;
const waits: number[] = [];

beforeEach(async () => {
  server = await startGitHubServer();
  waits.length = 0;
});
afterEach(() => server.close());

const options = (extra: Partial<StickyComment> = {}): StickyComment => ({
  token: 'ghs_test',
  repository: 'o/r',
  number: 7,
  key: 'run',
  body: '## Results\n\nall done',
  baseUrl: server.url,
  sleep: async (ms) => {
    waits.push(ms);
  },
  ...extra,
});

describe('upsertStickyComment', () => {
  it('creates the comment once, then updates the same one on every re-run', async () => {
    const first = await upsertStickyComment(options());
    expect(first.created).toBe(true);
    const second = await upsertStickyComment(options({ body: 'second run' }));
    expect(second).toMatchObject({ id: first.id, created: false });
    const list = server.comments.get(7)!;
    expect(list).toHaveLength(1);
    expect(list[0]!.body).toBe(`${commentMarker('run')}\nsecond run`);
    expect(server.requests.every((r) => r.auth === 'token ghs_test')).toBe(true);
  });

  it('keeps one comment per key, and never edits a comment by someone else that quotes the marker', async () => {
    server.addComment(7, `${commentMarker('run')}\nI copied this`, 'mallory');
    await upsertStickyComment(options({ key: 'plan', body: 'the plan' }));
    await upsertStickyComment(options({ key: 'run', body: 'the results' }));
    const bodies = server.comments.get(7)!.map((c) => [c.user.login, c.body]);
    expect(bodies).toEqual([
      ['mallory', `${commentMarker('run')}\nI copied this`],
      ['github-actions[bot]', `${commentMarker('plan')}\nthe plan`],
      ['github-actions[bot]', `${commentMarker('run')}\nthe results`],
    ]);
  });

  it('finds its comment on a later page', async () => {
    for (let i = 0; i < 150; i++) server.addComment(7, `chatter ${i}`, 'someone');
    const ours = server.addComment(7, `${commentMarker('run')}\nold`);
    const result = await upsertStickyComment(options());
    expect(result).toMatchObject({ id: ours.id, created: false });
    expect(server.requests.filter((r) => r.method === 'GET').length).toBeGreaterThan(1);
  });

  it('cuts a body over GitHub’s limit and says so', () => {
    const body = commentBody('run', 'x'.repeat(100_000));
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toContain('cut to fit');
  });

  it('waits out a secondary rate limit (retry-after) and retries', async () => {
    server.fail('POST', /comments$/, 403, { 'retry-after': '2' }, 1);
    server.fail('GET', /comments$/, 429, { 'retry-after': '1' }, 1);
    const result = await upsertStickyComment(options());
    expect(result.created).toBe(true);
    expect(waits).toEqual([1000, 2000]);
    expect(server.comments.get(7)).toHaveLength(1);
  });

  it('gives up after the retries with a clear message', async () => {
    server.fail('GET', /comments$/, 403, { 'retry-after': '1' }, 10);
    await expect(upsertStickyComment(options({ maxRetries: 2 }))).rejects.toThrow(
      /still rate-limited by GitHub after 2 retries/,
    );
  });

  it.each([
    [401, /GitHub refused the token \(401.*check the `github-token` input/],
    [403, /may not write to o\/r#7 \(403.*pull-requests: write/],
    [404, /o\/r#7 was not found, or the token cannot see it \(404/],
    [422, /GitHub refused the comment \(422/],
    [500, /GitHub answered 500/],
  ])('a %i becomes a clear error, not a stack trace', async (status, message) => {
    server.fail('POST', /comments$/, status, {}, 5);
    const error = await upsertStickyComment(options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/\n\s+at /);
  });

  it('refuses a repository that is not owner/name', async () => {
    await expect(upsertStickyComment(options({ repository: 'nope' }))).rejects.toThrow(/owner\/name/);
  });
});
