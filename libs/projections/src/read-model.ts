import {
  evolveDeploymentStatus,
  evolveResource,
  isOfKind,
  evolveStackStatus,
  evolveTag,
  getPath,
  kindCategory,
  kindOfStream,
  KIND_SPECS,
  RESOURCE_KINDS,
  type DeploymentStatus,
  type Resource,
  type ResourceKind,
  type StackStatus,
  type Tag,
} from '@monitor/domain';
import type { EventStore, StoredEvent, Subscription } from '@monitor/eventstore';
import { AlerterDeliveriesModel } from './alerter-deliveries-model';
import { AlertsModel } from './alerts-model';
import { BuildRecords } from './build-records';
import { CloudAccountsModel } from './cloud-accounts-model';
import { EventSubscriptionsModel } from './event-subscriptions-model';
import { SyncRecords } from './sync-records';
import { DeletedResources } from './deleted-resources';
import { ObservedStatusModel } from './observed-status-model';
import { ExecutionUpdates } from './execution-updates';
import { IdentityModel } from './identity-model';
import { PositionWaiter } from './position-waiter';
import { ProjectionFamilies } from './projection-families';
import { ServerStatusModel } from './server-status-model';
import { SettingsModel } from './settings-model';
import { updateFromSettingsEvent } from './settings-updates';
import type { UpdateRecord } from './update-record';
import { updateFromResourceEvent } from './write-updates';

export interface Referrer {
  kind: ResourceKind;
  id: string;
  name: string;
  field: string;
}

/**
 * The in-memory projection of every resource, tag and Update, rebuilt by replaying the log.
 * Writers wait for it to reach their append's position before answering (read your writes).
 */
export class ReadModel {
  private readonly resources = new Map<string, Resource>();
  /** Resource ids by kind and name: `resource(kind, name)` without a scan. */
  private readonly names = new Map<string, string>();
  /** Each kind's resources by name, sorted once after a change of the kind, not per read. */
  private readonly sorted = new Map<ResourceKind, readonly Resource[]>();
  private readonly tags = new Map<string, Tag>();
  private readonly updates = new Map<string, UpdateRecord>();
  /** Deleted resources, found by id only: who may read their history. */
  readonly deleted = new DeletedResources();
  readonly identity = new IdentityModel();
  readonly settings = new SettingsModel();
  readonly cloudAccounts = new CloudAccountsModel();
  readonly eventSubscriptions = new EventSubscriptionsModel();
  readonly executions = new ExecutionUpdates();
  readonly serverStatus = new ServerStatusModel();
  readonly alerts = new AlertsModel();
  readonly alerterDeliveries = new AlerterDeliveriesModel();
  readonly builds = new BuildRecords();
  readonly syncs = new SyncRecords();
  readonly deploymentStatus = new ObservedStatusModel<DeploymentStatus>(
    'deploymentstatus',
    evolveDeploymentStatus,
  );
  readonly stackStatus = new ObservedStatusModel<StackStatus>('stackstatus', evolveStackStatus);
  /** Who applies the events of each stream family (the category before a stream's first dash). */
  private readonly families = new ProjectionFamilies();
  private readonly waiter = new PositionWaiter();
  private readonly updateListeners = new Set<(update: UpdateRecord) => void>();
  private readonly appliedListeners = new Set<(event: StoredEvent) => void>();
  private subscription?: Subscription;

  constructor() {
    this.families.register(RESOURCE_KINDS.map(kindCategory), (e) => this.applyResource(e));
    this.families.register(['tag'], (e) => this.applyTag(e));
    for (const model of [
      this.identity,
      this.serverStatus,
      this.alerts,
      this.alerterDeliveries,
      this.deploymentStatus,
      this.stackStatus,
    ]) {
      this.families.register(model.categories, (e) => model.apply(e));
    }
    this.families.register(this.executions.categories, (e) => {
      const update = this.executions.apply(e);
      if (update) this.recordUpdate(update);
    });
    this.families.register(this.settings.categories, (e) => {
      this.settings.apply(e);
      const update = updateFromSettingsEvent(e);
      if (update) this.recordUpdate(update);
    });
    this.families.register(this.eventSubscriptions.categories, (e) =>
      this.eventSubscriptions.apply(e, (update) => this.recordUpdate(update)),
    );
    this.families.register(this.cloudAccounts.categories, (e) => {
      const update = this.cloudAccounts.apply(e);
      if (update) this.recordUpdate(update);
    });
  }

  get position(): number {
    return this.waiter.position;
  }

  start(store: EventStore): void {
    this.subscription = store.subscribeAll(0, (event) => this.apply(event));
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.waiter.close();
  }

