import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  KIND_REQUESTS,
  LIFECYCLE_ENTRY,
  TAG_REQUESTS,
  type CopyResourceDto,
  type CreateResourceDto,
  type UpdateResourceDto,
  type UpdateResourceMetaDto,
  validateConfig,
} from '@monitor/contracts';
import {
  CREATOR_SPECIFICS,
  RESOURCE_KINDS,
  type Resource,
  type ResourceKind,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { LIFECYCLE_WRITES, READ_MODEL, type LifecycleWrite } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { toKomodoResource, toKomodoUpdate } from '../komodo-shapes';
import { IdentityCommands } from '../../auth/identity-commands';
import { canCreate } from '../../auth/create-rights';
import type { Principal } from '../../auth/principal';
import { RequestRegistry, type RequestContext } from '../request-registry';
import { CommandForwarder } from './command-forwarder';
import { WriteRights } from './write-rights';

/** The lifecycle writes of every kind, forwarded to the service that owns the kind. */
@Injectable()
export class ResourceWrites implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly commands: CommandForwarder,
    private readonly identity: IdentityCommands,
    private readonly rights: WriteRights,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    for (const kind of RESOURCE_KINDS) {
      for (const op of LIFECYCLE_WRITES) {
        const entry = KIND_REQUESTS[kind][LIFECYCLE_ENTRY[op]];
        this.registry.handle(entry, (params, context) =>
          this.write(kind, op, entry.name, params, context),
        );
      }
    }
    this.registry.handle(TAG_REQUESTS.UpdateResourceMeta, (params, context) =>
      this.meta(params, context),
    );
    this.registry.handle(TAG_REQUESTS.UpdateTagsOnResource, ({ target, tags }, context) =>
      this.meta({ target, tags }, context),
    );
    this.registry.handle(TAG_REQUESTS.UpdateDescription, ({ target, description }, context) =>
      this.meta({ target, description }, context),
    );
  }

  private async write(
    kind: ResourceKind,
    op: LifecycleWrite,
    name: string,
    params: object,
    { meta, principal }: RequestContext,
  ) {
    const creates = op === 'Create' || op === 'Copy';
    if (creates && !canCreate(principal, kind)) {
      throw new ApiError(403, `you may not create ${kind}s; an admin can allow it`, 'FORBIDDEN');
    }
    this.checkConfigRights(kind, op, params, principal);
    // What a delete answers: the resource as it was (its access check found it).
    const before = op === 'Delete' ? this.current(kind, (params as { id: string }).id) : undefined;
    const { id } = await this.commands.send(kind, name, { params, meta });
    if (creates && !principal.isAdmin) {
      // The creator may manage what they created, with the specifics Komodo gives a creator.
      const specific = [...(CREATOR_SPECIFICS[kind] ?? [])];
      await this.identity.user(
        principal.id,
        { type: 'SetResourcePermission', kind, id, level: 'Write', specific },
        meta,
      );
    }
    if (before) return toKomodoResource(before);
    if (op === 'Rename') return this.lastUpdate(kind, id);
    return toKomodoResource(this.current(kind, id));
  }

  /**
   * A create, a copy (checked as the caller's own create of the source's config) and an update
   * may only point at and ask for what the caller may give (WriteRights).
   */
  private checkConfigRights(
    kind: ResourceKind,
    op: LifecycleWrite,
    params: object,
    principal: Principal,
  ): void {
    if (op === 'Create') {
      const config = asWritten(kind, (params as CreateResourceDto).config ?? {});
      this.rights.check(principal, kind, config, config);
    } else if (op === 'Copy') {
      const source = this.current(kind, (params as CopyResourceDto).id);
      const config = { ...source.config };
      this.rights.check(principal, kind, config, config);
    } else if (op === 'Update') {
      const current = this.current(kind, (params as UpdateResourceDto).id);
      const given = asWritten(kind, (params as UpdateResourceDto).config);
      const result = { ...current.config, ...given };
      this.rights.check(principal, kind, given, result, current);
    }
  }

  private async meta(params: UpdateResourceMetaDto, { meta, principal }: RequestContext) {
    if (params.base_permission !== undefined && !principal.isAdmin) {
      // A base permission is a grant to every user: granting is admin business.
      throw new ApiError(
        403,
        'base_permission: only admins may give every user a permission on a resource',
        'FORBIDDEN',
      );
    }
    await this.commands.send(params.target.type, TAG_REQUESTS.UpdateResourceMeta.name, {
      params,
      meta,
    });
    return {};
  }

  private current(kind: ResourceKind, id: string): Resource {
    const resource = this.readModel.resource(kind, id);
    if (!resource) throw new ApiError(404, `no ${kind} has the id '${id}'`, 'NOT_FOUND');
    return resource;
  }

  private lastUpdate(kind: ResourceKind, id: string) {
    const [update] = this.readModel.listUpdates(
      (u) => u.target.type === kind && u.target.id === id,
    );
    if (!update) throw new ApiError(500, `the Update of ${kind} '${id}' is missing`, 'INTERNAL');
    return toKomodoUpdate(update);
  }
}

/**
 * The config as its service will store it: Komodo's aliases (`server`, `image.params.build`, ...)
 * under the fields they stand for, so the rights are checked on what is written. A config the
 * service will refuse is checked as given; its write changes nothing anyway.
 */
function asWritten(kind: ResourceKind, config: Record<string, unknown>): Record<string, unknown> {
  const validated = validateConfig(kind, config);
  return validated.ok ? validated.config : config;
}
