import { pullQuery, registryAuthHeader } from './images';

describe('pullQuery', () => {
  it.each([
    ['busybox', 'busybox', 'latest'],
    ['busybox:1.36', 'busybox', '1.36'],
    ['localhost:5000/team/app', 'localhost:5000/team/app', 'latest'],
    ['localhost:5000/team/app:v2', 'localhost:5000/team/app', 'v2'],
    ['ghcr.io/a/b@sha256:abc', 'ghcr.io/a/b', 'sha256:abc'],
    ['ghcr.io/a/b:v1@sha256:abc', 'ghcr.io/a/b:v1', 'sha256:abc'],
  ])('%s pulls %s at %s', (reference, fromImage, tag) => {
    expect(pullQuery(reference)).toEqual({ fromImage, tag });
  });
});

describe('registryAuthHeader', () => {
  it('is the account as JSON in padded URL-safe base64', () => {
    // Characters whose base64 holds + and /, which the engine's URL-safe decoder refuses.
    const auth = { username: 'ci>>', password: 'p?>?~', serveraddress: 'reg.example:5000' };
    const header = registryAuthHeader(auth);
    expect(header).toMatch(/^[A-Za-z0-9_-]+=*$/);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toEqual(auth);
  });
});
