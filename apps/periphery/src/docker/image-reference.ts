/**
 * Docker's reference grammar (distribution/reference), case-insensitive where the engine has the
 * last word: `[host[:port]/]path[:tag][@digest]`. Besides refusing what no registry could hold,
 * it keeps out whitespace, shell characters, and the `?`, `#`, `%` and `.`/`..` path segments
 * that would turn the name, put into an Engine URL, into another endpoint.
 */
const ALNUM = '[a-zA-Z0-9]';
const HOST = `${ALNUM}(?:[a-zA-Z0-9.-]*${ALNUM})?(?::\\d{1,5})?`;
const COMPONENT = `${ALNUM}+(?:(?:[._]|__|-+)${ALNUM}+)*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const IMAGE_REFERENCE = new RegExp(
  `^(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`,
);

/** Docker's own ceiling is 255 for the name plus 128 for the tag; a digest adds 71. */
export const IMAGE_REFERENCE_MAX = 512;

export function isImageReference(value: string): boolean {
  return value.length <= IMAGE_REFERENCE_MAX && IMAGE_REFERENCE.test(value);
}

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
