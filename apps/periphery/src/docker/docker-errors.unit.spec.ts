import { PeripheryError } from '../api/periphery-error';
import { isPossibleContainerName } from './container-name';
import { engineDetail, engineError } from './docker-errors';
import { engineFailure } from './engine/engine-api-error';
import { formatBytes } from './prune-report';

describe('engineError', () => {
  const socket = '/var/run/docker.sock';

  it('words a 404 for what was asked', () => {
    const error = engineError(
      { statusCode: 404, json: { message: 'No such container: web' } },
      {
        socket,
        notFound: 'no container named "web" on this host',
      },
    );
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      message: 'no container named "web" on this host',
    });
  });

  it('names the socket when the engine cannot be reached', () => {
    const error = engineError(Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' }), {
      socket,
    });
    expect(error).toMatchObject({ code: 'DOCKER_UNAVAILABLE', status: 503 });
    expect(error.message).toContain(socket);
  });

  it("keeps the engine's meaning for 400 and 409, and its message for the rest", () => {
    expect(
      engineError({ statusCode: 400, json: { message: "invalid filter 'x'" } }, { socket }),
    ).toMatchObject({
      code: 'VALIDATION',
      message: "Docker refused the request: invalid filter 'x'",
    });
    expect(
      engineError(
        { statusCode: 409, json: { message: 'a prune operation is already running' } },
        { socket },
      ),
    ).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(engineError(engineFailure(500, '', 'x'), { socket })).toMatchObject({
      code: 'DOCKER',
      status: 502,
      message: 'Docker engine error: server error',
    });
    const own = new PeripheryError('NOT_FOUND', 'x');
    expect(engineError(own, { socket })).toBe(own);
  });
});

describe('isPossibleContainerName', () => {
  it.each(['web', '/web', 'web_1.blue-2', 'f3c1a2b4c5d6'])('accepts %j', (name) =>
    expect(isPossibleContainerName(name)).toBe(true),
  );
  it.each(['', '.', '..', '-x', 'a/b', 'a; rm -rf /', '$(x)', '`x`', 'a?b', 'a%2Fb', 'a b'])(
    'refuses %j',
    (name) => expect(isPossibleContainerName(name)).toBe(false),
  );
});

describe('formatBytes', () => {
  it.each([
    [0, '0B'],
    [999, '999B'],
    [1000, '1kB'],
    [1_234_567, '1.23MB'],
    [5_000_000_000, '5GB'],
  ])('%d -> %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('engineDetail', () => {
  it("prefers the engine's JSON message", () => {
    expect(engineDetail({ statusCode: 404, json: { message: 'No such image: x' } })).toBe(
      'No such image: x',
    );
  });

  it("words the engine client's refusals and socket errors by what was said", () => {
    const refused = engineFailure(
      500,
      '{"message":"Get \\"http://127.0.0.1:1/v2/\\": refused"}',
      'x',
    );
    expect(engineDetail(refused)).toBe('Get "http://127.0.0.1:1/v2/": refused');
    expect(engineDetail(engineFailure(500, '', 'x'))).toBe('server error');
    const socket = Object.assign(new Error('connect ECONNREFUSED /run/docker.sock'), {
      code: 'ECONNREFUSED',
    });
    expect(engineDetail(socket)).toBe('connect ECONNREFUSED /run/docker.sock');
  });
});
