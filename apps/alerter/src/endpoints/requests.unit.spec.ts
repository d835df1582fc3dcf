import type { Alert, AlerterEndpoint, SeverityLevel } from '@monitor/domain';
import { EXAMPLES, LINK_BASE, expectedText, linkOf } from './alert-examples.fixtures';
import { emailMessage, request, type HttpEndpoint } from './requests';

const VARIABLES: Record<string, string> = { HOOK: 'T0001/B0002/secretpath', TG_TOKEN: '123:ABC' };
const ctx = {
  linkBase: LINK_BASE,
  idempotencyKey: 'alert-1:alerter-1',
  resolve: (text: string) => text.replace(/\[\[(\w+)\]\]/g, (_m, name: string) => VARIABLES[name]),
};
const LEVEL: Record<SeverityLevel, string> = {
  CRITICAL: 'CRITICAL 🚨',
  WARNING: 'WARNING ‼️',
  OK: 'OK ✅',
};

const endpoints = {
  Custom: { type: 'Custom', params: { url: 'https://hooks.example/custom' } },
  Slack: { type: 'Slack', params: { url: 'https://hooks.slack.com/services/[[HOOK]]' } },
  Discord: { type: 'Discord', params: { url: 'https://discord.com/api/webhooks/1/tok' } },
  Ntfy: { type: 'Ntfy', params: { url: 'https://ntfy.example/alerts', email: 'ops@example.com' } },
  Pushover: {
    type: 'Pushover',
    params: { url: 'https://api.pushover.net/1/messages.json?token=apptoken&user=userkey' },
  },
  Telegram: {
    type: 'Telegram',
    params: { url: 'https://tg.example/', bot_token: '[[TG_TOKEN]]', chat_id: '-100200' },
  },
} satisfies Record<string, HttpEndpoint>;

const email: Extract<AlerterEndpoint, { type: 'Email' }> = {
  type: 'Email',
  params: {
    host: 'smtp.example',
    port: 587,
    security: 'starttls',
    username: '',
    password: '',
    from: 'monitor@example.com',
    to: ['ops@example.com'],
  },
};

const firstLine = (text: string) => text.split('\n')[0];
const bodyOf = (req: ReturnType<typeof request>) => JSON.parse(req!.body);

describe.each(EXAMPLES)('$name', ({ alert, text }) => {
  const plain = expectedText(text, alert, 'plain');
  const link = linkOf(alert) ?? undefined;
  const json = { 'Content-Type': 'application/json' };

  it('Custom: POSTs the Alert JSON as Komodo writes it, with the idempotency key', () => {
    const req = request(endpoints.Custom, alert, ctx)!;
    expect({ ...req, body: undefined }).toEqual({
      url: 'https://hooks.example/custom',
      method: 'POST',
      headers: { ...json, 'Idempotency-Key': 'alert-1:alerter-1' },
      body: undefined,
    });
    const { id, ...rest } = alert;
    expect(JSON.parse(req.body)).toEqual({ _id: { $oid: id }, ...rest });
    expect(Object.keys(JSON.parse(req.body))).toEqual([
      '_id',
      'ts',
      'resolved',
      'level',
      'target',
      'data',
    ]);
  });

  it('Slack: the level as header, what happened, the link', () => {
    const slack = expectedText(text, alert, 'slack');
    const leveled = slack.startsWith(LEVEL[alert.level]);
    const section = slack
      .replace(leveled ? `${LEVEL[alert.level]} | ` : '', '')
      .replace(`\n${link}`, '');
    const mrkdwn = (t: string) => ({ type: 'section', text: { type: 'mrkdwn', text: t } });
    const req = request(endpoints.Slack, alert, ctx)!;
    expect(req.url).toBe('https://hooks.slack.com/services/T0001/B0002/secretpath');
    expect(req.headers).toEqual(json);
    expect(bodyOf(req)).toEqual({
      text: firstLine(slack),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: LEVEL[alert.level], emoji: true } },
        mrkdwn(section),
        ...(link ? [mrkdwn(link)] : []),
      ],
    });
  });

  it('Discord: content in Discord markdown, no mention parsed', () => {
    const req = request(endpoints.Discord, alert, ctx)!;
    expect(req.url).toBe('https://discord.com/api/webhooks/1/tok');
    expect(bodyOf(req)).toEqual({
      content: expectedText(text, alert, 'discord'),
      allowed_mentions: { parse: [] },
    });
  });

  it('Ntfy: text body, title, priority and tag from the level, e-mail, click', () => {
    const priority = { CRITICAL: '5', WARNING: '4', OK: '3' }[alert.level];
    const tags = { CRITICAL: 'rotating_light', WARNING: 'warning', OK: 'white_check_mark' }[
      alert.level
    ];
    expect(request(endpoints.Ntfy, alert, ctx)).toEqual({
      url: 'https://ntfy.example/alerts',
      method: 'POST',
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        Title: 'Monitor Alert',
        Priority: priority,
        Tags: tags,
        Email: 'ops@example.com',
        ...(link ? { Click: link } : {}),
      },
      body: plain,
    });
  });

  it('Pushover: a form with the token and user of the url', () => {
    const req = request(endpoints.Pushover, alert, ctx)!;
    expect(req.url).toBe('https://api.pushover.net/1/messages.json');
    expect(req.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      token: 'apptoken',
      user: 'userkey',
      title: firstLine(plain),
      message: plain,
      priority: { CRITICAL: '1', WARNING: '0', OK: '-1' }[alert.level],
      ...(link ? { url: link } : {}),
    });
  });

  it('Telegram: sendMessage with the resolved bot token', () => {
    const req = request(endpoints.Telegram, alert, ctx)!;
    expect(req.url).toBe('https://tg.example/bot123:ABC/sendMessage');
    expect(bodyOf(req)).toEqual({
      chat_id: '-100200',
      text: plain,
      disable_web_page_preview: true,
    });
  });

  it('Email: the headline as subject, the text as body', () => {
    expect(emailMessage(email, alert, ctx)).toEqual({
      from: 'monitor@example.com',
      to: ['ops@example.com'],
      subject: firstLine(plain),
      text: plain,
    });
  });
});

