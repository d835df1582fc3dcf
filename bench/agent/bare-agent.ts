import { createServer } from 'node:http';

/**
 * The baseline of `bench:agent`: a bare Node HTTP server answering the requests the core's
 * poller makes (`POST /` with `{ type }`) with fixed JSON, nothing else loaded. Listens on the
 * port given as the first argument.
 */
const ANSWERS: Record<string, string> = {
  GetVersion: JSON.stringify({ version: 'bare' }),
  GetSystemStats: JSON.stringify({
    cpu_perc: 12.5,
    load_average: { one: 0.5, five: 0.4, fifteen: 0.3 },
    mem_used_gb: 3.2,
    mem_total_gb: 16,
    disks: [{ mount: '/', file_system: 'ext4', used_gb: 40, total_gb: 100 }],
    network_ingress_bytes: 1000,
    network_egress_bytes: 2000,
  }),
  ListDockerContainers: JSON.stringify([]),
};

createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const answer = ANSWERS[(JSON.parse(body) as { type: string }).type];
    res.writeHead(answer ? 200 : 400, { 'content-type': 'application/json' });
    res.end(answer ?? '{"error":"unknown request"}');
  });
}).listen(Number(process.argv[2]), '127.0.0.1');
