import { EngineApiError, engineFailure } from './engine-api-error';
import { engineName, engineQuery } from './engine-http';

describe('engineQuery', () => {
  it('leaves out undefined values and sends filters as JSON', () => {
    const query = engineQuery({
      all: true,
      size: undefined,
      tail: 100,
      filters: { label: ['monitor.stack=a b', 'x!=y'] },
    });
    const params = new URLSearchParams(query.slice(1));
    expect(query.startsWith('?')).toBe(true);
    expect([...params.keys()]).toEqual(['all', 'tail', 'filters']);
    expect(params.get('all')).toBe('true');
    expect(params.get('tail')).toBe('100');
    expect(JSON.parse(params.get('filters')!)).toEqual({ label: ['monitor.stack=a b', 'x!=y'] });
  });

  it('is empty without parameters', () => {
    expect(engineQuery()).toBe('');
    expect(engineQuery({ t: undefined })).toBe('');
  });
});

describe('engineName', () => {
  it('keeps a name or reference one path segment', () => {
    expect(engineName('web')).toBe('web');
    expect(engineName('localhost:5000/a/b:v1')).toBe('localhost%3A5000%2Fa%2Fb%3Av1');
    expect(engineName('../../info?x=1')).not.toMatch(/[/?]/);
  });
});

describe('engineFailure', () => {
  const call = 'GET /containers/web/json';

  it("keeps the engine's JSON message and the status docker-errors.ts reads", () => {
    const error = engineFailure(404, '{"message":"No such container: web"}\n', call);
    expect(error).toBeInstanceOf(EngineApiError);
    expect(error).toMatchObject({
      statusCode: 404,
      message: 'No such container: web',
      json: { message: 'No such container: web' },
      call,
    });
  });

  it('keeps a plain-text answer as it is', () => {
    expect(engineFailure(502, 'Bad Gateway\n', call).message).toBe('Bad Gateway');
  });

  it('words an answer without a body by its status', () => {
    expect(engineFailure(304, '', call)).toMatchObject({
      statusCode: 304,
      message: 'already in that state',
    });
    expect(engineFailure(418, '', call).message).toBe('HTTP 418');
  });

  it('keeps JSON without a message as text', () => {
    expect(engineFailure(500, '{"error":"x"}', call).message).toBe('{"error":"x"}');
  });
});
