import { createHmac } from 'node:crypto';
import { deliveryId, pushedBranch, webhookAuthProblem, webhookEvent } from './webhook-verification';

const body = Buffer.from('{"ref":"refs/heads/main"}');
const signature = (secret: string, bytes = body) =>
  `sha256=${createHmac('sha256', secret).update(bytes).digest('hex')}`;

describe('webhook verification', () => {
  it.each([
    ['right signature', { 'x-hub-signature-256': signature('s3cret') }, undefined],
    ['no header', {}, 'the X-Hub-Signature-256 header is missing'],
    ['other secret', { 'x-hub-signature-256': signature('other') }, 'signature is wrong'],
    ['other bytes', { 'x-hub-signature-256': signature('s3cret', Buffer.from('{}')) }, 'wrong'],
    ['truncated', { 'x-hub-signature-256': signature('s3cret').slice(0, 20) }, 'wrong'],
    [
      'sha1 form',
      { 'x-hub-signature-256': signature('s3cret').replace('sha256=', 'sha1=') },
      'wrong',
    ],
  ])('GitHub: %s', (_case, headers, problem) => {
    const answer = webhookAuthProblem('github', headers, body, 's3cret');
    if (problem === undefined) expect(answer).toBeUndefined();
    else expect(answer).toContain(problem);
  });

  it.each([
    ['right token', { 'x-gitlab-token': 's3cret' }, undefined],
    ['no header', {}, 'the X-Gitlab-Token header is missing'],
    ['wrong token', { 'x-gitlab-token': 's3cre' }, 'the X-Gitlab-Token is wrong'],
    ['a GitHub signature', { 'x-hub-signature-256': signature('s3cret') }, 'missing'],
  ])('GitLab: %s', (_case, headers, problem) => {
    expect(webhookAuthProblem('gitlab', headers, body, 's3cret')).toEqual(
      problem === undefined ? undefined : expect.stringContaining(problem),
    );
  });

  it('reads the event and the pushed branch of both providers', () => {
    expect(webhookEvent('github', { 'x-github-event': 'ping' })).toBe('ping');
    expect(webhookEvent('gitlab', { 'x-gitlab-event': 'Tag Push Hook' })).toBe('tag_push');
    expect(webhookEvent('gitlab', { 'x-gitlab-event': 'Push Hook' })).toBe('push');
    expect(webhookEvent('github', {})).toBeUndefined();
    expect(webhookEvent('gitlab', { 'x-gitlab-event': ' ' })).toBeUndefined();
    expect(deliveryId('github', { 'x-github-delivery': 'd-1' })).toBe('d-1');
    expect(deliveryId('gitlab', { 'x-gitlab-event-uuid': 'u-1' })).toBe('u-1');
    expect(deliveryId('github', {})).toBeUndefined();
    expect(pushedBranch({ ref: 'refs/heads/feature/x' })).toBe('feature/x');
    expect(pushedBranch({ ref: 'refs/tags/v1' })).toBeUndefined();
    expect(pushedBranch(null)).toBeUndefined();
  });
});
