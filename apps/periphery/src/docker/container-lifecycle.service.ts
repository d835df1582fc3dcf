import { assertOwner, type OwnerDto } from './container-owner';
import { DockerEngine } from './docker-engine';
import type { Log } from './docker-shapes';
import type { EngineContainer } from './engine/container';
import { describeStop, gracefulStop, ignoreNotModified, type StopOptions } from './graceful-stop';
import { logOrThrow, runStage } from './stage-log';

/**
 * StartContainer, StopContainer, RestartContainer, PauseContainer, UnpauseContainer and
 * RemoveContainer, each answered as one Log. A missing container is a 404 naming it (Remove
 * excepted: what is not there is already removed); the engine refusing (pausing a paused
 * container) is a failed Log, so the core records it in the Update. With an `owner`, a container
 * not labelled as its own is refused (409) before anything is done to it.
 */
export class ContainerLifecycleService {
  constructor(private readonly engine: DockerEngine) {}

  start(name: string, owner?: OwnerDto): Promise<Log> {
    return this.act(owner, 'start container', `docker start ${name}`, name, async (container) =>
      (await ignoreNotModified(container.start()))
        ? `started ${name}`
        : `${name} was already running`,
    );
  }

  stop(name: string, options: StopOptions, owner?: OwnerDto): Promise<Log> {
    return this.act(owner, 'stop container', describeStop(name, options), name, (container) =>
      gracefulStop(container, name, options),
    );
  }

  restart(name: string, owner?: OwnerDto): Promise<Log> {
    return this.act(
      owner,
      'restart container',
      `docker restart ${name}`,
      name,
      async (container) => {
        await container.restart();
        return `restarted ${name}`;
      },
    );
  }

  pause(name: string, owner?: OwnerDto): Promise<Log> {
    return this.act(owner, 'pause container', `docker pause ${name}`, name, async (container) => {
      await container.pause();
      return `paused ${name}`;
    });
  }

  unpause(name: string, owner?: OwnerDto): Promise<Log> {
    return this.act(
      owner,
      'unpause container',
      `docker unpause ${name}`,
      name,
      async (container) => {
        await container.unpause();
        return `unpaused ${name}`;
      },
    );
  }

  /** Stops gracefully, then removes (not its volumes, as `docker rm` without `-v`). */
  async remove(name: string, options: StopOptions, owner?: OwnerDto): Promise<Log> {
    const command = `${describeStop(name, options)} && docker rm ${name}`;
    const result = await runStage('remove container', command, () =>
      this.engine.withContainer(name, async (container) => {
        assertOwner(name, (await container.inspect()).Config?.Labels, owner);
        const stopped = await gracefulStop(container, name, options);
        // Forced: a graceful stop has been given its time, and a container some other client
        // started meanwhile must not make the removal fail halfway.
        await container.remove({ force: true });
        return `${stopped.trimEnd()}\nremoved ${name}\n`;
      }),
    );
    if (result.error?.code === 'NOT_FOUND') {
      return {
        ...result.log,
        success: true,
        stderr: '',
        stdout: `${name} was not there: nothing to remove`,
      };
    }
    return logOrThrow(result);
  }

  private async act(
    owner: OwnerDto | undefined,
    stage: string,
    command: string,
    name: string,
    work: (container: EngineContainer) => Promise<string>,
  ): Promise<Log> {
    const result = await runStage(stage, command, () =>
      this.engine.withContainer(name, async (container) => {
        assertOwner(name, (await container.inspect()).Config?.Labels, owner);
        return work(container);
      }),
    );
    return logOrThrow(result);
  }
}
