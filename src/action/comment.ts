/**
 * The modes' sticky pull request comment (input `comment: true`): the plan from mode `plan`, then the results
 * from mode `aggregate`, in the same comment (one per pull request and `comment-key`), updated in place.
 *
 * Whatever a mode renders, what is posted is first made inert (render/github-text.ts: no mention, no issue
 * reference, no HTML outside code) and stripped of the secret values this step holds (runner/redact.ts): GitHub
 * masks secrets in logs, never in comments, and a comment is public on a public repository.
 */
import * as core from '@actions/core';
import { neutralizeGithubText } from '../render/github-text.js';
import { Redactor, secretValues } from '../runner/redact.js';
import type { CommentSettings } from './inputs.js';
import { upsertStickyComment } from './sticky-comment.js';

/** `body` as it is posted: neutralized, redacted, with the footer. */
export function commentText(settings: Pick<CommentSettings, 'runUrl'>, body: string): string {
  const footer =
    settings.runUrl !== null
      ? `\n\n---\n[The workflow run](${settings.runUrl}) · posted by orchestrator\n`
      : '\n';
  const safe = new Redactor(secretValues(process.env)).redactText(neutralizeGithubText(body.trimEnd()));
  return `${safe}${footer}`;
}

export async function postComment(settings: CommentSettings, body: string): Promise<void> {
  const result = await upsertStickyComment({
    token: settings.token,
    repository: settings.repository,
    number: settings.number,
    key: settings.key,
    body: commentText(settings, body),
    baseUrl: settings.apiUrl,
  });
  core.setOutput('comment-url', result.url);
  core.info(
    `${result.created ? 'Commented on' : 'Updated the comment on'} #${settings.number}: ${result.url}`,
  );
}
