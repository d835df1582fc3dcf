import { normalizeRegistry, registryOfImage } from './image-registry';

describe('image registries', () => {
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
