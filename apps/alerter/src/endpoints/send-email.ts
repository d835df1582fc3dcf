import type { Alert, EmailEndpoint } from '@monitor/domain';
import { createTransport } from 'nodemailer';
import type { RequestContext } from './endpoint';
import { emailMessage } from './requests';

interface EmailContext extends RequestContext {
  timeoutMs: number;
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
    host: ctx.resolve(host),
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
    const text = error instanceof Error ? error.message : String(error);
    return { ...failed(text), ...(typeof code === 'number' ? { smtpCode: code } : {}) };
  } finally {
    transport.close();
  }
}
