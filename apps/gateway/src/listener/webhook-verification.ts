import { createHmac, timingSafeEqual } from 'node:crypto';

export type GitProvider = 'github' | 'gitlab';

type Headers = Record<string, string | string[] | undefined>;

/** Why a webhook is refused, or undefined when its signature or token is right. */
export function webhookAuthProblem(
  provider: GitProvider,
  headers: Headers,
  rawBody: Buffer,
  secret: string,
): string | undefined {
  if (provider === 'github') {
    const signature = header(headers, 'x-hub-signature-256');
    if (!signature) return 'the X-Hub-Signature-256 header is missing';
    const expected = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
    return sameText(signature, expected) ? undefined : 'the X-Hub-Signature-256 signature is wrong';
  }
  const token = header(headers, 'x-gitlab-token');
  if (!token) return 'the X-Gitlab-Token header is missing';
  return sameText(token, secret) ? undefined : 'the X-Gitlab-Token is wrong';
}

/** The header naming the event, which every delivery of the provider carries. */
export const EVENT_HEADER: Record<GitProvider, string> = {
  github: 'X-GitHub-Event',
  gitlab: 'X-Gitlab-Event',
};

/** The header identifying one delivery (GitHub keeps it on a redelivery). */
const DELIVERY_HEADER: Record<GitProvider, string> = {
  github: 'x-github-delivery',
  gitlab: 'x-gitlab-event-uuid',
};

/**
 * What kind of event the provider says this is (`push`, `ping`, ...), lowercase; undefined when
 * the header is missing, which no real delivery does: such a request is refused, not taken for
 * a push.
 */
export function webhookEvent(provider: GitProvider, headers: Headers): string | undefined {
  const name = header(headers, EVENT_HEADER[provider].toLowerCase())?.trim();
  // GitLab names events "Push Hook", "Tag Push Hook"...
  return name
    ? name
        .toLowerCase()
        .replace(/ hook$/, '')
        .replace(/ /g, '_')
    : undefined;
}

/** The provider's id of this delivery, when it sent one. */
export function deliveryId(provider: GitProvider, headers: Headers): string | undefined {
  return header(headers, DELIVERY_HEADER[provider])?.trim() || undefined;
}

/** The branch a push payload (GitHub's or GitLab's, both carry `ref`) was pushed to. */
export function pushedBranch(payload: unknown): string | undefined {
  const ref = (payload as { ref?: unknown } | null)?.ref;
  return typeof ref === 'string' && ref.startsWith('refs/heads/')
    ? ref.slice('refs/heads/'.length)
    : undefined;
}

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Constant-time comparison, so the answer's timing does not tell how much of it was right. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
