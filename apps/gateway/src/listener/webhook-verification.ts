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

/** What kind of event the provider says this is (`push`, `ping`, ...), lowercase. */
export function webhookEvent(provider: GitProvider, headers: Headers): string {
  const name =
    provider === 'github' ? header(headers, 'x-github-event') : header(headers, 'x-gitlab-event');
  // GitLab names events "Push Hook", "Tag Push Hook"...
  return (name ?? 'push')
    .toLowerCase()
    .replace(/ hook$/, '')
    .replace(/ /g, '_');
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
