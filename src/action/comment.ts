/**
 * The modes' sticky pull request comment (input `comment: true`): the master plan from mode `plan`, then the
 * results from mode `aggregate`, in the same comment (one per pull request and `comment-key`), updated in place.
 */
import * as core from '@actions/core';
import type { CommentSettings } from './inputs.js';
import { upsertStickyComment } from './sticky-comment.js';

export async function postComment(settings: CommentSettings, body: string): Promise<void> {
  const footer =
    settings.runUrl !== null
      ? `\n\n---\n[The workflow run](${settings.runUrl}) · posted by orchestrator\n`
      : '\n';
  const result = await upsertStickyComment({
    token: settings.token,
    repository: settings.repository,
    number: settings.number,
    key: settings.key,
    body: `${body.trimEnd()}${footer}`,
    baseUrl: settings.apiUrl,
  });
  core.setOutput('comment-url', result.url);
  core.info(
    `${result.created ? 'Commented on' : 'Updated the comment on'} #${settings.number}: ${result.url}`,
  );
}
