import { createHmac, randomBytes } from 'node:crypto';

/**
 * Webhook deliveries as the git providers send them, for the `/listener/...` routes: GitHub's
 * body signed with HMAC-SHA256 in `X-Hub-Signature-256`, GitLab's secret sent as it is in
 * `X-Gitlab-Token`, and push bodies for a branch and commit.
 */

/** A commit id as a push names it, when the test has no real commit to name. */
export const anyCommit = () => randomBytes(20).toString('hex');

/** A fresh `X-GitHub-Delivery` id (GitHub keeps one per delivery, also on a redelivery). */
export const newDelivery = () => randomBytes(8).toString('hex');

/** GitHub's `X-Hub-Signature-256` of a body under the webhook secret. */
export const githubSignature = (body: string, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** A GitHub push of `commit` to `branch`; `more` adds fields (repository, pusher, ...). */
export const githubPush = (branch: string, commit = anyCommit(), more: object = {}) =>
  JSON.stringify({ ref: `refs/heads/${branch}`, after: commit, ...more });

/** A GitLab push of `commit` to `branch`; `more` adds fields (project, event_name, ...). */
export const gitlabPush = (branch: string, commit = anyCommit(), more: object = {}) =>
  JSON.stringify({
    object_kind: 'push',
    ref: `refs/heads/${branch}`,
    checkout_sha: commit,
    ...more,
  });

/**
 * The headers of a GitHub push delivery of `body`, signed with `secret`; with the delivery id
 * when one is given (GitHub always sends one; a test of the listener without it omits it).
 */
export function githubPushHeaders(
  body: string,
  secret: string,
  delivery?: string,
): Record<string, string> {
  return {
    'x-github-event': 'push',
    ...(delivery === undefined ? {} : { 'x-github-delivery': delivery }),
    'x-hub-signature-256': githubSignature(body, secret),
  };
}

/** The headers of a GitLab push delivery carrying `token` (GitLab's "secret token"). */
export const gitlabPushHeaders = (token: string): Record<string, string> => ({
  'x-gitlab-event': 'Push Hook',
  'x-gitlab-token': token,
});

/** POSTs a delivery to the listener at `url` (`<base>/listener/<provider>/...`) as JSON. */
export const deliver = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
