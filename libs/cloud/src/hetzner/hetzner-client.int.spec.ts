import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HetznerClient } from './hetzner-client';
import { HetznerError, HetznerUnreachable } from './hetzner-error';

/** What stands between Monitor and Hetzner may answer otherwise than Hetzner: a proxy, a hang. */
describe('HetznerClient, against answers that are not Hetzner', () => {
  let server: Server;
  let answer: (path: string) => { status: number; body: string } | undefined;
  let baseUrl = '';
  const seen: { auth?: string; path?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ auth: req.headers.authorization, path: req.url });
      const reply = answer(req.url ?? '');
      if (!reply) return; // never answers
      res.writeHead(reply.status, { 'content-type': 'text/html' });
      res.end(reply.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  // A loaded machine may take long for a first request: only the hang's test waits short.
  const client = (requestTimeoutMs = 10_000) =>
    new HetznerClient({ token: 'proj-token-secret', baseUrl, requestTimeoutMs });

  it('sends the token as bearer, to the base URL given', async () => {
    answer = () => ({ status: 200, body: '{"action":{"id":1,"status":"success"}}' });
    expect(await client().getAction(1)).toMatchObject({ id: 1, status: 'success' });
    expect(seen.at(-1)).toEqual({ auth: 'Bearer proj-token-secret', path: '/v1/actions/1' });
  });

  it("keeps a proxy's error page as the message of an http_<status> error", async () => {
    answer = () => ({ status: 502, body: '<html>Bad Gateway</html>' });
    const error = await client()
      .getServer(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HetznerError);
    expect(error).toMatchObject({
      status: 502,
      code: 'http_502',
      message: '<html>Bad Gateway</html>',
    });
  });

  it('says so when a success is not JSON', async () => {
    answer = () => ({ status: 200, body: '<html>login</html>' });
    await expect(client().getServer(1)).rejects.toThrow(
      'Hetzner GET /servers/1 answered something else than JSON',
    );
  });

  it('gives up on a request without answer at its timeout, as unreachable, without the token', async () => {
    answer = () => undefined;
    const error = await client(200)
      .listServers('monitor=x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HetznerUnreachable);
    expect((error as Error).message).toBe('Hetzner GET /servers: no answer within 200 ms');
    expect(String(error)).not.toContain('proj-token-secret');
  });
});
