import { invalid, type ResourceKind } from '@monitor/domain';
import {
  CopyResourceDto,
  CreateResourceDto,
  DeleteResourceDto,
  RenameResourceDto,
  UpdateResourceDto,
  UpdateResourceMetaDto,
  validateConfig,
  describeProblems,
  requireValid,
} from '@monitor/contracts';
import type { ResourceCommands, WriteResult } from '@monitor/resources';
import type { CommandEnvelope, LifecycleWrite } from './lifecycle-requests';

type Handler = (envelope: CommandEnvelope) => Promise<WriteResult>;

/** Validates a command's params again at the service's edge, then runs the lifecycle. */
export function lifecycleHandler(
  commands: ResourceCommands,
  kind: ResourceKind,
  op: LifecycleWrite,
): Handler {
  switch (op) {
    case 'Create':
      return async ({ params, meta }) => {
        const p = valid(CreateResourceDto, params);
        return commands.create(
          kind,
          { ...p, config: p.config && validConfig(kind, p.config) },
          meta,
        );
      };
    case 'Copy':
      return async ({ params, meta }) => {
        const p = valid(CopyResourceDto, params);
        return commands.copy(kind, p.id, p.name, meta);
      };
    case 'Update':
      return async ({ params, meta }) => {
        const p = valid(UpdateResourceDto, params);
        return commands.update(kind, p.id, validConfig(kind, p.config), meta);
      };
    case 'Rename':
      return async ({ params, meta }) => {
        const p = valid(RenameResourceDto, params);
        return commands.rename(kind, p.id, p.name, meta);
      };
    case 'Delete':
      return async ({ params, meta }) =>
        commands.delete(kind, valid(DeleteResourceDto, params).id, meta);
  }
}

export function updateMetaHandler(commands: ResourceCommands): Handler {
  return async ({ params, meta }) => {
    const p = valid(UpdateResourceMetaDto, params);
    let result: WriteResult | undefined;
    if (p.description !== undefined) {
      result = await commands.updateDescription(p.target.type, p.target.id, p.description, meta);
    }
    if (p.base_permission !== undefined) {
      result = await commands.updateBasePermission(
        p.target.type,
        p.target.id,
        p.base_permission,
        meta,
      );
    }
    if (p.tags !== undefined)
      result = await commands.updateTags(p.target.type, p.target.id, p.tags, meta);
    return result ?? { id: (await commands.load(p.target.type, p.target.id)).id, position: 0 };
  };
}

export const valid = requireValid;

function validConfig(kind: ResourceKind, config: unknown): Record<string, unknown> {
  const result = validateConfig(kind, config);
  if (!result.ok) {
    const errors = result.errors.map((e) => ({ ...e, field: `config.${e.field}` }));
    throw invalid(describeProblems(errors), { errors });
  }
  return result.config;
}
