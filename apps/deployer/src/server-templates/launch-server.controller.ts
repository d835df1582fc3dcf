import { Inject, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BusController, execSubject, QUEUE_GROUPS } from '@monitor/bus';
import { InstanceTerminations } from '@monitor/cloud';
import { LaunchServerDto, requireValid, SERVER_TEMPLATE_REQUESTS } from '@monitor/contracts';
import { notFound, type Resource } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionRunner } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import {
  newId,
  systemMeta,
  variableLookup,
  type CommandMeta,
  type WriteResult,
} from '@monitor/resources';
import { EVENT_STORE, KEYRING, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import { LaunchNames, LaunchResume, ServerLaunch } from './launch';

const LAUNCH = SERVER_TEMPLATE_REQUESTS.LaunchServer.name;

/**
 * LaunchServer: the new Server's name checked and reserved, then the launch runs as its
 * Update's execution (answered at once). The gateway checked Execute on the template and the
 * right to create Servers. At start, the launches a stopped deployer left half-way are failed
 * and what they made removed, as the runner marks its unfinished Updates interrupted.
 */
@BusController()
export class LaunchServerController implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly names: LaunchNames;
  private readonly processStart = Date.now();
  private readonly running = new Set<Promise<boolean>>();

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(EVENT_STORE) store: EventStore,
    private readonly runner: ExecutionRunner,
    private readonly launch: ServerLaunch,
    private readonly resume: LaunchResume,
    private readonly terminations: InstanceTerminations,
    private readonly stopping: AbortController,
  ) {
    this.names = new LaunchNames(store);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.resume.resumeUnfinished(this.processStart);
  }

  /**
   * A stopping deployer ends its launches' waits and lets each fail and remove what it made
   * before the store closes, so that a deployer that does not come back leaves nothing billed.
   */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.running]);
    this.terminations.stop();
    await this.terminations.idle();
  }

  @MessagePattern(execSubject('ServerTemplate', LAUNCH), { queue: QUEUE_GROUPS.deployer })
  async launchServer({
    params,
    meta,
  }: {
    params: unknown;
    meta: CommandMeta;
  }): Promise<WriteResult> {
    const { name, server_template } = requireValid(LaunchServerDto, params);
    const template = this.template(server_template);
    // The Update's id is the launch's and the Server's: its record, its marks at the provider,
    // and the holder of the name, which a restart can then release.
    const updateId = newId();
    await this.names.reserve(name, updateId, meta);
    const lookup = variableLookup(this.readModel, this.keyring, template);
    const { id, position, done } = await this.runner
      .start({
        operation: LAUNCH,
        target: { type: 'ServerTemplate', id: template.id },
        meta: { ...meta, updateId },
        work: async (ctx) => {
          try {
            await this.launch.run(template, name, ctx, {
              updateId,
              meta,
              lookup,
              serverId: updateId,
            });
          } catch (error) {
            await this.names.release(name, updateId, systemMeta());
            throw error;
          }
        },
      })
      .catch(async (error: unknown) => {
        await this.names.release(name, updateId, systemMeta());
        throw error;
      });
    this.running.add(done);
    const forget = () => this.running.delete(done);
    void done.then(forget, forget);
    return { id, position };
  }

  private template(idOrName: string): Resource<'ServerTemplate'> {
    const template = this.readModel.resource('ServerTemplate', idOrName);
    if (!template) throw notFound(`no ServerTemplate has the name or id '${idOrName}'`);
    return template;
  }
}
