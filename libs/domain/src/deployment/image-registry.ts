/** Docker Hub's other names, all of which mean `docker.io` to the engine. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * The registry an image is pulled from, as the engine decides it: the first path component when
 * it looks like a host (has a `.` or a `:`, or is `localhost`), otherwise Docker Hub.
 */
export function registryOfImage(image: string): string {
  const slash = image.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = image.slice(0, slash);
  const isHost = first.includes('.') || first.includes(':') || first === 'localhost';
  return isHost ? normalizeRegistry(first) : 'docker.io';
}

/** `https://GHCR.io/` and `ghcr.io` are the same registry; so are Docker Hub's names. */
export function normalizeRegistry(domain: string): string {
  const host = domain
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  return DOCKER_HUB.has(host) ? 'docker.io' : host;
}
