import {
  claimsNotIn,
  conflict,
  containerNameCategory,
  invalid,
  isOfKind,
  isResourceKind,
  joinedContainers,
  namingFields,
  parseRuntimeNameHolder,
  replayResource,
  resourceStream,
  runtimeNameClaims,
  runtimeNameHolder,
  type Resource,
  type ResourceKind,
  type RuntimeNameClaim,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta } from './command-meta';
import type { NameRegistry } from './name-registry';

/** How long a reservation not yet backed by its holder's config counts as a write under way. */
const UNCLAIMED_GRACE_MS = 5 * 60_000;

const CLAIMING_KINDS: ResourceKind[] = ['Deployment', 'Stack'];

/** A resource as a write leaves it: enough to know which runtime names it claims. */
export interface Claimant {
  id: string;
  name: string;
  /** Its config, or the fields a write gives (a Deployment's or a Stack's claim names). */
  config: object;
}

/**
 * Container names and compose projects, unique per server across Deployments and Stacks:
 * reserved (reservation streams, first writer wins) when a write makes a resource claim one,
 * given back when it claims it no more or is deleted. A clash is a 409 naming the holder.
 */
export class RuntimeNameReservations {
  constructor(
    private readonly store: EventStore,
    private readonly names: NameRegistry,
    /** Finds resources written before names were reserved, which hold theirs unreserved. */
    private readonly readModel?: ReadModel,
  ) {}

  /**
   * Runs `write` holding the names `next` claims: those not yet held are taken first, and given
   * back if `write` fails; once it succeeded, what `before` claimed and `next` does not is given
   * back. A `container:` network must join another Deployment's container on the same server.
   */
  async during<T>(
    kind: ResourceKind,
    before: Claimant | undefined,
    next: Claimant,
    meta: CommandMeta,
    write: () => Promise<T>,
  ): Promise<T> {
    if (kind === 'Deployment') await this.checkJoins(next);
    const claims = runtimeNameClaims(kind, next);
    const taken = await this.take(kind, next.id, claims, meta);
    let result: T;
    try {
      result = await write();
    } catch (error) {
      await this.give(kind, next.id, taken, meta);
      throw error;
    }
    if (before) {
      const given = claimsNotIn(runtimeNameClaims(kind, before), claims);
      await this.give(kind, next.id, given, meta);
    }
    return result;
  }

  /** A deleted resource gives back every name it held. */
  releaseAll(kind: ResourceKind, resource: Claimant, meta: CommandMeta): Promise<void> {
    return this.give(kind, resource.id, runtimeNameClaims(kind, resource), meta);
  }

  /** The Deployment whose container this name on this server is, if any. */
  async deploymentOfContainer(
    serverId: string,
    name: string,
  ): Promise<Resource<'Deployment'> | undefined> {
    const claim = {
      category: containerNameCategory(serverId),
      name,
      what: 'container name',
      field: 'name',
    };
    const reservation = await this.names.reservation(claim.category, name);
    const found = reservation
      ? await this.current(reservation.holder, claim)
      : this.unreservedHolder(claim);
    return found && isOfKind(found.resource, 'Deployment') ? found.resource : undefined;
  }

  private async checkJoins(next: Claimant): Promise<void> {
    const { server_id, network } = namingFields(next.config);
    const serverId = server_id.trim();
    for (const name of joinedContainers({ network })) {
      const joined = serverId ? await this.deploymentOfContainer(serverId, name) : undefined;
      if (!joined || joined.id === next.id) {
        throw invalid(
          `config.network: 'container:${name}' joins no other Deployment's container on this server: container:<name> may only name the container of a Deployment on the same server`,
          { field: 'config.network' },
        );
      }
    }
  }

  private async take(
    kind: ResourceKind,
    id: string,
    claims: RuntimeNameClaim[],
    meta: CommandMeta,
  ): Promise<RuntimeNameClaim[]> {
    const holder = runtimeNameHolder(kind, id);
    const taken: RuntimeNameClaim[] = [];
    try {
      for (const claim of claims) {
        if (await this.reserve(claim, holder, meta)) taken.push(claim);
      }
    } catch (error) {
      await this.give(kind, id, taken, meta);
      throw error;
    }
    return taken;
  }

