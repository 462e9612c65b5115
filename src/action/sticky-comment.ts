/**
 * The sticky pull request comment: one comment per pull request and key, found again by a hidden marker and
 * updated in place on every re-run, never posted twice. Talks to GitHub through `@actions/github`'s client;
 * every failure becomes one clear message (a UserError), and secondary rate limits are waited out and retried.
 */
import { getOctokit } from '@actions/github';
import { UserError } from '../errors.js';

/** GitHub refuses a comment body over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_536;

export interface StickyComment {
  token: string;
  /** `owner/name`. */
  repository: string;
  /** The pull request (or issue) number. */
  number: number;
  /** Tells this comment from the others of the same tool: `plan`, `run`, a workflow name. */
  key: string;
  body: string;
  /** Only a comment by this login is updated (the token's own identity: `github-actions[bot]` by default). */
  author?: string;
  /** The API root; by default GITHUB_API_URL or https://api.github.com. */
  baseUrl?: string;
  /** Waits before retrying a rate-limited call: at most this many retries. */
  maxRetries?: number;
  /** For tests: how to wait. */
  sleep?: (ms: number) => Promise<void>;
}

export interface CommentResult {
  id: number;
  url: string;
  created: boolean;
}

/** The hidden first line that marks the comment as ours for this key. */
export function commentMarker(key: string): string {
  return `<!-- orchestrator:${key.replace(/[^A-Za-z0-9_.:-]/g, '_')} -->`;
}

/** The body with the marker, cut to GitHub's limit with a note saying so. */
export function commentBody(key: string, body: string): string {
  const marker = `${commentMarker(key)}\n`;
  const note = '\n\n_(cut to fit GitHub’s comment size limit; the whole report is in the run’s artifacts)_\n';
  if (marker.length + body.length <= MAX_COMMENT_CHARS) return marker + body;
  return marker + body.slice(0, MAX_COMMENT_CHARS - marker.length - note.length) + note;
}

interface ApiError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

function isApiError(error: unknown): error is ApiError {
  return (
    typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
  );
}

/** Seconds to wait before retrying, when GitHub says it is a rate limit; null when it is not one. */
function retryAfter(error: ApiError): number | null {
  const headers = error.response?.headers ?? {};
  const after = Number(headers['retry-after']);
  if ((error.status === 403 || error.status === 429) && Number.isFinite(after) && after >= 0) return after;
  if ((error.status === 403 || error.status === 429) && String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return Number.isFinite(reset) ? Math.max(0, reset - Date.now() / 1000) : 60;
  }
  if (error.status === 429) return 60;
  return null;
}

function explain(error: ApiError, what: string, options: StickyComment): UserError {
  const where = `${options.repository}#${options.number}`;
  const detail = error.message.split('\n')[0] ?? '';
  switch (error.status) {
    case 401:
      return new UserError(
        `${what}: GitHub refused the token (401 ${detail}); check the \`github-token\` input`,
      );
    case 403:
      return new UserError(
        `${what}: the token may not write to ${where} (403 ${detail}); give the job \`permissions: pull-requests: write\` (a pull request from a fork gets a read-only token)`,
      );
    case 404:
      return new UserError(`${what}: ${where} was not found, or the token cannot see it (404 ${detail})`);
    case 422:
      return new UserError(`${what}: GitHub refused the comment (422 ${detail})`);
    default:
      return new UserError(`${what}: GitHub answered ${error.status} (${detail})`);
  }
}

/** Creates or updates the comment; returns where it is. */
export async function upsertStickyComment(options: StickyComment): Promise<CommentResult> {
  const [owner, repo] = options.repository.split('/');
  if (owner === undefined || repo === undefined || owner === '' || repo === '') {
    throw new UserError(`repository must be owner/name; got ${JSON.stringify(options.repository)}`);
  }
  const octokit = getOctokit(options.token, {
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
  });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxRetries = options.maxRetries ?? 3;
  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (!isApiError(error)) throw error;
        const wait = retryAfter(error);
        if (wait === null || attempt >= maxRetries) {
          if (wait !== null)
            throw new UserError(`${what}: still rate-limited by GitHub after ${maxRetries} retries`);
          throw explain(error, what, options);
        }
        await sleep(Math.min(wait, 300) * 1000);
      }
    }
  };

  const marker = commentMarker(options.key);
  const author = options.author ?? 'github-actions[bot]';
  const body = commentBody(options.key, options.body);
  const existing = await call('reading the pull request comments', async () => {
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: options.number,
      per_page: 100,
    })) {
      const found = page.data.find((c) => c.user?.login === author && (c.body ?? '').startsWith(marker));
      if (found !== undefined) return found;
    }
    return undefined;
  });
  if (existing !== undefined) {
    const updated = await call('updating the pull request comment', () =>
      octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }),
    );
    return { id: updated.data.id, url: updated.data.html_url, created: false };
  }
  const created = await call('commenting on the pull request', () =>
    octokit.rest.issues.createComment({ owner, repo, issue_number: options.number, body }),
  );
  return { id: created.data.id, url: created.data.html_url, created: true };
}
