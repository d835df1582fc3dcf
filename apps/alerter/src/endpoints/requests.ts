import type { Alert, AlerterEndpoint, EmailEndpoint, SeverityLevel } from '@monitor/domain';
import { alertText, formatAlert, headline } from './alert-text';
import type { EndpointRequest, FormatContext, RequestContext } from './endpoint';
import { LIMITS } from './limits';
import { truncate, truncateBytes } from './truncate';

export type HttpEndpoint = Exclude<AlerterEndpoint, EmailEndpoint>;

const NTFY_PRIORITY: Record<SeverityLevel, string> = { CRITICAL: '5', WARNING: '4', OK: '3' };
/** ntfy shows these tags as emojis before the title. */
const NTFY_TAGS: Record<SeverityLevel, string> = {
  CRITICAL: 'rotating_light',
  WARNING: 'warning',
  OK: 'white_check_mark',
};
const PUSHOVER_PRIORITY: Record<SeverityLevel, string> = { CRITICAL: '1', WARNING: '0', OK: '-1' };

/** Komodo's Alert as its API and its Custom alerter write it: `_id.$oid`, times in ms. */
export function komodoAlertJson(alert: Alert): Record<string, unknown> {
  const { id, ...rest } = alert;
  return { _id: { $oid: id }, ...rest };
}

/**
 * The HTTP request that delivers `alert` to `endpoint`, `[[VARIABLES]]` resolved; undefined when
 * Komodo sends nothing (an alert of type None).
 */
export function request(
  endpoint: HttpEndpoint,
  alert: Alert,
  ctx: RequestContext,
): EndpointRequest | undefined {
  if (alert.data.type === 'None') return undefined;
  switch (endpoint.type) {
    case 'Custom':
      return post(ctx.resolve(endpoint.params.url), JSON.stringify(komodoAlertJson(alert)), {
        'Content-Type': 'application/json',
        'Idempotency-Key': ctx.idempotencyKey,
      });
    case 'Slack':
      return json(ctx.resolve(endpoint.params.url), slackBody(alert, ctx));
    case 'Discord':
      return json(ctx.resolve(endpoint.params.url), {
        content: truncate(formatAlert(alert, ctx, 'discord'), LIMITS.discordContent),
        allowed_mentions: { parse: [] },
      });
    case 'Ntfy':
      return ntfy(endpoint.params, alert, ctx);
    case 'Pushover':
      return pushover(ctx.resolve(endpoint.params.url), alert, ctx);
    case 'Telegram': {
      const { url, bot_token, chat_id } = endpoint.params;
      const api = ctx.resolve(url).replace(/\/+$/, '');
      return json(`${api}/bot${ctx.resolve(bot_token)}/sendMessage`, {
        chat_id: ctx.resolve(chat_id),
        text: truncate(formatAlert(alert, ctx), LIMITS.telegramText),
        disable_web_page_preview: true,
      });
    }
  }
}

export interface EmailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** The e-mail that delivers `alert`: the headline as subject, Komodo's text as body. */
export function emailMessage(
  endpoint: EmailEndpoint,
  alert: Alert,
  ctx: FormatContext,
): EmailMessage | undefined {
  if (alert.data.type === 'None') return undefined;
  return {
    from: endpoint.params.from,
    to: endpoint.params.to,
    subject: truncate(headline(alertText(alert, ctx, 'plain')), LIMITS.emailSubject),
    text: formatAlert(alert, ctx),
  };
}

/**
 * Komodo's Slack layout: the level as header, what happened, the link; `text` for previews.
 * `&`, `<` and `>` are escaped as Slack asks, so a name like `<!channel>` pings no one.
 */
function slackBody(alert: Alert, ctx: FormatContext) {
  const text = alertText(alert, ctx, 'slack');
  const section = (body: string) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(slackEscape(body), LIMITS.slackSection) },
  });
  const header = truncate(text.level, LIMITS.slackHeader);
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: header, emoji: true } },
    section(text.body + text.after),
  ];
  if (text.link) blocks.push(section(text.link));
  return { text: truncate(slackEscape(headline(text)), LIMITS.slackSection), blocks };
}

function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function ntfy(params: { url: string; email?: string }, alert: Alert, ctx: RequestContext) {
  const link = alertText(alert, ctx, 'plain').link;
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain; charset=utf-8',
    Title: 'Monitor Alert',
    Priority: NTFY_PRIORITY[alert.level],
    Tags: NTFY_TAGS[alert.level],
  };
  if (params.email) headers.Email = ctx.resolve(params.email);
  if (link) headers.Click = link;
  return post(
    ctx.resolve(params.url),
    truncateBytes(formatAlert(alert, ctx), LIMITS.ntfyBytes),
    headers,
  );
}

/** Pushover's token and user stay in the url's query as in Komodo; they are sent in the form. */
function pushover(url: string, alert: Alert, ctx: FormatContext) {
  const parsed = new URL(url);
  const form = new URLSearchParams(parsed.search);
  const text = alertText(alert, ctx, 'plain');
  form.set('title', truncate(headline(text), LIMITS.pushoverTitle));
  form.set('message', truncate(formatAlert(alert, ctx), LIMITS.pushoverMessage));
  form.set('priority', PUSHOVER_PRIORITY[alert.level]);
  if (text.link) form.set('url', truncate(text.link, LIMITS.pushoverUrl));
  return post(`${parsed.origin}${parsed.pathname}`, form.toString(), {
    'Content-Type': 'application/x-www-form-urlencoded',
  });
}

function json(url: string, body: unknown): EndpointRequest {
  return post(url, JSON.stringify(body), { 'Content-Type': 'application/json' });
}

function post(url: string, body: string, headers: Record<string, string>): EndpointRequest {
  return { url, method: 'POST', headers, body };
}
