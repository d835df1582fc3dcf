import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RegistryLogin {
  domain: string;
  username: string;
  token: string;
}

/**
 * Runs `work` with a Docker client config of its own that holds only this login, as compose
 * reads it (`DOCKER_CONFIG`): the token is in no argv, no shared `~/.docker/config.json`, and
 * the folder (mode 0700, file 0600) is removed when the command ends.
 */
export async function withRegistryLogin<T>(
  login: RegistryLogin | undefined,
  work: (env: Record<string, string>) => Promise<T>,
): Promise<T> {
  if (!login) return work({});
  const folder = await mkdtemp(join(tmpdir(), 'periphery-docker-config-'));
  try {
    const auth = Buffer.from(`${login.username}:${login.token}`).toString('base64');
    await writeFile(
      join(folder, 'config.json'),
      JSON.stringify({ auths: { [login.domain]: { auth } } }),
      { mode: 0o600 },
    );
    return await work({ DOCKER_CONFIG: folder });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
