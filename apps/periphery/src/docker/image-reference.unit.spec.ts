import { isImageReference, normalizeRegistry, registryOfImage } from './image-reference';

describe('image references', () => {
  it.each([
    'busybox',
    'library/busybox:1.36',
    'ghcr.io/owner/app:v1.2.3',
    '127.0.0.1:5000/team/app_name:latest',
    'localhost/app',
    `registry.example.com/app@sha256:${'a'.repeat(64)}`,
    `app:1@sha256:${'b'.repeat(64)}`,
  ])('accepts %s', (image) => expect(isImageReference(image)).toBe(true));

  it.each([
    '',
    'app name',
    'app;rm -rf /',
    '$(id)',
    'app?x=1',
    'app#x',
    'a/../../containers/x',
    '../x',
    './x',
    'a//b',
    '-app',
    'app:',
    'x'.repeat(513),
  ])('refuses %j', (image) => expect(isImageReference(image)).toBe(false));

  it('finds the registry the engine will pull from', () => {
    expect(registryOfImage('busybox')).toBe('docker.io');
    expect(registryOfImage('team/app:1')).toBe('docker.io');
    expect(registryOfImage('ghcr.io/team/app')).toBe('ghcr.io');
    expect(registryOfImage('127.0.0.1:5000/app')).toBe('127.0.0.1:5000');
    expect(registryOfImage('localhost/app')).toBe('localhost');
    expect(registryOfImage('docker.io/library/app')).toBe('docker.io');
  });

  it('compares registry domains as the engine would', () => {
    expect(normalizeRegistry('https://GHCR.io/')).toBe('ghcr.io');
    expect(normalizeRegistry('index.docker.io')).toBe('docker.io');
    expect(normalizeRegistry('registry-1.docker.io')).toBe('docker.io');
    expect(normalizeRegistry('127.0.0.1:5000')).toBe('127.0.0.1:5000');
  });
});
