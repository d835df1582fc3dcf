import {
  completePatch,
  conflict,
  decideResource,
  evolveResource,
  initialResourceState,
  kindCategory,
  KIND_SPECS,
  notFound,
  resourceStream,
  type Resource,
  type ResourceCommand,
  type ResourceKind,
  type ResourceState,
} from '@monitor/domain';
import type { EventStore, StoredEvent } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta } from './command-meta';
import { newId } from './ids';
import type { ConfigSecrets } from './config-secrets';
import { NameRegistry } from './name-registry';
import { ReferenceResolver } from './reference-resolver';
import { RuntimeNameReservations } from './runtime-name-reservations';
import { handleCommand } from './stream-handler';
import { resolveTags } from './tag-resolver';

export interface WriteResult {
  id: string;
  /** The log position the caller's read model must reach to see this write. */
  position: number;
}

export interface CreateParams {
  name: string;
  description?: string;
  tags?: string[];
  /** The kind's config, or some of its fields. */
  config?: object;
}

/** The shared lifecycle of every kind: create, update, rename, copy, delete, meta. */
export class ResourceCommands {
  private readonly names: NameRegistry;
  private readonly references: ReferenceResolver;
  private readonly runtimeNames: RuntimeNameReservations;

  constructor(
    private readonly store: EventStore,
    private readonly readModel: ReadModel,
    private readonly secrets: ConfigSecrets,
  ) {
    this.names = new NameRegistry(store);
    this.references = new ReferenceResolver(store, this.names);
    this.runtimeNames = new RuntimeNameReservations(store, this.names, readModel);
  }

  /** `id`: given by a caller that reserved the name for it beforehand (a launch, before it spends). */
  async create(
    kind: ResourceKind,
    params: CreateParams,
    meta: CommandMeta,
    id = newId(),
  ): Promise<WriteResult> {
    const defaults = KIND_SPECS[kind].defaults();
    const partial = completePatch(kind, defaults, fieldsOf(params.config ?? {}));
    const config = await this.references.resolve(kind, partial, { ...defaults, ...partial });
    const tags = await resolveTags(this.store, this.readModel, params.tags ?? []);
    const command: ResourceCommand = {
      type: 'Create',
      id,
      ...params,
      tags,
      config: this.secrets.sealNew(kind, config),
    };
    // Decided once before the name is reserved, so that a refused create writes nothing.
    decideResource(kind, initialResourceState(), command);
    await this.reserveName(kind, params.name, id, meta);
    try {
      const claimant = { id, name: params.name, config };
      const { position } = await this.runtimeNames.during(kind, undefined, claimant, meta, () =>
        this.run(kind, id, command, meta),
      );
      return { id, position };
    } catch (error) {
      await this.names.release(kindCategory(kind), params.name, id, meta);
      throw error;
    }
  }

  async update(
    kind: ResourceKind,
    idOrName: string,
    /** Some fields of the kind's config. */
    patch: object,
    meta: CommandMeta,
  ) {
    const current = await this.load(kind, idOrName);
    const config = completePatch(kind, current.config, fieldsOf(patch));
    const resolved = await this.references.resolve(kind, config, { ...current.config, ...config });
    const sealed = this.secrets.sealPatch(kind, current.config, resolved);
    const next = { ...current, config: { ...current.config, ...resolved } };
    return this.runtimeNames.during(kind, current, next, meta, () =>
      this.runOn(kind, current.id, { type: 'UpdateConfig', config: sealed }, meta),
    );
  }

  async rename(
    kind: ResourceKind,
    idOrName: string,
    name: string,
    meta: CommandMeta,
  ): Promise<WriteResult> {
    const current = await this.load(kind, idOrName);
    if (
      decideResource(kind, { status: 'Active', resource: current }, { type: 'Rename', name })
        .length === 0
    ) {
      return { id: current.id, position: await this.store.headPosition() };
    }
    await this.reserveName(kind, name, current.id, meta);
    try {
      const { events } = await this.runtimeNames.during(
        kind,
        current,
        { ...current, name },
        meta,
        () => this.run(kind, current.id, { type: 'Rename', name }, meta),
      );
      const from = (events[0]?.data as { from: string }).from;
      await this.names.release(kindCategory(kind), from, current.id, meta);
    } catch (error) {
      await this.names.release(kindCategory(kind), name, current.id, meta);
      throw error;
    }
    return { id: current.id, position: await this.store.headPosition() };
  }