describe('what is not sent, and what is cut', () => {
  const none: Alert = { ...EXAMPLES[0].alert, data: { type: 'None', data: {} } };
  const custom = (message: string, details: string): Alert => ({
    ...EXAMPLES[0].alert,
    target: { type: 'System', id: '' },
    data: { type: 'Custom', data: { message, details } },
  });
  const long = custom('x'.repeat(300), '🚨'.repeat(3000));

  it('Slack: a name that is a Slack command is escaped, Discord: mentions stay off', () => {
    const ping = custom('<!channel> & @everyone', '<@U123>');
    expect(bodyOf(request(endpoints.Slack, ping, ctx))).toEqual({
      text: 'OK ✅ | &lt;!channel&gt; &amp; @everyone',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'OK ✅', emoji: true } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '&lt;!channel&gt; &amp; @everyone\n&lt;@U123&gt;' },
        },
      ],
    });
    expect(bodyOf(request(endpoints.Discord, ping, ctx)).allowed_mentions).toEqual({ parse: [] });
  });

  it('an alert of type None sends nothing on any endpoint, as in Komodo', () => {
    for (const endpoint of Object.values(endpoints))
      expect(request(endpoint, none, ctx)).toBeUndefined();
    expect(emailMessage(email, none, ctx)).toBeUndefined();
  });

  it.each([
    ['Discord content', () => bodyOf(request(endpoints.Discord, long, ctx)).content, 2000],
    ['Slack section', () => bodyOf(request(endpoints.Slack, long, ctx)).blocks[1].text.text, 3000],
    ['Telegram text', () => bodyOf(request(endpoints.Telegram, long, ctx)).text, 4096],
    [
      'Pushover message',
      () => new URLSearchParams(request(endpoints.Pushover, long, ctx)!.body).get('message'),
      1024,
    ],
    [
      'Pushover title',
      () => new URLSearchParams(request(endpoints.Pushover, long, ctx)!.body).get('title'),
      250,
    ],
    ['email subject', () => emailMessage(email, long, ctx)!.subject, 200],
  ])('%s is cut to %s', (_name, get, limit) => {
    const value = get() as string;
    expect(value.length).toBeLessThanOrEqual(limit);
    expect(value.length).toBeGreaterThan(limit - 3);
    expect(value.endsWith('…')).toBe(true);
    expect(value).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('an ntfy body is cut to 4,096 bytes', () => {
    const body = request(endpoints.Ntfy, long, ctx)!.body;
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(body)).toBeGreaterThan(4096 - 4);
    expect(body.endsWith('…')).toBe(true);
  });
});
