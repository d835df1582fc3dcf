import { request as httpRequest, type IncomingMessage } from 'node:http';
import { AgentError } from './agent-error';
import { signingKey, signRequest } from './request-signature';
import { NDJSON, readStreamedAnswer, type AgentOutputFrame } from './streamed-answer';
import { connectAgentTls, PinMismatch } from './tls-connection';

export interface AgentAddress {
  /** `http://host:port` or `https://host:port`. */
  address: string;
  /** The plaintext passkey, opened just for this call: it signs the request, it is not sent. */
  passkey: string;
  /** Accept a self-signed certificate (the agent's generated one); pinning still applies. */
  insecureTls: boolean;
  /** SHA-256 fingerprint the certificate must have, once pinned. */
  pinnedFingerprint?: string;
}

export interface AgentAnswer<T> {
  body: T;
  /** The certificate's fingerprint, for https: what to pin at the first contact. */
  fingerprint?: string;
}

const MAX_ANSWER = 64 * 1024 * 1024;

/**
 * Calls one request on an agent (`POST /` with `{ type, params }`, signed with the passkey in
 * `authorization`: see request-signature.ts), with a timeout on the whole call, so one slow
 * agent never holds up a poll of the others.
 */
export function callAgent<T>(
  agent: AgentAddress,
  type: string,
  params: unknown,
  timeoutMs: number,
): Promise<AgentAnswer<T>> {
  return requestAgent(agent, type, params, timeoutMs);
}

/**
 * As callAgent, asking the agent to stream: each line the request's commands print goes to
 * `onOutput` as it is printed, and the call resolves to the same answer. `timeoutMs` is then the
 * longest wait for the next frame, not for the whole call: long work that prints stays alive.
 */
export function callAgentStreaming<T>(
  agent: AgentAddress,
  type: string,
  params: unknown,
  timeoutMs: number,
  onOutput: (frame: AgentOutputFrame) => void,
): Promise<AgentAnswer<T>> {
  return requestAgent(agent, type, params, timeoutMs, onOutput);
}

function requestAgent<T>(
  agent: AgentAddress,
  type: string,
  params: unknown,
  timeoutMs: number,
  onOutput?: (frame: AgentOutputFrame) => void,
): Promise<AgentAnswer<T>> {
  let url: URL;
  try {
    url = new URL(agent.address);
  } catch {
    return Promise.reject(
      new AgentError(
        'UNREACHABLE',
        `address '${agent.address}' is not a URL (e.g. http://10.0.0.5:8120)`,
      ),
    );
  }
  const body = JSON.stringify({ type, params });
  const https = url.protocol === 'https:';
  const deadline = Date.now() + timeoutMs;
  // The key is derived (once per passkey) while connecting; a failure shows when signing below.
  signingKey(agent.passkey).catch(() => undefined);
  // For https the TLS connection is made (and the certificate checked) before any byte of the
  // request, signature included, is written.
  const connection = https
    ? connectAgentTls({
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(url.port || 443),
        insecureTls: agent.insecureTls,
        fingerprint256: agent.pinnedFingerprint,
        timeoutMs,
      }).catch((error: Error) => {
        throw error instanceof PinMismatch
          ? new AgentError('CERTIFICATE', error.message)
          : unreachable(error);
      })
    : Promise.resolve(undefined);
  const path = `${url.pathname}${url.search}`;
  return connection.then(async (tls) => {
    // Signed once connected, so the time signed is the time sent.
    const authorization = await signRequest(agent.passkey, { method: 'POST', path, body }).catch(
      (error: Error) => {
        tls?.socket.destroy();
        throw new AgentError('AGENT', `could not sign the request: ${error.message}`);
      },
    );
    return new Promise<AgentAnswer<T>>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const wait = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(
          () => req.destroy(new AgentError('UNREACHABLE', `no answer within ${timeoutMs} ms`)),
          ms,
        );
      };
      // Options rather than the URL: an https URL is refused by http.request, though the
      // connection below is TLS.
      const req = httpRequest(
        {
          host: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port || (https ? 443 : 80),
          path,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization,
            ...(onOutput ? { accept: `${NDJSON}, application/json` } : {}),
          },
          ...(tls ? { createConnection: () => tls.socket } : {}),
        },
        (res) => {
          const streamed = onOutput && res.headers['content-type']?.startsWith(NDJSON);
          const read = streamed
            ? readStreamedAnswer<T>(res, type, onOutput, () => wait(timeoutMs))
            : readAnswer<T>(res, type);
          read.then(
            (answer) => resolve({ body: answer, fingerprint: tls?.fingerprint256 }),
            reject,
          );
        },
      );
      wait(Math.max(1, deadline - Date.now()));
      req.on('close', () => clearTimeout(timer));
      req.on('error', (error) => reject(error instanceof AgentError ? error : unreachable(error)));
      req.end(body);
    });
  });
}

function readAnswer<T>(res: IncomingMessage, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER)
        res.destroy(new AgentError('AGENT', `the answer to ${type} is larger than 64 MiB`));
      else chunks.push(chunk);
    });
    res.on('error', reject);
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        return reject(
          new AgentError(
            'AGENT',
            `the agent answered ${type} with something that is not JSON`,
            res.statusCode,
          ),
        );
      }
      const status = res.statusCode ?? 0;
      if (status === 200) return resolve(parsed as T);
      const message = (parsed as { error?: string }).error ?? `status ${status}`;
      if (status === 401)
        return reject(
          new AgentError('REFUSED', `the agent refused the passkey: ${message}`, status),
        );
      if (status === 403)
        return reject(
          new AgentError('REFUSED', `the agent refused our address: ${message}`, status),
        );
      reject(new AgentError('AGENT', `${type}: ${message}`, status));
    });
  });
}

function unreachable(error: Error & { code?: string }): AgentError {
  const why: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the agent running?)',
    ENOTFOUND: 'host not found',
    EHOSTUNREACH: 'host unreachable',
    ECONNRESET: 'connection reset',
  };
  if ((error.code && error.code.startsWith('ERR_TLS')) || /certificate/i.test(error.message)) {
    return new AgentError('CERTIFICATE', `TLS: ${error.message}`);
  }
  return new AgentError('UNREACHABLE', (error.code && why[error.code]) ?? error.message);
}
