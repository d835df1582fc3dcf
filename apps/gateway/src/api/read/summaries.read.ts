import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { KIND_REQUESTS, type AnswerOf } from '@monitor/contracts';
import { isOfKind, RESOURCE_KINDS, type Resource, type ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../../auth/principal';
import { RequestRegistry } from '../request-registry';
import { serverState } from '../servers/server-state';
import { readsAll } from './reads-all';
import { runState } from './run-states';

type Counts = Record<string, number>;

/**
 * Komodo's `Get<Kinds>Summary`: how many resources of a kind the user may read, by state, for
 * a dashboard that need not read every list. The states are those the lists show: polled for
 * servers, deployments and stacks, from their runs for builds, repos, procedures and syncs.
 * Builders and ServerTemplates have no state: a total only, as Komodo answers. Alerters: Komodo's
 * total, and Monitor's counts by delivery health.
 */
@Injectable()
export class SummaryReads implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    for (const kind of RESOURCE_KINDS) {
      this.registry.handle(KIND_REQUESTS[kind].summary, async (_params, { principal }) =>
        this.summary(kind, principal),
      );
    }
  }

  private summary<K extends ResourceKind>(kind: K, principal: Principal): SummaryOf<K> {
    const all = this.readModel.sortedList(kind);
    const resources = readsAll(principal, kind) ? all : all.filter((r) => principal.can(r, 'Read'));
    const counts: Counts = { ...EMPTY[kind], total: resources.length };
    for (const resource of resources) {
      const bucket = this.bucket(kind, resource);
      if (bucket) counts[bucket] = (counts[bucket] ?? 0) + 1;
    }
    // EMPTY[kind] and `total` are every field of the kind's summary.
    return counts as SummaryOf<K>;
  }

  /**
   * As Komodo sorts each state into its summary's buckets; none for a kind without state, or a
   * server not polled yet (counted in the total only: neither healthy nor unhealthy yet).
   */
  private bucket(kind: ResourceKind, resource: Resource): string | undefined {
    if (isOfKind(resource, 'Server')) {
      const { state, polled } = serverState(this.readModel, resource);
      if (state === 'Disabled') return 'disabled';
      if (!polled) return undefined;
      if (state !== 'Ok') return 'unhealthy';
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
    if (kind === 'Alerter')
      return this.readModel.alerterDeliveries.health(resource.id).toLowerCase();
    if (
      kind === 'Build' ||
      kind === 'Repo' ||
      kind === 'Procedure' ||
      kind === 'Action' ||
      kind === 'ResourceSync'
    ) {
      const state = runState(kind, this.readModel.executions.forTarget(kind, resource.id));
      return state.toLowerCase();
    }
    return undefined;
  }
}

/** A kind's summary, as the catalogue declares it (Komodo's `Get<Kinds>SummaryResponse`). */
type SummaryOf<K extends ResourceKind> = AnswerOf<
  'read',
  (typeof KIND_REQUESTS)[K]['summary']['name']
>;

/**
 * Every bucket of each kind's summary, so a state nobody is in still shows as 0; typed by the
 * catalogue, so the buckets are the summary's fields.
 */
const EMPTY: { [K in ResourceKind]: Omit<SummaryOf<K>, 'total'> } = {
  Server: { healthy: 0, warning: 0, unhealthy: 0, disabled: 0 },
  Deployment: { running: 0, stopped: 0, not_deployed: 0, unhealthy: 0, unknown: 0 },
  Stack: { running: 0, stopped: 0, down: 0, unhealthy: 0, unknown: 0 },
  Repo: { ok: 0, cloning: 0, pulling: 0, building: 0, failed: 0, unknown: 0 },
  Build: { ok: 0, failed: 0, building: 0, unknown: 0 },
  Builder: {},
  Procedure: { ok: 0, running: 0, failed: 0, unknown: 0 },
  Action: { ok: 0, running: 0, failed: 0, unknown: 0 },
  ResourceSync: { ok: 0, syncing: 0, pending: 0, failed: 0, unknown: 0 },
  Alerter: { ok: 0, failing: 0 },
  ServerTemplate: {},
};
