import type { ResourceQueryDto } from '@monitor/contracts';
import type { Resource, ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta } from '@monitor/resources';
import type { Principal } from '../auth/principal';
import { ResourceLoaders } from './resource-loaders';

/** Sends one catalogue request as the caller, through the RPC's dispatcher (checks and all). */
export type Dispatch = (verb: string, name: string, params: unknown) => Promise<unknown>;

/** What every resolver of one GraphQL request works with: who asks, and how to read and act. */
export interface GraphqlContext {
  readonly principal: Principal;
  readonly meta: CommandMeta;
  readonly readModel: ReadModel;
  readonly dispatch: Dispatch;
  readonly loaders: ResourceLoaders;
  /** The resource as reads show it (a Build with the version its builds recorded). */
  readonly shown: (resource: Resource) => Resource;
  /** The RPC's page of Updates and alerts (`updates_page_size`), to find an offset's page. */
  readonly updatesPageSize: number;
  /**
   * The kind's resources by name that a Komodo query matches and the caller may read, as
   * `List<Kinds>` picks them (ResourceReads.readable: no per-item check for whole-kind readers).
   */
  readonly readable: (kind: ResourceKind, query: ResourceQueryDto) => readonly Resource[];
  /** The resource's list item `info`, kept ready by the gateway (ResourceReads.listItems). */
  readonly listInfo: (resource: Resource) => Record<string, unknown>;
}

/** A context for one request; its loaders live as long as the request. */
export function graphqlContext(parts: Omit<GraphqlContext, 'loaders'>): GraphqlContext {
  return {
    ...parts,
    loaders: new ResourceLoaders(parts.readModel, parts.listInfo),
  };
}