  /** Calls the listener with every Update created or changed from now on; returns the unsubscribe. */
  onUpdate(listener: (update: UpdateRecord) => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  /**
   * Calls the listener with every event once the read model has applied it, before any writer
   * waiting for its position reads: what keeps derived views (list items) in step with it.
   */
  onApplied(listener: (event: StoredEvent) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    return this.waiter.waitFor(position, timeoutMs);
  }

  apply(event: StoredEvent): void {
    this.families.apply(event);
    for (const listener of this.appliedListeners) listener(event);
    this.waiter.advance(event.position);
  }

  /** The resource with this id, never one with this name. */
  resourceById<K extends ResourceKind>(kind: K, id: string): Resource<K> | undefined {
    return this.byId(kind, id);
  }

  /** The resources with these ids, in their order (undefined where none): one lookup for a batch. */
  resourcesById<K extends ResourceKind>(
    kind: K,
    ids: readonly string[],
  ): (Resource<K> | undefined)[] {
    return ids.map((id) => this.byId(kind, id));
  }

  resource<K extends ResourceKind>(kind: K, idOrName: string): Resource<K> | undefined {
    const byId = this.resourceById(kind, idOrName);
    if (byId) return byId;
    const id = this.names.get(key(kind, idOrName));
    return id === undefined ? undefined : this.resourceById(kind, id);
  }

  list<K extends ResourceKind>(kind: K): Resource<K>[] {
    return [...this.sortedList(kind)];
  }

  /** The kind's resources by name: the read model's own array, shared until the kind changes. */
  sortedList<K extends ResourceKind>(kind: K): readonly Resource<K>[] {
    let sorted = this.sorted.get(kind);
    if (!sorted) {
      sorted = [...this.resources.values()]
        .filter((r) => isOfKind(r, kind))
        .sort((a, b) => a.name.localeCompare(b.name));
      this.sorted.set(kind, sorted);
    }
    return sorted as readonly Resource<K>[];
  }

  allTags(): Tag[] {
    return [...this.tags.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  tag(idOrName: string): Tag | undefined {
    return this.tags.get(idOrName) ?? [...this.tags.values()].find((t) => t.name === idOrName);
  }

  update(id: string): UpdateRecord | undefined {
    return this.updates.get(id);
  }

  /** Updates, newest first: by start, ties in reverse log order (ids are random). */
  listUpdates(filter: (u: UpdateRecord) => boolean = () => true): UpdateRecord[] {
    return [...this.updates.values()]
      .reverse()
      .filter(filter)
      .sort((a, b) => b.start_ts - a.start_ts);
  }

  taggedWith(tagId: string): Resource[] {
    return [...this.resources.values()].filter((r) => r.tags.includes(tagId));
  }

  /** Resources whose config points at this one: they block its deletion. */
  referrers(kind: ResourceKind, id: string): Referrer[] {
    const found: Referrer[] = [];
    for (const resource of this.resources.values()) {
      for (const spec of KIND_SPECS[resource.kind].references) {
        if (spec.kind !== kind) continue;
        if (spec.when && getPath(resource.config, spec.when.path) !== spec.when.equals) continue;
        const value = getPath(resource.config, spec.path);
        if (value === id || (Array.isArray(value) && value.includes(id))) {
          found.push({
            kind: resource.kind,
            id: resource.id,
            name: resource.name,
            field: spec.path.join('.'),
          });
        }
      }
    }
    return found;
  }

  private byId<K extends ResourceKind>(kind: K, id: string): Resource<K> | undefined {
    const found = this.resources.get(key(kind, id));
    return found && isOfKind(found, kind) ? found : undefined;
  }

  private applyResource(event: StoredEvent): void {
    const id = event.stream.slice(event.stream.indexOf('-') + 1);
    const kind = kindOfStream(event.stream) as ResourceKind;
    if (kind === 'Build') this.builds.apply(id, event);
    if (kind === 'ResourceSync') this.syncs.apply(id, event);
    const current = this.resources.get(key(kind, id));
    const state = evolveResource(
      current ? { status: 'Active', resource: current } : { status: 'Empty' },
      {
        ...event,
        at: event.metadata.at,
        by: event.metadata.userId,
      },
    );
    if (state.status === 'Active') this.resources.set(key(kind, id), state.resource);
    else this.resources.delete(key(kind, id));
    this.sorted.delete(kind);
    this.indexName(kind, id, current, state.status === 'Active' ? state.resource : undefined);
    if (state.status === 'Deleted') {
      this.deleted.record(state.resource, event.metadata.at, event.metadata.userId);
    }
    const update = updateFromResourceEvent(event);
    if (update) this.recordUpdate(update);
  }

  /** Keeps `names` in step: the first resource of a name keeps it while it lives, as a scan found. */
  private indexName(kind: ResourceKind, id: string, before?: Resource, after?: Resource): void {
    if (before && before.name !== after?.name && this.names.get(key(kind, before.name)) === id) {
      this.names.delete(key(kind, before.name));
      const other = [...this.resources.values()].find(
        (r) => isOfKind(r, kind) && r.name === before.name,
      );
      if (other) this.names.set(key(kind, before.name), other.id);
    }
    if (after && !this.names.has(key(kind, after.name))) this.names.set(key(kind, after.name), id);
  }

  private recordUpdate(update: UpdateRecord): void {
    this.updates.set(update.id, update);
    for (const listener of this.updateListeners) listener(update);
  }

  private applyTag(event: StoredEvent): void {
    const id = event.stream.slice('tag-'.length);
    const current = this.tags.get(id);
    const state = evolveTag(
      current ? { status: 'Active', tag: current } : { status: 'Empty' },
      event,
    );
    if (state.status === 'Active') this.tags.set(id, state.tag);
    else this.tags.delete(id);
  }
}

const key = (kind: ResourceKind, id: string) => `${kind}/${id}`;
