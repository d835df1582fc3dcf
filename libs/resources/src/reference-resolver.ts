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
      if (spec.when && getPath(merged, spec.when.path) !== spec.when.equals) continue;
      const field = `config.${spec.path.join('.')}`;
      if (typeof value === 'string' && value !== '') {
        resolved = setPath(resolved, spec.path, await this.require(spec.kind, value, field));
      } else if (Array.isArray(value)) {
        const ids = [];
        for (const item of value)
          ids.push(
            typeof item === 'string' && item ? await this.require(spec.kind, item, field) : item,
          );
        resolved = setPath(resolved, spec.path, ids);
      }
    }
    return resolved;
  }

  private async require(kind: ResourceKind, idOrName: string, field: string): Promise<string> {
    const id = await this.find(kind, idOrName);
    if (!id) throw invalid(`${field}: no ${kind} has the name or id '${idOrName}'`, { field });
    return id;
  }

  /** The id of the resource with this id or name. */
  async find(kind: ResourceKind, idOrName: string): Promise<string | undefined> {
    const byId = replayResource(await this.store.readStream(resourceStream(kind, idOrName)));
    if (byId.status === 'Active') return idOrName;
    return this.names.holder(kindCategory(kind), idOrName);
  }
}
