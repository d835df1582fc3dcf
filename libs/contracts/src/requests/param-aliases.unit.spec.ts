import { resolveParamAliases } from './param-aliases';

describe("resolveParamAliases: Komodo's serde aliases of request params", () => {
  it('renames id or name to the param that names the resource', () => {
    expect(resolveParamAliases('GetDeployment', { id: 'web' })).toEqual({
      ok: true,
      params: { deployment: 'web' },
    });
    expect(
      resolveParamAliases('GetContainerLog', { name: 'local', container: 'c', tail: 5 }),
    ).toEqual({
      ok: true,
      params: { server: 'local', container: 'c', tail: 5 },
    });
    expect(resolveParamAliases('FindUser', { username: 'ann' })).toEqual({
      ok: true,
      params: { user: 'ann' },
    });
  });

  it('leaves the param as given, and requests without aliases alone', () => {
    expect(resolveParamAliases('GetStack', { stack: 's' })).toEqual({
      ok: true,
      params: { stack: 's' },
    });
    expect(resolveParamAliases('UpdateDeployment', { id: 'd', config: {} })).toEqual({
      ok: true,
      params: { id: 'd', config: {} },
    });
    expect(resolveParamAliases('GetStack', 'text')).toEqual({ ok: true, params: 'text' });
  });

  it('refuses two spellings of one param, naming the second', () => {
    expect(resolveParamAliases('GetServer', { server: 'a', id: 'b' })).toEqual({
      ok: false,
      field: 'id',
      message: "id: give 'server' once (server, id name the same param)",
    });
    // `name` is not an alias of FindUser's user: it stays, and validation says it is unknown.
    expect(resolveParamAliases('FindUser', { user: 'a', name: 'b' })).toEqual({
      ok: true,
      params: { user: 'a', name: 'b' },
    });
  });
});
