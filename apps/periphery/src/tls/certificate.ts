import {
  certificateFingerprint as fingerprintOf,
  generateAgentCertificate,
} from '@monitor/agent-client';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigError } from '@monitor/process';
import type { PeripheryConfig } from '../config';

export interface AgentCertificate {
  key: string;
  cert: string;
  keyFile: string;
  certFile: string;
  /** True when this start made them. */
  generated: boolean;
}

export function certificatePaths(config: PeripheryConfig): { keyFile: string; certFile: string } {
  const dir = join(config.root_directory, 'ssl');
  return {
    keyFile: config.ssl_key_file || join(dir, 'key.pem'),
    certFile: config.ssl_cert_file || join(dir, 'cert.pem'),
  };
}

/**
 * The agent's TLS key and certificate: read from the configured files, or, when neither exists,
 * a self-signed pair generated on first start and kept there (key mode 0600), so its fingerprint
 * stays the same across restarts and the core can pin it. One file without the other is refused
 * rather than overwritten: it may be a real key someone put there.
 */
export async function ensureCertificate(config: PeripheryConfig): Promise<AgentCertificate> {
  const { keyFile, certFile } = certificatePaths(config);
  const haveKey = existsSync(keyFile);
  const haveCert = existsSync(certFile);
  if (haveKey !== haveCert) {
    throw new ConfigError(
      `TLS: ${haveKey ? certFile : keyFile} is missing while ${haveKey ? keyFile : certFile} exists; ` +
        'provide both, or remove both to have the agent generate a self-signed pair',
    );
  }
  if (haveKey) {
    return {
      key: readFileSync(keyFile, 'utf8'),
      cert: readFileSync(certFile, 'utf8'),
      keyFile,
      certFile,
      generated: false,
    };
  }
  const host = hostname();
  const pems = await generateAgentCertificate({
    commonName: host,
    dnsNames: [host, 'localhost'],
    ips: ['127.0.0.1', '::1'],
  });
  for (const file of [keyFile, certFile])
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(keyFile, pems.keyPem, { mode: 0o600 });
  chmodSync(keyFile, 0o600); // in case a umask or an existing file left it wider
  writeFileSync(certFile, pems.certPem, { mode: 0o644 });
  return { key: pems.keyPem, cert: pems.certPem, keyFile, certFile, generated: true };
}

/**
 * The certificate's SHA-256 fingerprint as Node reports a peer's (`AB:CD:...`), for the core
 * to pin: compare it with `socket.getPeerCertificate().fingerprint256`.
 */
export const certificateFingerprint = fingerprintOf;
