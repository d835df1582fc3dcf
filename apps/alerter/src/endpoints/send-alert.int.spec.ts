import type { AlerterEndpoint } from '@monitor/domain';
import { interpolate } from '@monitor/domain';
import {
  freePort,
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from '@monitor/testing';
import { EXAMPLES, LINK_BASE, expectedText } from './alert-examples.fixtures';
import { sendAlert, type SendContext } from './send-alert';

const TOKEN = 'tg-secret-7f3a9c21e4';
const PASSWORD = 'smtp-pass-b81d44e0';
const HOOK = 'hook-secret-55aa0c3e91';
const VARIABLES: Record<string, { value: string; isSecret: boolean }> = {
  TG_TOKEN: { value: TOKEN, isSecret: true },
  SMTP_PASSWORD: { value: PASSWORD, isSecret: true },
  HOOK: { value: HOOK, isSecret: true },
};
const ctx: SendContext = {
  linkBase: LINK_BASE,
  idempotencyKey: 'alert-1:alerter-1',
  resolve: (text) => interpolate(text, (name) => VARIABLES[name]).text,
};
const failure = EXAMPLES.find((e) => e.name === 'DeploymentDeployFailed')!;
const alert = failure.alert;
const plain = expectedText(failure.text, alert, 'plain');

let http: HttpReceiver;
let smtp: SmtpReceiver;
beforeEach(async () => {
  http = await startHttpReceiver();
  smtp = await startSmtpReceiver();
});
afterEach(async () => {
  await http.close();
  await smtp.close();
});

describe('each sender against its local receiver', () => {
  it('Custom POSTs the Alert JSON with the Idempotency-Key', async () => {
    const endpoint: AlerterEndpoint = { type: 'Custom', params: { url: `${http.url}/hook` } };
    expect(await sendAlert(endpoint, alert, ctx)).toEqual({ ok: true, status: 200 });
    const [req] = http.requests;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/hook');
    expect(req.headers['idempotency-key']).toBe('alert-1:alerter-1');
    expect(req.json).toEqual({ _id: { $oid: alert.id }, ...{ ...alert, id: undefined } });
  });

  it('Slack and Discord get their JSON at the resolved webhook url', async () => {
    const slack: AlerterEndpoint = {
      type: 'Slack',
      params: { url: `${http.url}/services/[[HOOK]]` },
    };
    const discord: AlerterEndpoint = {
      type: 'Discord',
      params: { url: `${http.url}/api/webhooks/1/x` },
    };
    expect((await sendAlert(slack, alert, ctx)).ok).toBe(true);
    expect((await sendAlert(discord, alert, ctx)).ok).toBe(true);
    expect(http.requests.map((r) => r.path)).toEqual([`/services/${HOOK}`, '/api/webhooks/1/x']);
    expect((http.requests[0].json as { text: string }).text).toBe(
      'CRITICAL 🚨 | Deployment *api* *deploy failed* ❌',
    );
    expect(http.requests[1].json).toEqual({
      content: expectedText(failure.text, alert, 'discord'),
      allowed_mentions: { parse: [] },
    });
  });

  it('Ntfy gets the text and its headers', async () => {
    const endpoint: AlerterEndpoint = {
      type: 'Ntfy',
      params: { url: `${http.url}/alerts`, email: 'ops@example.com' },
    };
    expect((await sendAlert(endpoint, alert, ctx)).ok).toBe(true);
    const [req] = http.requests;
    expect(req.body).toBe(plain);
    expect(req.headers).toMatchObject({
      title: 'Monitor Alert',
      priority: '5',
      tags: 'rotating_light',
      email: 'ops@example.com',
      click: `${LINK_BASE}/deployments/d1`,
    });
  });

  it('Pushover gets a form with the token and user of the url', async () => {
    const url = `${http.url}/1/messages.json?token=apptoken1&user=userkey1`;
    expect((await sendAlert({ type: 'Pushover', params: { url } }, alert, ctx)).ok).toBe(true);
    const [req] = http.requests;
    expect(req.path).toBe('/1/messages.json');
    expect(req.form).toMatchObject({
      token: 'apptoken1',
      user: 'userkey1',
      message: plain,
      priority: '1',
    });
  });

  it('Telegram calls sendMessage with the resolved bot token', async () => {
    const endpoint: AlerterEndpoint = {
      type: 'Telegram',
      params: { url: http.url, bot_token: '[[TG_TOKEN]]', chat_id: '-100200' },
    };
    expect((await sendAlert(endpoint, alert, ctx)).ok).toBe(true);
    expect(http.requests[0].path).toBe(`/bot${TOKEN}/sendMessage`);
    expect(http.requests[0].json).toEqual({
      chat_id: '-100200',
      text: plain,
      disable_web_page_preview: true,
    });
  });

  it('Email goes over SMTP, authenticated, with the headline as subject', async () => {
    const endpoint: AlerterEndpoint = {
      type: 'Email',
      params: {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        username: 'monitor',
        password: '[[SMTP_PASSWORD]]',
        from: 'monitor@example.com',
        to: ['ops@example.com', 'dev@example.com'],
      },
    };
    expect(await sendAlert(endpoint, alert, ctx)).toEqual({ ok: true });
    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({
      from: 'monitor@example.com',
      to: ['ops@example.com', 'dev@example.com'],
      user: 'monitor',
      subject: 'CRITICAL 🚨 | Deployment api deploy failed ❌',
      text: plain,
    });
  });
});

describe('failures are results, for the delivery policy', () => {
  const at = (url: string): AlerterEndpoint => ({ type: 'Custom', params: { url } });

  it('a 500 reports its status and the body', async () => {
    http.answer({ status: 500, body: 'database down' });
    expect(await sendAlert(at(http.url), alert, ctx)).toEqual({
      ok: false,
      status: 500,
      error: 'Custom: answered 500: database down',
    });
  });

  it("a 429's Retry-After reaches the result, in ms", async () => {
    http.answer({ status: 429, headers: { 'Retry-After': '7' } });
    expect(await sendAlert(at(http.url), alert, ctx)).toMatchObject({
      ok: false,
      status: 429,
      retryAfter: 7000,
    });
  });

  it('a receiver that never answers is a timeout', async () => {
    http.answer({ hang: true });
    const started = Date.now();
    const result = await sendAlert(at(http.url), alert, { ...ctx, timeoutMs: 300 });
    expect(result).toEqual({ ok: false, error: 'Custom: no answer within 300 ms' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(http.requests).toHaveLength(1);
  });

  it('a socket closed after the body was read is an error, the body received', async () => {
    http.answer({ drop: true });
    const result = await sendAlert(at(http.url), alert, ctx);
    expect(result.ok).toBe(false);
    expect(result.status).toBeUndefined();
    expect(result.error).toBe('Custom: fetch failed: other side closed');
    expect(http.requests).toHaveLength(1);
  });

  it('a refused connection is an error', async () => {
    const port = await freePort();
    const result = await sendAlert(at(`http://127.0.0.1:${port}/x`), alert, ctx);
    expect(result).toEqual({
      ok: false,
      error: `Custom: fetch failed: connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });

  it('an unknown variable fails the send, naming it', async () => {
    const result = await sendAlert(at(`${http.url}/[[NOPE]]`), alert, ctx);
    expect(result).toEqual({ ok: false, error: "Custom: unknown variable 'NOPE'" });
    expect(http.requests).toHaveLength(0);
  });
});

describe('secrets never reach an error', () => {
  it('a token echoed by the receiver is masked', async () => {
    const endpoint: AlerterEndpoint = {
      type: 'Telegram',
      params: { url: http.url, bot_token: '[[TG_TOKEN]]', chat_id: '1' },
    };
    http.answer({
      status: 401,
      body: `bad token ${TOKEN} in /bot${encodeURIComponent(TOKEN)}/sendMessage`,
    });
    const result = await sendAlert(endpoint, alert, ctx);
    expect(result.status).toBe(401);
    expect(result.error).toContain('*****');
    expect(result.error).not.toContain(TOKEN);
    expect(result.error).not.toContain(TOKEN.slice(3));
  });

  it('a webhook url quoted whole is masked, its secret path too', async () => {
    const url = `${http.url}/services/[[HOOK]]`;
    http.answer(
      { status: 404, body: `no such hook: ${http.url}/services/${HOOK}` },
      { status: 404, body: HOOK },
    );
    const whole = await sendAlert({ type: 'Slack', params: { url } }, alert, ctx);
    const part = await sendAlert({ type: 'Slack', params: { url } }, alert, ctx);
    for (const result of [whole, part]) {
      expect(result.ok).toBe(false);
      expect(result.error).not.toContain(HOOK);
    }
  });

  it('an SMTP failure names no password', async () => {
    const port = await freePort();
    const endpoint: AlerterEndpoint = {
      type: 'Email',
      params: {
        host: '127.0.0.1',
        port,
        security: 'none',
        username: 'monitor',
        password: '[[SMTP_PASSWORD]]',
        from: 'monitor@example.com',
        to: ['ops@example.com'],
      },
    };
    const result = await sendAlert(endpoint, alert, { ...ctx, timeoutMs: 2000 });
    expect(result.ok).toBe(false);
    expect(result.error).toBe(`Email: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });
});
