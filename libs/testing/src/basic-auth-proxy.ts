import { createServer, request, type Server } from 'node:http';

export interface BasicAuthProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 that asks for Basic credentials (`WWW-Authenticate: Basic`) and
 * passes the requests that carry them to `targetPort`, bodies streamed both ways. In front of
 * a registry it makes a private one: Docker answers the challenge with the pull's credentials.
 * The Host header is passed on, so the registry's upload Locations point back at the proxy.
 */
export async function startBasicAuthProxy(
  targetPort: number,
  auth: { username: string; password: string },
): Promise<BasicAuthProxy> {
  const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const server: Server = createServer((req, res) => {
    if (req.headers.authorization !== expected) {
      res.writeHead(401, {
        'WWW-Authenticate': 'Basic realm="monitor-test-registry"',
        'Content-Type': 'application/json',
        'Docker-Distribution-Api-Version': 'registry/2.0',
      });
      res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
      return;
    }
    const upstream = request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
