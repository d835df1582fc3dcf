import { failedSend } from './send-outcome';

describe('failedSend: a send result as the retry policy reads it', () => {
  it.each([
    [
      'SMTP 421 (busy): retried as a timeout',
      { ok: false, smtpCode: 421, error: 'e' },
      { error: 'e' },
    ],
    [
      'SMTP 550 (no such mailbox): given up',
      { ok: false, smtpCode: 550, error: 'e' },
      { error: 'e', permanent: 'the mail server refused it (SMTP 550)' },
    ],
    ['HTTP 503: its status', { ok: false, status: 503, error: 'e' }, { status: 503, error: 'e' }],
    [
      'HTTP 429 with Retry-After 1.5 s: whole seconds, rounded up',
      { ok: false, status: 429, retryAfter: 1500, error: 'e' },
      { status: 429, retryAfter: '2', error: 'e' },
    ],
    ['a timeout: no status', { ok: false, error: 'timed out' }, { error: 'timed out' }],
  ])('%s', (_name, result, expected) => {
    expect(failedSend(result)).toEqual(expected);
  });
});
