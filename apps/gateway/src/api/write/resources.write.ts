import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  CopyResourceDto,
  CreateResourceDto,
  DeleteResourceDto,
  RenameResourceDto,
  UpdateDescriptionDto,
  UpdateResourceDto,
  UpdateResourceMetaDto,
  UpdateTagsOnResourceDto,
} from '@monitor/contracts';
import { RESOURCE_KINDS, type Resource, type ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL, UPDATE_META, lifecycleRequest, type LifecycleWrite } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { toKomodoResource, toKomodoUpdate } from '../komodo-shapes';
import { request, RequestRegistry, type RequestContext } from '../request-registry';
import { CommandForwarder } from './command-forwarder';

const DTO: Record<LifecycleWrite, new () => object> = {
  Create: CreateResourceDto,
  Copy: CopyResourceDto,
  Update: UpdateResourceDto,
  Rename: RenameResourceDto,
  Delete: DeleteResourceDto,
};

/** The lifecycle writes of every kind, forwarded to the service that owns the kind. */
@Injectable()
export class ResourceWrites implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly commands: CommandForwarder,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    for (const kind of RESOURCE_KINDS) {
      for (const op of Object.keys(DTO) as LifecycleWrite[]) {
        const name = lifecycleRequest(op, kind);
        this.registry.add(
          request({
            verb: 'write',
            name,
            dto: DTO[op],
            handle: (params, context) => this.write(kind, op, name, params, context),
          }),
        );
      }
    }
    this.registry.add(
      request({
        verb: 'write',
        name: UPDATE_META,
        dto: UpdateResourceMetaDto,
        handle: (params, context) => this.meta(params, context),
      }),
      request({
        verb: 'write',
        name: 'UpdateTagsOnResource',
        dto: UpdateTagsOnResourceDto,
        handle: ({ target, tags }, context) => this.meta({ target, tags }, context),
      }),
      request({
        verb: 'write',
        name: 'UpdateDescription',
        dto: UpdateDescriptionDto,
        handle: ({ target, description }, context) => this.meta({ target, description }, context),
      }),
    );
  }

  private async write(
    kind: ResourceKind,
    op: LifecycleWrite,
    name: string,
    params: object,
    { meta }: RequestContext,
  ) {
    const before =
      op === 'Delete' ? this.readModel.resource(kind, (params as { id: string }).id) : undefined;
    const { id } = await this.commands.send(kind, name, { params, meta });
    if (op === 'Delete') return before ? toKomodoResource(before) : {};
    if (op === 'Rename') return this.lastUpdate(kind, id);
    return toKomodoResource(this.current(kind, id));
  }

  private async meta(params: UpdateResourceMetaDto, { meta }: RequestContext) {
    await this.commands.send(params.target.type, UPDATE_META, { params, meta });
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
    return update ? toKomodoUpdate(update) : {};
  }
}