  /** False when `holder` held it already; a clash is refused naming the other resource. */
  private async reserve(claim: RuntimeNameClaim, holder: string, meta: CommandMeta) {
    const current = await this.names.reservation(claim.category, claim.name);
    if (current?.holder === holder) return false;
    if (current) await this.freeOrRefuse(claim, current, meta);
    const unreserved = current ? undefined : this.unreservedHolder(claim, holder);
    if (unreserved) throw this.taken(claim, unreserved.kind, unreserved.resource);
    try {
      await this.names.reserve(claim.category, claim.name, holder, meta);
    } catch (error) {
      if ((error as { code?: string }).code !== 'CONFLICT') throw error;
      throw conflict(
        `config.${claim.field}: the ${claim.what} '${claim.name}' was taken on this server by another write at the same time; choose another`,
        { field: `config.${claim.field}` },
      );
    }
    return true;
  }

  /**
   * Refuses naming the holder while it claims the name. A reservation whose holder has not
   * claimed it for a while (a write that stopped halfway: the process ended) is released, so it
   * cannot block the name forever; a recent one may belong to a write still under way.
   */
  private async freeOrRefuse(
    claim: RuntimeNameClaim,
    { holder, at }: { holder: string; at: number },
    meta: CommandMeta,
  ) {
    const found = await this.current(holder, claim);
    if (found) throw this.taken(claim, found.kind, found.resource);
    if (Date.now() - at < UNCLAIMED_GRACE_MS) {
      throw conflict(
        `config.${claim.field}: the ${claim.what} '${claim.name}' is being taken on this server by another write; choose another, or try again`,
        { field: `config.${claim.field}` },
      );
    }
    await this.names.release(claim.category, claim.name, holder, meta);
  }

  /** A resource written before names were reserved holds its names unreserved. */
  private unreservedHolder(
    claim: RuntimeNameClaim,
    except?: string,
  ): { kind: ResourceKind; resource: Resource } | undefined {
    for (const kind of CLAIMING_KINDS) {
      const resource = this.readModel
        ?.list(kind)
        .find(
          (r) =>
            runtimeNameHolder(kind, r.id) !== except &&
            runtimeNameClaims(kind, r).some(
              (c) => c.category === claim.category && c.name === claim.name,
            ),
        );
      if (resource) return { kind, resource };
    }
    return undefined;
  }

  private taken(claim: RuntimeNameClaim, kind: ResourceKind, by: Resource) {
    return conflict(
      `config.${claim.field}: the ${claim.what} '${claim.name}' is taken on this server by ${kind} '${by.name}'; choose another`,
      { field: `config.${claim.field}`, holder: { type: kind, name: by.name } },
    );
  }

  /** The holder, if it exists and its config still claims the name. */
  private async current(
    holder: string,
    claim: RuntimeNameClaim,
  ): Promise<{ kind: ResourceKind; resource: Resource } | undefined> {
    const { kind, id } = parseRuntimeNameHolder(holder);
    if (!isResourceKind(kind)) return undefined;
    const events = await this.store.readStream(resourceStream(kind, id));
    const state = replayResource(events.map((e) => ({ ...e, at: e.metadata.at })));
    if (state.status !== 'Active') return undefined;
    const claims = runtimeNameClaims(kind, state.resource);
    const holds = claims.some((c) => c.category === claim.category && c.name === claim.name);
    return holds ? { kind, resource: state.resource } : undefined;
  }

  private async give(
    kind: ResourceKind,
    id: string,
    claims: RuntimeNameClaim[],
    meta: CommandMeta,
  ): Promise<void> {
    const holder = runtimeNameHolder(kind, id);
    for (const claim of claims) await this.names.release(claim.category, claim.name, holder, meta);
  }
}
