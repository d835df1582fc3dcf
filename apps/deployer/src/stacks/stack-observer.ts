import { Inject, Injectable } from '@nestjs/common';
import {
  decideStackStatus,
  DEPLOYMENT_LABEL,
  STACK_LABEL,
  stackProjectName,
  stackServices,
  stackState,
  stackStatusStream,
  type Resource,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { StateChangeAlerts } from '../observation/state-change-alerts';
import { recordObserved } from '../observation/record-observed';
import type { ContainerObserver, ListedContainer } from '../observation/container-observers';

/** The labels compose puts on every container it creates, v1 and v2 alike. */
const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';

/**
 * Each poll of a server tells every stack on it what its services are doing, from the
 * containers carrying its compose project's label. A change is recorded; one that no
 * execution of ours explains opens a StackStateChange alert when the stack sends alerts.
 */
@Injectable()
export class StackObserver implements ContainerObserver<'Stack'> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    readonly alerts: StateChangeAlerts,
  ) {}

  on(serverId: string): Resource<'Stack'>[] {
    return this.readModel.list('Stack').filter((s) => s.config.server_id === serverId);
  }

  async observe(
    server: Resource<'Server'>,
    containers: ListedContainer[] | 'unreachable',
  ): Promise<void> {
    const at = Date.now();
    for (const stack of this.on(server.id)) {
      const current = this.readModel.stackStatus.status(stack.id);
      const project = stackProjectName(stack);
      const services =
        containers === 'unreachable'
          ? 'unreachable'
          : stackServices(
              containers
                .filter((c) => c.labels?.[PROJECT_LABEL] === project && isStacks(c, stack.id))
                .map((c) => ({ ...c, service: c.labels?.[SERVICE_LABEL] ?? c.name })),
              stack.config.ignore_services,
            );
      const state = stackState(services);
      const events = decideStackStatus(current, {
        state,
        // Out of reach, the services last seen are the best knowledge there is.
        services: services === 'unreachable' ? (current?.services ?? []) : services,
        at,
      });
      if (!events.length) continue;
      await recordObserved(this.store, stackStatusStream(stack.id), events);
      if (current) {
        await this.alerts.observedChange(stack, server, { from: current.state, to: state, at });
      }
    }
  }
}

/**
 * A container of the project that is this stack's: labelled so, or (deployed before stacks'
 * containers were labelled) with no Monitor label at all; never another stack's or a
 * Deployment's, which would pass their state off as this stack's.
 */
function isStacks(container: ListedContainer, stackId: string): boolean {
  const labels = container.labels ?? {};
  return (labels[STACK_LABEL] ?? stackId) === stackId && !labels[DEPLOYMENT_LABEL];
}
