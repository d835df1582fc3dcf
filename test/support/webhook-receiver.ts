import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One webhook request as a receiver got it, and the status it answered. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: { position: number; stream: string; type: string; data: unknown; metadata: object };
  status: number;
}

/** A local receiver on 127.0.0.1 that answers each request as `answer` says, recording it. */
export async function startReceiver(answer: (r: Omit<Received, 'status'>) => number = () => 200) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request = { headers: req.headers, body, json: JSON.parse(body) as Received['json'] };
      const status = answer(request);
      received.push({ ...request, status });
      res.writeHead(status, status === 429 ? { 'retry-after': '2' } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

