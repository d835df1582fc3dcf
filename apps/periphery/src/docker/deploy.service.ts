import type { DeployAnswer } from '@monitor/contracts/agent';
import type Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { DEPLOYMENT_LABEL, joinedContainers } from '@monitor/domain/agent';
import { PeripheryError } from '../api/periphery-error';
import { assertOwner, ownedLabels, ownerProblem, type OwnerDto } from './container-owner';
import { createOptions, describeCreate } from './create-options';
import type { DeployContainerDto } from './deploy-container.dto';
import { DockerEngine } from './docker-engine';
import { engineDetail, engineStatus } from './docker-errors';
import type { Log } from './docker-shapes';
import type { EngineContainer } from './engine/container';
import { describeStop, gracefulStop, type StopOptions } from './graceful-stop';
import { runStage, skippedStage } from './stage-log';

const short = (id: string) => id.slice(0, 12);

/**
 * DeployContainer: replaces the container of a name with a new one from `spec`, in the order
 * that keeps a bad deploy from taking the running one down:
 *
 * 1. create the new container under a temporary name: a spec the engine refuses (a bad bind, a
 *    missing image, a refused restart policy) fails here, and the old container is not touched;
 * 2. stop the old one gracefully (the spec's stop signal and timeout, else its own);
 * 3. remove it;
 * 4. give the new one the name and start it.
 *
 * A failure at 2 or 3 removes the new container again, so nothing is left half-deployed besides
 * what the failed stage says of the old one. A failure at 4's start leaves the new container
 * created (not running) under the name, the old one gone: deploying again replaces it.
 *
 * With an `owner` (the Deployment), a container of that name that is not labelled as its own is
 * never stopped or replaced, and a `container:<name>` network must join a Deployment's container.
 */
export class DeployService {
  constructor(private readonly engine: DockerEngine) {}

