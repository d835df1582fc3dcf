/** Host paths as the kernel would resolve them, without touching a file system. */

/** `/a/./b/../c` → `/a/c`; undefined for a path that climbs above `/` or is not absolute. */
export function normalizeAbsolute(path: string): string | undefined {
  if (!path.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** A path relative to a folder Monitor owns (a stack's), or undefined when it leaves it. */
export function staysInside(relative: string): boolean {
  // From the root, any `..` that climbs out of the folder climbs above `/` (a named base would
  // let `../<base>` come back in by name while it is a sibling folder).
  return normalizeAbsolute(`/${relative}`) !== undefined;
}

/** True when `path` is `folder` or below it, segment by segment (`/srv2` is not below `/srv`). */
export function isWithin(path: string, folder: string): boolean {
  const base = normalizeAbsolute(folder);
  if (base === undefined) return false;
  return base === '/' || path === base || path.startsWith(`${base}/`);
}

const DOCKER_SOCKETS = ['/var/run/docker.sock', '/run/docker.sock'];

/** Mounting the Docker socket, or a folder holding it, is root on the host. */
export const exposesDockerSocket = (path: string) =>
  DOCKER_SOCKETS.some((socket) => isWithin(socket, path));
