import { X509Certificate } from 'node:crypto';

export interface AgentCertificatePems {
  /** PKCS#8 PEM of the P-256 private key. */
  keyPem: string;
  certPem: string;
  /** As tls-connection.ts compares a peer's: `AB:CD:...`, upper case. */
  fingerprint256: string;
}

export interface AgentCertificateNames {
  /** The subject's common name. */
  commonName: string;
  /** DNS names and IP addresses the certificate names (subjectAltName). */
  dnsNames?: readonly string[];
  ips?: readonly string[];
  /** How long it is valid; ten years by default (it is pinned, not trusted through a CA). */
  days?: number;
}

/**
 * A self-signed P-256 key and certificate for an agent: what it generates at its first start,
 * and what a launch hands a new server's agent so that the Server's pin is known before the
 * machine boots. Node cannot write X.509 itself: `selfsigned` (@peculiar/x509 underneath) does,
 * loaded only when a pair is made (it holds megabytes the agent must not keep).
 */
export async function generateAgentCertificate(
  names: AgentCertificateNames,
): Promise<AgentCertificatePems> {
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: names.commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + (names.days ?? 3650) * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...(names.dnsNames ?? []).map((value) => ({ type: 2 as const, value })),
          ...(names.ips ?? []).map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return {
    keyPem: pems.private,
    certPem: pems.cert,
    fingerprint256: certificateFingerprint(pems.cert),
  };
}

/** A PEM certificate's SHA-256 fingerprint, as Node reports a peer's (`AB:CD:...`). */
export function certificateFingerprint(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}
