import { isPermissionLevel } from '../../identity/permission-level';
import type { ResourceKind } from '../../kinds';
import { diffFields } from '../../shared/diff';
import { conflict, invalid, notFound } from '../../shared/domain-error';
import { checkName } from '../../shared/names';
import { KIND_SPECS } from '../configs';
import { completePatch } from './complete-patch';

export { completePatch };
import { checkConfigRules } from './config-rules';
import { resourceEvent, type ResourceEvent } from './events';
import type { Resource, ResourceState } from './state';

export type ResourceCommand =
  | {
      type: 'Create';
      id: string;
      name: string;
      description?: string;
      tags?: string[];
      /** A partial config; the kind's defaults fill the rest. */
      config?: Record<string, unknown>;
    }
  | { type: 'UpdateConfig'; config: Record<string, unknown> }
  | { type: 'Rename'; name: string }
  | { type: 'UpdateDescription'; description: string }
  | { type: 'UpdateTags'; tags: string[] }
  | { type: 'UpdateBasePermission'; level: string }
  | { type: 'Delete' };

/**
 * The lifecycle every kind shares. Name uniqueness and references need other streams and are
 * checked by the caller (libs/resources); here are the rules of one resource's own stream.
 */
export function decideResource(
  kind: ResourceKind,
  state: ResourceState,
  command: ResourceCommand,
): ResourceEvent[] {
  if (command.type === 'Create') {
    if (state.status !== 'Empty') throw conflict(`${kind} ${command.id} already exists`);
    const name = checkName(command.name);
    const defaults = KIND_SPECS[kind].defaults();
    const given = completePatch(kind, defaults, checkFields(kind, command.config ?? {}));
    const config = { ...defaults, ...given };
    checkConfigRules(kind, config, name);
    return [
      resourceEvent(kind, 'Created', {
        id: command.id,
        name,
        description: command.description ?? '',
        tags: uniqueTags(command.tags ?? []),
        config,
      }),
    ];
  }
  const resource = activeResource(kind, state);
  switch (command.type) {
    case 'UpdateConfig': {
      const given = completePatch(kind, resource.config, checkFields(kind, command.config));
      const diff = diffFields(resource.config, given);
      const changed = Object.fromEntries(Object.entries(diff).map(([field, { to }]) => [field, to]));
      checkConfigRules(kind, changed, resource.name, { ...resource.config, ...changed });
      return Object.keys(diff).length ? [resourceEvent(kind, 'ConfigUpdated', { diff })] : [];
    }
    case 'Rename': {
      const name = checkName(command.name);
      return name === resource.name
        ? []
        : [resourceEvent(kind, 'Renamed', { from: resource.name, to: name })];
    }
    case 'UpdateDescription':
      return command.description === resource.description
        ? []
        : [
            resourceEvent(kind, 'DescriptionUpdated', {
              from: resource.description,
              to: command.description,
            }),
          ];
    case 'UpdateTags': {
      const tags = uniqueTags(command.tags);
      return sameSet(tags, resource.tags)
        ? []
        : [resourceEvent(kind, 'TagsUpdated', { from: resource.tags, to: tags })];
    }
    case 'UpdateBasePermission': {
      if (!isPermissionLevel(command.level)) {
        throw invalid(
          `base_permission: '${command.level}' is not one of None, Read, Execute, Write`,
          {
            field: 'base_permission',
          },
        );
      }
      return command.level === resource.basePermission
        ? []
        : [
            resourceEvent(kind, 'BasePermissionUpdated', {
              from: resource.basePermission,
              to: command.level,
            }),
          ];
    }
    case 'Delete':
      return [resourceEvent(kind, 'Deleted', { name: resource.name })];
    default:
      return assertNever(command);
  }
}

function activeResource(kind: ResourceKind, state: ResourceState): Resource {
  if (state.status !== 'Active') throw notFound(`${kind} not found`);
  return state.resource;
}

/** Keys outside the kind's config are refused here too, whatever the boundary let through. */
function checkFields(kind: ResourceKind, config: Record<string, unknown>): Record<string, unknown> {
  const known = KIND_SPECS[kind].defaults();
  const unknown = Object.keys(config).filter((field) => !(field in known));
  if (unknown.length) {
    throw invalid(`config.${unknown[0]}: unknown field for ${kind}`, { fields: unknown });
  }
  return config;
}

function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags)];
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((tag) => b.includes(tag));
}

function assertNever(value: never): never {
  throw new Error(`unhandled command ${JSON.stringify(value)}`);
}
