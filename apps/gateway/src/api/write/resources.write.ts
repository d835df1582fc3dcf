import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  KIND_REQUESTS,
  TAG_REQUESTS,
  type CopyResourceDto,
  type CreateResourceDto,
  type DeleteResourceDto,
  type RenameResourceDto,
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
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { toKomodoResource, toKomodoUpdate } from '../komodo-shapes';
import { IdentityCommands } from '../../auth/identity-commands';
import { createRefusal } from '../../auth/create-rights';
import type { Principal } from '../../auth/principal';
import { ProcedureCheck } from '../procedures/procedure-check';
import { RequestRegistry, type RequestContext } from '../request-registry';
import { CommandForwarder } from './command-forwarder';
import { WriteRights } from './write-rights';

/** A lifecycle write, its params those of its request. */
type LifecycleParams =
  | { op: 'Create'; params: CreateResourceDto }
  | { op: 'Copy'; params: CopyResourceDto }
  | { op: 'Update'; params: UpdateResourceDto }
  | { op: 'Rename'; params: RenameResourceDto }
  | { op: 'Delete'; params: DeleteResourceDto };

/** The lifecycle writes of every kind, forwarded to the service that owns the kind. */
@Injectable()
export class ResourceWrites implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly commands: CommandForwarder,
    private readonly identity: IdentityCommands,
    private readonly rights: WriteRights,
    private readonly procedures: ProcedureCheck,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    for (const kind of RESOURCE_KINDS) {
      const { create, copy, update, rename, delete: remove } = KIND_REQUESTS[kind];
      const resourceAfter = async (written: Promise<string>) =>
        toKomodoResource(this.current(kind, await written));
      this.registry.handle(create, (params, context) =>
        resourceAfter(this.write(kind, create.name, { op: 'Create', params }, context)),
      );
      this.registry.handle(copy, (params, context) =>
        resourceAfter(this.write(kind, copy.name, { op: 'Copy', params }, context)),
      );
      this.registry.handle(update, (params, context) =>
        resourceAfter(this.write(kind, update.name, { op: 'Update', params }, context)),
      );
      this.registry.handle(rename, async (params, context) =>
        this.lastUpdate(
          kind,
          await this.write(kind, rename.name, { op: 'Rename', params }, context),
        ),
      );
      this.registry.handle(remove, async (params, context) => {
        // What a delete answers: the resource as it was (its access check found it).
        const before = this.current(kind, params.id);
        await this.write(kind, remove.name, { op: 'Delete', params }, context);
        return toKomodoResource(before);
      });
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

  /** Checks the caller's rights, sends the write to the kind's owner: the resource's id. */
  private async write(
    kind: ResourceKind,
    name: string,
    write: LifecycleParams,
    { meta, principal }: RequestContext,
  ): Promise<string> {
    const { op, params } = write;
    const creates = op === 'Create' || op === 'Copy';
    const refusal = creates ? createRefusal(principal, kind) : undefined;
    if (refusal) throw new ApiError(403, refusal, 'FORBIDDEN');
    this.checkConfigRights(kind, write, principal);
    const sent = kind === 'Procedure' ? this.checkedProcedure(write, principal) : params;
    if (op === 'Delete')
      this.procedures.refuseDeleteOfNamed(principal, this.current(kind, write.params.id));
    const { id } = await this.commands.send(kind, name, { params: sent, meta });
    if (creates && !principal.isAdmin) {
      // The creator may manage what they created, with the specifics Komodo gives a creator.
      const specific = [...(CREATOR_SPECIFICS[kind] ?? [])];
      await this.identity.user(
        principal.id,
        { type: 'SetResourcePermission', kind, id, level: 'Write', specific },
        meta,
      );
    }
    return id;
  }

  /**
   * A create, a copy (checked as the caller's own create of the source's config) and an update
   * may only point at and ask for what the caller may give (WriteRights).
   */
  private checkConfigRights(kind: ResourceKind, write: LifecycleParams, principal: Principal) {
    if (write.op === 'Create') {
      const config = asWritten(kind, write.params.config ?? {});
      this.rights.check(principal, kind, config, config);
    } else if (write.op === 'Copy') {
      const source = this.current(kind, write.params.id);
      const config = { ...source.config };
      this.rights.check(principal, kind, config, config);
    } else if (write.op === 'Update') {
      const current = this.current(kind, write.params.id);
      const given = asWritten(kind, write.params.config);
      const result = { ...current.config, ...given };
      this.rights.check(principal, kind, given, result, current);
    }
  }

  /** A Procedure's stages checked whole, their names resolved to ids (ProcedureCheck). */
  private checkedProcedure(write: LifecycleParams, principal: Principal): object {
    if (write.op === 'Create') {
      const config = write.params.config ?? {};
      const self = { name: write.params.name };
      return { ...write.params, config: this.procedures.checked(principal, config, self) };
    }
    if (write.op === 'Copy') {
      const source = this.current('Procedure', write.params.id) as Resource<'Procedure'>;
      this.procedures.checked(
        principal,
        { stages: source.config.stages },
        { name: write.params.name },
      );
    } else if (write.op === 'Update') {
      const { id, name } = this.current('Procedure', write.params.id);
      const config = this.procedures.checked(principal, write.params.config, { id, name });
      return { ...write.params, config };
    } else if (write.op === 'Rename') {
      const procedure = this.current('Procedure', write.params.id) as Resource<'Procedure'>;
      this.procedures.checkRename(procedure, write.params.name);
    }
    return write.params;
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
