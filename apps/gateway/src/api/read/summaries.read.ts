import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EmptyDto } from '@monitor/contracts';
import { RESOURCE_KINDS, type Resource, type ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../../auth/principal';
import { request, RequestRegistry } from '../request-registry';
import { PLURAL } from './resources.read';

type Counts = Record<string, number>;

/**
 * Komodo's `Get<Kinds>Summary`: how many resources of a kind the user may read, by state, for
 * a dashboard that need not read every list. Kinds whose state Monitor does not observe yet
 * count every resource as `unknown`.
 */
@Injectable()
export class SummaryReads implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    for (const kind of RESOURCE_KINDS) {
      this.registry.add(
        request({
          verb: 'read',
          name: `Get${PLURAL[kind]}Summary`,
          dto: EmptyDto,
          access: { type: 'user' },
          handle: async (_params, { principal }) => this.summary(kind, principal),
        }),
      );
    }
  }

  private summary(kind: ResourceKind, principal: Principal): Counts {
    const resources = this.readModel.list(kind).filter((r) => principal.can(r, 'Read'));
    const counts: Counts = { total: resources.length };
    const add = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
    for (const resource of resources) add(this.bucket(kind, resource));
    return { ...EMPTY[kind], ...counts };
  }

  /** As Komodo sorts each state into its summary's buckets. */
  private bucket(kind: ResourceKind, resource: Resource): string {
    if (kind === 'Server') {
      if (!(resource.config as { enabled: boolean }).enabled) return 'disabled';
      if (this.readModel.serverStatus.status(resource.id)?.state !== 'Ok') return 'unhealthy';
      return this.readModel.alerts.openFor('Server', resource.id).length ? 'warning' : 'healthy';
    }
    if (kind === 'Deployment') {
      const state = this.readModel.deploymentStatus.status(resource.id)?.state ?? 'unknown';
      if (state === 'running' || state === 'not_deployed' || state === 'unknown') return state;
      return state === 'exited' || state === 'paused' ? 'stopped' : 'unhealthy';
    }
    if (kind === 'Stack') {
      const state = this.readModel.stackStatus.status(resource.id)?.state ?? 'unknown';
      if (['running', 'down', 'unknown'].includes(state)) return state;
      return state === 'stopped' || state === 'paused' ? 'stopped' : 'unhealthy';
    }
    return 'unknown';
  }
}

/** Every bucket of each kind's summary, so a state nobody is in still shows as 0. */
const EMPTY: Record<ResourceKind, Counts> = {
  Server: { healthy: 0, warning: 0, unhealthy: 0, disabled: 0 },
  Deployment: { running: 0, stopped: 0, not_deployed: 0, unhealthy: 0, unknown: 0 },
  Stack: { running: 0, stopped: 0, down: 0, unhealthy: 0, unknown: 0 },
  Repo: { unknown: 0 },
  Build: { unknown: 0 },
  Builder: { unknown: 0 },
  Procedure: { unknown: 0 },
  ResourceSync: { unknown: 0 },
  Alerter: { unknown: 0 },
  ServerTemplate: { unknown: 0 },
};
