import type Dockerode from 'dockerode';
import type { ApiClient } from './api';
import { completed, type UpdateView } from './updates';

/**
 * What a spec leaves in Docker, removed after it whatever happened: a spec that failed half-way
 * must not leave a container running into the next one. Every step tolerates what is not there.
 */

/**
 * Destroys a Stack through the API and waits for its Update, before the store closes, so it is
 * recorded and nothing of it is left running. A Stack that was never made is no error.
 */
export async function destroyStack(admin: ApiClient | undefined, stack: string): Promise<void> {
  await admin
    ?.execute<UpdateView>('DestroyStack', { stack })
    .then((update) => completed(admin, update))
    .catch(() => undefined);
}

/** Every container of a compose project, running or not, removed. */
export async function removeComposeProject(docker: Dockerode, project: string): Promise<void> {
  const left = await docker.listContainers({
    all: true,
    filters: { label: [`com.docker.compose.project=${project}`] },
  });
  await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true })));
}

/** Containers by name, removed if they exist. */
export async function removeContainers(docker: Dockerode, ...names: string[]): Promise<void> {
  for (const name of names) {
    await docker
      .getContainer(name)
      .remove({ force: true })
      .catch(() => undefined);
  }
}
