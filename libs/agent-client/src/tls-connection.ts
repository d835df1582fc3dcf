import { connect, type TLSSocket } from 'node:tls';

export interface AgentTlsOptions {
  host: string;
  port: number;
  /** Accept a certificate no CA vouches for (the agent's self-signed one). */
  insecureTls: boolean;
  /** When set, the certificate must have this SHA-256 fingerprint. */
  fingerprint256?: string;
  timeoutMs?: number;
}

/**
 * A TLS connection to an agent, handed over only once the certificate is trusted: by a CA, or
 * (self-signed) by its pinned fingerprint. Nothing, not even the passkey, is sent before that,
 * so an impostor learns nothing. Use the socket as an http request's `createConnection`.
 */
export function connectAgentTls(
  options: AgentTlsOptions,
): Promise<{ socket: TLSSocket; fingerprint256: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: options.host,
      port: options.port,
      servername: isIpLiteral(options.host) ? undefined : options.host,
      rejectUnauthorized: !options.insecureTls,
    });
    socket.setTimeout(options.timeoutMs ?? 10_000, () =>
      socket.destroy(new Error(`TLS connection to ${options.host}:${options.port} timed out`)),
    );
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      const actual = socket.getPeerCertificate().fingerprint256 ?? '';
      const pinned = options.fingerprint256;
      if (pinned && actual.toUpperCase() !== pinned.toUpperCase()) {
        socket.destroy();
        reject(
          new PinMismatch(
            `the agent at ${options.host}:${options.port} presented certificate ${actual || '(none)'}, not the pinned ${pinned}`,
          ),
        );
        return;
      }
      socket.setTimeout(0);
      socket.removeListener('error', reject);
      resolve({ socket, fingerprint256: actual });
    });
  });
}

/** Only a certificate with this fingerprint is accepted (self-signed agents). */
export async function connectPinned(options: {
  host: string;
  port: number;
  fingerprint256: string;
  timeoutMs?: number;
}) {
  return (await connectAgentTls({ ...options, insecureTls: true })).socket;
}

export class PinMismatch extends Error {}

const isIpLiteral = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');
