import {
  getPath,
  invalid,
  kindCategory,
  KIND_SPECS,
  replayResource,
  resourceStream,
  setPath,
  type ResourceKind,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { NameRegistry } from './name-registry';

/**
 * References accept a name or an id on write and are stored as the id: `server_id = "prod-1"`
 * becomes the id of Server prod-1. An unknown target is refused with the field named.
 */
export class ReferenceResolver {
  constructor(
    private readonly store: EventStore,
    private readonly names: NameRegistry,
  ) {}

  async resolve(
    kind: ResourceKind,
    config: Record<string, unknown>,
    /** The config as it will be after the write, to evaluate `when` conditions. */
    merged: Record<string, unknown> = config,
  ): Promise<Record<string, unknown>> {
    let resolved = config;
    for (const spec of KIND_SPECS[kind].references) {
      const value = getPath(config, spec.path);
      if (typeof value !== 'string' || value === '') continue;
      if (spec.when && getPath(merged, spec.when.path) !== spec.when.equals) continue;
      const id = await this.find(spec.kind, value);
      if (!id) {
        const field = `config.${spec.path.join('.')}`;
        throw invalid(`${field}: no ${spec.kind} has the name or id '${value}'`, { field });
      }
      resolved = setPath(resolved, spec.path, id);
    }
    return resolved;
  }

  /** The id of the resource with this id or name. */
  async find(kind: ResourceKind, idOrName: string): Promise<string | undefined> {
    const byId = replayResource(await this.store.readStream(resourceStream(kind, idOrName)));
    if (byId.status === 'Active') return idOrName;
    return this.names.holder(kindCategory(kind), idOrName);
  }
}
