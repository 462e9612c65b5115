/**
 * A local stand-in for the few GitHub REST endpoints the action and the example workflows use, over real HTTP:
 * the issue comments of a pull request (list with Link pagination, create, read one, update), the repository's
 * permission check for a user, and a pull request (`pulls`, for its head repository and its head and base commits). Failures are scripted per request:
 * `fail(method, pathPattern, status, headers?, times?)`.
 *
 * A token made by the workflow executor's `permissionTokens` option (`ghs_local.<job>.<scope>:<level>+…`) is held
 * to its permissions as GitHub holds a GITHUB_TOKEN: reading comments needs `issues` or `pull-requests` read,
 * writing them write, reading a pull request `pull-requests` read; otherwise 403 "Resource not accessible by
 * integration". Any other token may do anything.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tokenPermissions } from './workflow-exec/permissions.js';

export interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  headers: Record<string, string>;
  times: number;
}

export interface PullRequest {
  number: number;
  /** `owner/name` of the head branch's repository (another one for a pull request from a fork). */
  headRepo: string;
  body: string;
  /** The head and base commits (default HEAD_SHA and BASE_SHA); a push moves `headSha`. */
  headSha?: string;
  baseSha?: string;
}

export const HEAD_SHA = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const BASE_SHA = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

export interface GitHubServer {
  url: string;
  /** Pull requests by number (GET /repos/{o}/{r}/pulls/{n}). */
  pulls: Map<number, PullRequest>;
  /** Comments by issue number. */
  comments: Map<number, Comment[]>;
  /** Permission level by login (`admin`, `write`, `read`, `none`), for the collaborator permission endpoint. */
  permissions: Map<string, string>;
  /** Every request: method, path (with query), authorization header. */
  requests: { method: string; path: string; auth: string | undefined }[];
  fail(method: string, path: RegExp, status: number, headers?: Record<string, string>, times?: number): void;
  addComment(issue: number, body: string, login?: string): Comment;
  close(): Promise<void>;
}

const PAGE = 30;

export async function startGitHubServer(): Promise<GitHubServer> {
  const comments = new Map<number, Comment[]>();
  const pulls = new Map<number, PullRequest>();
  const permissions = new Map<string, string>();
  const requests: GitHubServer['requests'] = [];
  const failures: Failure[] = [];
  let nextId = 1000;
  let base = '';

  const addComment = (issue: number, body: string, login = 'github-actions[bot]'): Comment => {
    const id = nextId++;
    const comment: Comment = {
      id,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/o/r/pull/${issue}#issuecomment-${id}`,
    };
    comments.set(issue, [...(comments.get(issue) ?? []), comment]);
    return comment;
  };

  const send = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      requests.push({ method, path: `${url.pathname}${url.search}`, auth: req.headers.authorization });
      const failure = failures.find((f) => f.method === method && f.path.test(url.pathname) && f.times > 0);
      if (failure !== undefined) {
        failure.times--;
        const message =
          failure.status === 403 && failure.headers['retry-after'] !== undefined
            ? 'You have exceeded a secondary rate limit.'
            : `scripted failure ${failure.status}`;
        return send(
          res,
          failure.status,
          { message, documentation_url: 'https://docs.github.com' },
          failure.headers,
        );
      }
      if (req.headers.authorization === undefined)
        return send(res, 401, { message: 'Requires authentication' });
      const scoped = tokenPermissions(req.headers.authorization.replace(/^(token|bearer) /i, ''));
      const may = (scopes: string[], level: 'read' | 'write'): boolean =>
        scoped === null ||
        scopes.some((s) => scoped.permissions[s] === 'write' || scoped.permissions[s] === level);
      const refuse = () =>
        send(res, 403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest',
        });
      if (/\/(issues\/\d+\/comments|issues\/comments\/\d+)$/.test(url.pathname)) {
        if (!may(['issues', 'pull-requests'], method === 'GET' ? 'read' : 'write')) return refuse();
      }
      if (/\/pulls\/\d+$/.test(url.pathname) && !may(['pull-requests'], 'read')) return refuse();
      let m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname);
      if (m !== null) {
        const issue = Number(m[1]);
        if (method === 'GET') {
          const all = comments.get(issue) ?? [];
          const page = Number(url.searchParams.get('page') ?? '1');
          const perPage = Number(url.searchParams.get('per_page') ?? String(PAGE));
          const slice = all.slice((page - 1) * perPage, page * perPage);
          const headers: Record<string, string> = {};
          if (page * perPage < all.length) {
            const next = new URL(url.toString().replace('http://localhost', base));
            next.searchParams.set('page', String(page + 1));
            headers.link = `<${next.toString()}>; rel="next"`;
          }
          return send(res, 200, slice, headers);
        }
        if (method === 'POST') {
          const body = (JSON.parse(raw) as { body: string }).body;
          return send(res, 201, addComment(issue, body));
        }
      }
      m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (m !== null && (method === 'PATCH' || method === 'GET')) {
        const id = Number(m[1]);
        for (const list of comments.values()) {
          const comment = list.find((c) => c.id === id);
          if (comment !== undefined) {
            if (method === 'PATCH') comment.body = (JSON.parse(raw) as { body: string }).body;
            return send(res, 200, comment);
          }
        }
        return send(res, 404, { message: 'Not Found' });
      }
      m = /^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/.exec(url.pathname);
      if (m !== null && method === 'GET') {
        const pull = pulls.get(Number(m[2]));
        if (pull === undefined) return send(res, 404, { message: 'Not Found' });
        return send(res, 200, {
          number: pull.number,
          body: pull.body,
          head: {
            sha: pull.headSha ?? HEAD_SHA,
            repo: { full_name: pull.headRepo, fork: pull.headRepo !== m[1] },
          },
          base: { sha: pull.baseSha ?? BASE_SHA, repo: { full_name: m[1] } },
        });
      }
      m = /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/.exec(url.pathname);
      if (m !== null && method === 'GET') {
        const login = decodeURIComponent(m[1]!);
        const permission = permissions.get(login);
        if (permission === undefined) return send(res, 404, { message: 'Not Found' });
        return send(res, 200, { permission, user: { login } });
      }
      return send(res, 404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    pulls,
    comments,
    permissions,
    requests,
    fail(method, path, status, headers = {}, times = 1) {
      failures.push({ method, path, status, headers, times });
    },
    addComment,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