  async copy(kind: ResourceKind, sourceIdOrName: string, name: string, meta: CommandMeta) {
    const source = await this.load(kind, sourceIdOrName);
    const { config, description, tags } = source;
    return this.create(kind, { name, config, description, tags }, meta);
  }

  async delete(kind: ResourceKind, idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const current = await this.load(kind, idOrName);
    await this.readModel.waitFor(await this.store.headPosition());
    const referrers = this.readModel.referrers(kind, current.id);
    if (referrers.length) {
      const list = referrers.map((r) => `${r.kind} '${r.name}' (${r.field})`).join(', ');
      throw conflict(
        `${kind} '${current.name}' is referenced by ${list}; change or delete them first`,
        {
          referrers,
        },
      );
    }
    await this.run(kind, current.id, { type: 'Delete' }, meta);
    await this.names.release(kindCategory(kind), current.name, current.id, meta);
    await this.runtimeNames.releaseAll(kind, current, meta);
    return { id: current.id, position: await this.store.headPosition() };
  }

  async updateDescription(
    kind: ResourceKind,
    idOrName: string,
    description: string,
    meta: CommandMeta,
  ) {
    const current = await this.load(kind, idOrName);
    return this.runOn(kind, current.id, { type: 'UpdateDescription', description }, meta);
  }

  async updateTags(kind: ResourceKind, idOrName: string, tags: string[], meta: CommandMeta) {
    const current = await this.load(kind, idOrName);
    const ids = await resolveTags(this.store, this.readModel, tags);
    return this.runOn(kind, current.id, { type: 'UpdateTags', tags: ids }, meta);
  }

  async updateBasePermission(
    kind: ResourceKind,
    idOrName: string,
    level: string,
    meta: CommandMeta,
  ) {
    const current = await this.load(kind, idOrName);
    return this.runOn(kind, current.id, { type: 'UpdateBasePermission', level }, meta);
  }

  /** The resource as its own stream says now (not the possibly lagging read model). */
  async load(kind: ResourceKind, idOrName: string): Promise<Resource> {
    const id = (await this.references.find(kind, idOrName)) ?? idOrName;
    const state = await this.state(kind, id);
    if (state.status !== 'Active') throw notFound(`no ${kind} has the name or id '${idOrName}'`);
    return state.resource;
  }

  private async state(kind: ResourceKind, id: string): Promise<ResourceState> {
    const events = await this.store.readStream(resourceStream(kind, id));
    return events.reduce(evolveWithTime, initialResourceState());
  }

  private async reserveName(kind: ResourceKind, name: string, id: string, meta: CommandMeta) {
    try {
      await this.names.reserve(kindCategory(kind), name, id, meta);
    } catch (error) {
      if ((error as { code?: string }).code === 'CONFLICT') {
        throw conflict(`name: a ${kind} named '${name}' already exists`, { field: 'name' });
      }
      throw error;
    }
  }

  private async runOn(kind: ResourceKind, id: string, command: ResourceCommand, meta: CommandMeta) {
    const { position } = await this.run(kind, id, command, meta);
    return { id, position: position || (await this.store.headPosition()) };
  }

  private run(kind: ResourceKind, id: string, command: ResourceCommand, meta: CommandMeta) {
    return handleCommand(
      this.store,
      resourceStream(kind, id),
      {
        initialState: initialResourceState,
        evolve: evolveWithTime,
        decide: (state: ResourceState, c: ResourceCommand) => decideResource(kind, state, c),
      },
      command,
      meta,
    );
  }
}

function evolveWithTime(state: ResourceState, event: StoredEvent): ResourceState {
  return evolveResource(state, { ...event, at: event.metadata.at, by: event.metadata.userId });
}

/** A config's fields by name, as the decider and the reference resolver walk them. */
function fieldsOf(config: object): Record<string, unknown> {
  return { ...config };
}
