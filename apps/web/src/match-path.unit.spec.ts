import { matchPath } from './match-path';

describe('matchPath of the web UI', () => {
  it('gives the named segments, decoded', () => {
    expect(matchPath('/:kind/:id', '/deployments/web%20app')).toEqual({
      kind: 'deployments',
      id: 'web app',
    });
    expect(matchPath('/updates/:id', '/updates/abc/')).toEqual({ id: 'abc' });
  });

  it('matches fixed segments exactly and counts segments', () => {
    expect(matchPath('/updates/:id', '/servers/abc')).toBeUndefined();
    expect(matchPath('/:kind', '/servers/abc')).toBeUndefined();
    expect(matchPath('/:kind/:id', '/servers')).toBeUndefined();
  });
});
