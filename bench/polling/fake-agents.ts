import { createServer, type Server } from 'node:http';
import { createRequestVerifier } from '@monitor/agent-client';

/**
 * N simulated agents on 127.0.0.1, in a process of their own so their CPU is not counted as the
 * poller's. Prints the ports as one JSON line, then serves until killed.
 */
const count = Number(process.argv[2] ?? 50);
const passkey = process.argv[3] ?? 'bench-passkey';

const stats = JSON.stringify({
  cpu_perc: 12.5,
  load_average: { one: 0.5, five: 0.4, fifteen: 0.3 },
  mem_used_gb: 3.2,
  mem_total_gb: 16,
  disks: [{ mount: '/', file_system: 'ext4', used_gb: 40, total_gb: 100 }],
  network_ingress_bytes: 1000,
  network_egress_bytes: 2000,
});

/** The real agent's check of signed requests, so the poller pays for signing as it would. */
function agent(): Promise<Server> {
  const verifier = createRequestVerifier([passkey]);
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const header = verifier.checkHeader(
          req.headers.authorization,
          req.method ?? '',
          req.url ?? '',
        );
        const refusal = header.ok ? verifier.checkBody(header.bodyDigest, body) : header;
        if (refusal) {
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: refusal.message }));
          return;
        }
        const type = (JSON.parse(body) as { type: string }).type;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(type === 'GetSystemStats' ? stats : '{"version":"bench"}');
      });
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

void Promise.all(Array.from({ length: count }, agent)).then((servers) => {
  console.log(JSON.stringify(servers.map((s) => (s.address() as { port: number }).port)));
});
