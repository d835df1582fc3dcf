import { once } from 'node:events';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { engineError } from '../docker-errors';
import { EngineHttp } from './engine-http';

const SOCKET = '/var/run/docker.sock';

describe('EngineHttp (real engine)', () => {
  it('fails with the socket error docker-errors.ts words, when nothing listens there', async () => {
    const socket = join(tmpdir(), `no-engine-${process.pid}.sock`);
    const failure = await new EngineHttp(socket)
      .json({ method: 'GET', path: '/containers/json' })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ENOENT' });
    expect(engineError(failure, { socket })).toMatchObject({
      code: 'DOCKER_UNAVAILABLE',
      message: expect.stringContaining(socket),
    });
  });

  it('closes the connection of a stream its reader destroys, and keeps answering', async () => {
    const http = new EngineHttp(SOCKET);
    // The event feed never ends by itself: only the reader can stop it.
    const events = await http.stream({ method: 'GET', path: '/events' });
    const { socket } = events;
    const closed = once(socket, 'close');
    events.destroy();
    await closed;
    expect(socket.destroyed).toBe(true);
    const containers = await http.json<unknown[]>({
      method: 'GET',
      path: '/containers/json',
      query: { limit: 1 },
    });
    expect(Array.isArray(containers)).toBe(true);
  });

  it('reads a refusal of a streamed call whole, as the error', async () => {
    const http = new EngineHttp(SOCKET);
    const refused = await http
      .stream({ method: 'POST', path: '/images/create', query: { fromImage: 'UPPER/Case' } })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('must be lowercase'),
    });
  });
});
