import { exposesDockerSocket, normalizeAbsolute } from './host-paths';
import type { HostPower } from './host-powers';

/**
 * What mounting a host path asks for: a bind of that folder, and the Docker socket's power too
 * when the folder holds it. A path Monitor cannot know before the deploy (from a variable)
 * counts as a bind of an unknown folder, which only Terminal or the `bind_mount` power allows.
 */
export function bindPowers(field: string, source: string, where = ''): HostPower[] {
  const prefix = where ? `${where}: ` : '';
  if (/\[\[|\$/.test(source)) {
    return [
      {
        power: 'bind_mount',
        field,
        detail: `${prefix}binds a host path set at deploy time (${source})`,
      },
    ];
  }
  const path = normalizeAbsolute(source);
  if (path === undefined) {
    return [{ power: 'bind_mount', field, detail: `${prefix}binds ${source}, outside its folder` }];
  }
  const bind: HostPower = { power: 'bind_mount', field, detail: `${prefix}binds ${path}`, path };
  if (!exposesDockerSocket(path)) return [bind];
  return [
    bind,
    { power: 'docker_socket', field, detail: `${prefix}binds the Docker socket (${path})` },
  ];
}
