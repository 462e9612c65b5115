/**
 * The GITHUB_TOKEN a job gets, as GitHub computes it: the job's `permissions:`, else the workflow's, else the
 * permissive default (write to everything); a called workflow's jobs can only keep or lower what the calling
 * job has; a pull request from a fork gets read access at most. With the executor's `permissionTokens` option,
 * each leg's token names its job and its permissions (`ghs_local.<job>.contents:read+pull-requests:write`), so
 * the local GitHub server (../github-server.ts) can refuse what the real one would, and a test can tell which
 * job made a request.
 */
import type { Job, Workflow } from './model.js';

export type Level = 'none' | 'read' | 'write';
export type Permissions = Record<string, Level>;

export const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
] as const;

const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };

function all(level: Level): Permissions {
  return Object.fromEntries(SCOPES.map((s) => [s, level]));
}

export function parsePermissions(v: unknown, where: string): Permissions {
  if (v === 'read-all') return all('read');
  if (v === 'write-all') return all('write');
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new Error(`invalid workflow: ${where}.permissions must be read-all, write-all or a mapping`);
  }
  const result = all('none');
  for (const [scope, level] of Object.entries(v)) {
    if (!(SCOPES as readonly string[]).includes(scope)) {
      throw new Error(`invalid workflow: ${where}.permissions: unknown scope '${scope}'`);
    }
    if (level !== 'read' && level !== 'write' && level !== 'none') {
      throw new Error(`invalid workflow: ${where}.permissions.${scope} must be read, write or none`);
    }
    result[scope] = level;
  }
  return result;
}

/** What the job's token may do, capped by `cap` (the calling job's, or read-only for a fork). */
export function jobPermissions(workflow: Workflow, job: Job, cap: Permissions | undefined): Permissions {
  const given =
    job.permissions !== undefined
      ? parsePermissions(job.permissions, `jobs.${job.id}`)
      : workflow.permissions !== undefined
        ? parsePermissions(workflow.permissions, 'the workflow')
        : all('write');
  if (cap === undefined) return given;
  return Object.fromEntries(
    SCOPES.map((s) => [s, RANK[given[s]!] <= RANK[cap[s]!] ? given[s]! : cap[s]!]),
  ) as Permissions;
}

export const READ_ONLY: Permissions = all('read');

export function capPermissions(a: Permissions, b: Permissions): Permissions {
  return Object.fromEntries(
    SCOPES.map((s) => [s, RANK[a[s]!] <= RANK[b[s]!] ? a[s]! : b[s]!]),
  ) as Permissions;
}

/** `ghs_local.<job>.<scope>:<level>+…` (scopes at none left out). */
export function permissionToken(jobId: string, permissions: Permissions): string {
  const granted = SCOPES.filter((s) => permissions[s] !== 'none').map((s) => `${s}:${permissions[s]}`);
  return `ghs_local.${jobId}.${granted.join('+')}`;
}

/** The permissions a `permissionToken` names, or null for any other token. */
export function tokenPermissions(token: string): { job: string; permissions: Permissions } | null {
  const m = /^ghs_local\.([^.]+)\.(.*)$/.exec(token);
  if (m === null) return null;
  const permissions = all('none');
  for (const part of m[2]!.split('+').filter(Boolean)) {
    const [scope, level] = part.split(':') as [string, Level];
    permissions[scope] = level;
  }
  return { job: m[1]!, permissions };
}
