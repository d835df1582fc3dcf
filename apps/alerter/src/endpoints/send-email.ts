import type { Alert, EmailEndpoint } from '@monitor/domain';
import { createTransport } from 'nodemailer';
import { describeError } from './describe-error';
import type { RequestContext } from './endpoint';
import { emailMessage } from './requests';

interface EmailContext extends RequestContext {
  timeoutMs: number;
  /** Resolves what is no secret: the host stays readable in errors. */
  resolveOpen: (text: string) => string;
}

interface EmailResult {
  ok: boolean;
  smtpCode?: number;
  error?: string;
}

/**
 * Sends the alert's e-mail over SMTP: `tls` from the first byte, `starttls` required, `none`
 * never upgrading; authenticated only when a username is set. `failed` masks the error text.
 */
export async function sendEmail(
  endpoint: EmailEndpoint,
  alert: Alert,
  ctx: EmailContext,
  failed: (message: string) => { ok: false; error: string },
): Promise<EmailResult> {
  const message = emailMessage(endpoint, alert, ctx);
  if (!message) return { ok: true };
  const { host, port, security, username, password } = endpoint.params;
  const user = username ? ctx.resolve(username) : '';
  const transport = createTransport({
    host: ctx.resolveOpen(host),
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'none',
    auth: user ? { user, pass: ctx.resolve(password) } : undefined,
    connectionTimeout: ctx.timeoutMs,
    greetingTimeout: ctx.timeoutMs,
    socketTimeout: ctx.timeoutMs,
  });
  try {
    await transport.sendMail(message);
    return { ok: true };
  } catch (error) {
    const code = (error as { responseCode?: unknown }).responseCode;
    return {
      ...failed(describeError(error, ctx.timeoutMs)),
      ...(typeof code === 'number' ? { smtpCode: code } : {}),
    };
  } finally {
    transport.close();
  }
}
