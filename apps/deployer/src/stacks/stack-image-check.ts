import { Inject, Injectable } from '@nestjs/common';
import { AGENT } from '@monitor/contracts';
import {
  decideStackImageUpdates,
  stackStatusStream,
  type Resource,
  type StackConfig,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { newId, type CommandMeta } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import type { ImageUpdateCheck } from '../observation/image-update-watcher';
import { ServerAgents } from '@monitor/executions';
import { StateChangeAlerts } from '../observation/state-change-alerts';
import { StackExecutions } from './stack-executions';
import { composeTarget } from './stack-layout';
import { StackSource } from './stack-source';
import { recordObserved } from '../observation/record-observed';

interface Service {
  service: string;
  container_name: string;
  image: string;
}

type Watched = Pick<
  StackConfig,
  | 'poll_for_updates'
  | 'auto_update'
  | 'auto_update_all_services'
  | 'auto_update_skip_services'
  | 'ignore_services'
  | 'send_alerts'
>;

/**
 * A stack's image update check, service by service: newer images open a
 * StackImageUpdateAvailable alert per service, or with `auto_update` are deployed at once
 * (those services, or all with `auto_update_all_services`, always pulled) by the user
 * `auto-update` with a StackAutoUpdated alert.
 */
@Injectable()
export class StackImageCheck implements ImageUpdateCheck<'Stack'> {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly agents: ServerAgents,
    private readonly source: StackSource,
    private readonly executions: StackExecutions,
    private readonly alerts: StateChangeAlerts,
  ) {}

  watched(): Resource<'Stack'>[] {
    return this.readModel.list('Stack').filter((s) => {
      const { poll_for_updates, auto_update } = s.config;
      const state = this.readModel.stackStatus.status(s.id)?.state ?? 'unknown';
      return (poll_for_updates || auto_update) && state !== 'down' && state !== 'unknown';
    });
  }

  async check(stack: Resource<'Stack'>): Promise<void> {
    const server = this.readModel.resource('Server', String(stack.config.server_id ?? ''));
    if (!server || this.readModel.serverStatus.status(server.id)?.state !== 'Ok') return;
    const config: Watched = stack.config;
    const registry = this.source.registry(undefined, stack);
    const services = await this.agents.ask(AGENT.ComposePs, server, composeTarget(stack));
    const updated: Service[] = [];
    for (const service of services) {
      if (config.ignore_services.includes(service.service)) continue;
      // The agent compares against the reference the container was created from: the listed
      // image is only an id once the tag has moved on.
      const answer = await this.agents.ask(AGENT.CheckImageUpdate, server, {
        container: service.container_name,
        ...(registry ? { registry } : {}),
      });
      if (answer.update_available) updated.push({ ...service, image: answer.image });
    }
    const events = decideStackImageUpdates(this.readModel.stackStatus.status(stack.id), {
      services: updated.map((s) => s.service),
      at: Date.now(),
    });
    if (!events.length) return;
    const { position } = await recordObserved(this.store, stackStatusStream(stack.id), events);
    await this.readModel.waitFor(position);
    await this.act(stack, server, config, updated);
  }

  private async act(
    stack: Resource<'Stack'>,
    server: Resource<'Server'>,
    config: Watched,
    updated: Service[],
  ) {
    const target = { type: 'Stack' as const, id: stack.id };
    if (!updated.length) return this.alerts.resolve(target, 'StackImageUpdateAvailable');
    const on = { id: stack.id, name: stack.name, server_id: server.id, server_name: server.name };
    if (config.auto_update) {
      const deploy = updated.filter((s) => !config.auto_update_skip_services.includes(s.service));
      if (!deploy.length) return;
      const meta: CommandMeta = { userId: 'auto-update', via: 'system', correlationId: newId() };
      const services = config.auto_update_all_services ? undefined : deploy.map((s) => s.service);
      await this.executions.deploy(stack.id, meta, 'DeployStack', { services }, true);
      if (config.send_alerts) {
        const images = deploy.map((s) => s.image);
        await this.alerts.open(target, { type: 'StackAutoUpdated', data: { ...on, images } });
      }
      return;
    }
    if (!config.send_alerts) return;
    for (const { service, image } of updated) {
      const data = { ...on, service, image };
      await this.alerts.open(target, { type: 'StackImageUpdateAvailable', data });
    }
  }
}