  async deploy({
    name: given,
    image,
    spec: asked,
    owner,
    joined_deployment: joinedOwner,
  }: DeployContainerDto): Promise<DeployAnswer> {
    const name = given.replace(/^\//, '');
    const spec = owner ? { ...asked, labels: ownedLabels(asked.labels, owner) } : asked;
    const temporary = `${name}-deploying-${randomBytes(4).toString('hex')}`;
    const logs: Log[] = [];
    let id: string | undefined;

    const create = await runStage(
      'create container',
      describeCreate(temporary, image, spec),
      async () => {
        if (owner) await this.checkOwnership(name, spec.networkMode, owner, joinedOwner);
        const created = await this.engine.call((docker) =>
          docker.containers.create(createOptions(temporary, image, spec)),
        );
        id = created.id;
        return `created ${temporary} (${short(created.id)}); it takes the name ${name} once the old container is gone\n`;
      },
    );
    logs.push(create.log);
    if (!id) {
      create.log.stderr += `\nthe old container ${name}, if any, was not touched`;
      return { logs, container_id: null, success: false };
    }

    const stopOptions: StopOptions = { signal: spec.stopSignal, timeSeconds: spec.stopTimeout };
    const replaced = await this.stopAndRemoveOld(name, stopOptions, logs, owner);
    if (!replaced) {
      const left = await this.discard(id, temporary, logs[logs.length - 1]);
      return { logs, container_id: left, success: false };
    }

    let renamed = false;
    const start = await runStage(
      'start container',
      `docker rename ${temporary} ${name} && docker start ${name}`,
      () =>
        this.engine.call(async (docker) => {
          const container = docker.container(id!);
          await renameWhenFree(container, name);
          renamed = true;
          await container.start();
          return `renamed ${temporary} to ${name}\nstarted ${name} (${short(id!)})\n`;
        }),
    );
    logs.push(start.log);
    if (start.error && !renamed) {
      const left = await this.discard(id, temporary, start.log);
      return { logs, container_id: left, success: false };
    }
    if (start.error) {
      start.log.stderr +=
        `\nthe new container ${name} (${short(id)}) is left created but not running, and the old ` +
        'one is gone: deploy again with a fixed spec, or StartContainer once the cause is fixed';
    }
    return { logs, container_id: id, success: !start.error };
  }

  /** Stages 2 and 3; false when one failed (its Log, last in `logs`, says how). */
  private async stopAndRemoveOld(
    name: string,
    options: StopOptions,
    logs: Log[],
    owner: OwnerDto | undefined,
  ): Promise<boolean> {
    let old: Dockerode.ContainerInspectInfo | undefined;
    const stop = await runStage('stop old container', describeStop(name, options), async () => {
      old = await this.findExactly(name);
      if (!old) return '';
      assertOwner(name, old.Config?.Labels, owner);
      const container = this.engine.docker.container(old.Id);
      return this.engine.call(() => gracefulStop(container, name, options, old));
    });
    if (!stop.error && !old) {
      const why = `no container named ${name} on this host`;
      logs.push(skippedStage('stop old container', why), skippedStage('remove old container', why));
      return true;
    }
    logs.push(stop.log);
    if (stop.error) {
      stop.log.stderr += `\nthe old container ${name} was not removed; check its state (it may be stopped)`;
      return false;
    }
    const oldId = old!.Id;
    const remove = await runStage('remove old container', `docker rm ${name}`, () =>
      this.engine.call(async (docker) => {
        // Forced: it was just stopped gracefully; should anything have started it again
        // meanwhile, the deploy must not stall on it.
        await docker.container(oldId).remove({ force: true });
        return `removed ${name} (${short(oldId)})\n`;
      }),
    );
    logs.push(remove.log);
    if (remove.error) remove.log.stderr += `\nthe old container ${name} is stopped but still there`;
    return !remove.error;
  }

  /**
   * Before anything is created: the container of that name, if any, is the Deployment's own, and
   * a joined container (`container:<name>` network) is a Deployment's, not one made by hand.
   */
  private async checkOwnership(
    name: string,
    networkMode: string,
    owner: OwnerDto,
    joinedOwner: string | undefined,
  ) {
    const old = await this.findExactly(name);
    if (old) assertOwner(name, old.Config?.Labels, owner);
    for (const joined of joinedContainers({ network: networkMode })) {
      const info = await this.findExactly(joined);
      const labels = info?.Config?.Labels;
      const problem = !info
        ? `container '${joined}' is not on this host`
        : joinedOwner
          ? ownerProblem(joined, labels, { kind: 'Deployment', id: joinedOwner })
          : labels?.[DEPLOYMENT_LABEL]
            ? undefined
            : `container '${joined}' is not a Deployment's`;
      if (problem) {
        throw new PeripheryError(
          'CONFLICT',
          `network: ${problem}; container:<name> joins only the container of a Deployment`,
        );
      }
    }
  }

  /**
   * The container whose name is exactly this one. The engine also resolves a name as an id
   * prefix: "abc" could otherwise find an unrelated container whose id starts with abc, and
   * the deploy would stop and remove it.
   */
  private async findExactly(name: string): Promise<Dockerode.ContainerInspectInfo | undefined> {
    try {
      const info = await this.engine.call((docker) => docker.container(name).inspect());
      return info.Name === `/${name}` ? info : undefined;
    } catch (error) {
      if (error instanceof PeripheryError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  }

  /** Removes the new container after a failure; answers its id if it could not be removed. */
  private async discard(id: string, temporary: string, log: Log): Promise<string | null> {
    try {
      await this.engine.docker.container(id).remove({ force: true });
      log.stderr += `\nremoved the new container ${temporary} (${short(id)}) again`;
      return null;
    } catch (error) {
      log.stderr += `\ncould not remove the new container ${temporary} (${short(id)}): ${engineDetail(error)}`;
      return id;
    }
  }
}

/**
 * The engine may hold the old container's name for a while after its removal returned (over two
 * seconds seen on a loaded machine): a conflict is retried for up to ten seconds before it counts.
 */
const RENAME_ATTEMPTS = 100;

async function renameWhenFree(container: EngineContainer, name: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      await container.rename(name);
      return;
    } catch (error) {
      if (engineStatus(error) !== 409 || attempt >= RENAME_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
