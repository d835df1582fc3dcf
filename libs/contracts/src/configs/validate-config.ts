import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import type { ResourceKind } from '../../../domain/src/kinds';
import { resolveAliases } from './aliases';
import { AlerterConfigDto } from './alerter.config.dto';
import { BuildConfigDto } from './build.config.dto';
import { BuilderConfigDto } from './builder.config.dto';
import { DeploymentConfigDto } from './deployment.config.dto';
import { type FieldError, toFieldErrors } from './field-errors';
import { passesFlatCheck } from './flat-check';
import { ProcedureConfigDto } from './procedure.config.dto';
import { ActionConfigDto } from './action.config.dto';
import { RepoConfigDto } from './repo.config.dto';
import { ResourceSyncConfigDto } from './resource-sync.config.dto';
import { describeValue } from './rules';
import { ServerConfigDto } from './server.config.dto';
import { ServerTemplateConfigDto } from './server-template.config.dto';
import { StackConfigDto } from './stack.config.dto';

export const CONFIG_DTOS: Record<ResourceKind, new () => object> = {
  Server: ServerConfigDto,
  Deployment: DeploymentConfigDto,
  Stack: StackConfigDto,
  Repo: RepoConfigDto,
  Build: BuildConfigDto,
  Builder: BuilderConfigDto,
  Procedure: ProcedureConfigDto,
  Action: ActionConfigDto,
  ResourceSync: ResourceSyncConfigDto,
  Alerter: AlerterConfigDto,
  ServerTemplate: ServerTemplateConfigDto,
};

export type ValidateConfigResult =
  { ok: true; config: Record<string, unknown> } | { ok: false; errors: FieldError[] };

const OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
};

/** Keys that would reach an object's prototype when class-transformer copies them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A deep copy of the JSON-like input holding only what was given: a property that is null or
 * undefined is left out, as Komodo reads an absent Option for both.
 */
function copyGiven(value: unknown, path: string[], errors: FieldError[]): unknown {
  if (Array.isArray(value))
    return value.map((item, i) => copyGiven(item, [...path, String(i)], errors));
  if (typeof value !== 'object' || value === null) return value;
  if (!isPlain(value)) {
    errors.push({ field: path.join('.'), message: `${path.join('.')} must be plain JSON data` });
    return value;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push({ field: [...path, key].join('.'), message: `unknown field '${key}'` });
    } else if (item !== undefined && item !== null) {
      copy[key] = copyGiven(item, [...path, key], errors);
    }
  }
  return copy;
}

/**
 * Checks a partial config of `kind` (the `config` of a Create or Update). The answer holds
 * exactly the given fields with their given values: no defaults, no coercion ("80" is not 80);
 * a field given by a Komodo alias is answered under the name it stands for.
 */
export function validateConfig(kind: ResourceKind, input: unknown): ValidateConfigResult {
  const dto = Object.hasOwn(CONFIG_DTOS, kind) ? CONFIG_DTOS[kind] : undefined;
  if (!dto)
    return {
      ok: false,
      errors: [{ field: 'kind', message: `unknown resource kind ${describeValue(kind)}` }],
    };
  if (!isPlain(input)) {
    return {
      ok: false,
      errors: [
        { field: 'config', message: `config must be an object (got ${describeValue(input)})` },
      ],
    };
  }
  const errors: FieldError[] = [];
  const config = copyGiven(input, [], errors) as Record<string, unknown>;
  // An empty partial changes nothing, so it needs no union `type` either (Builder, ServerTemplate).
  // A flat config passing the same rules needs no instance: only what fails is checked in full.
  if (errors.length === 0 && Object.keys(config).length > 0 && !passesFlatCheck(dto, config)) {
    let instance = plainToInstance(dto, config);
    // Fields under a renamed alias are typed by the next transform; aliases nest a few deep.
    for (let pass = resolveAliases(instance, config); ; pass = resolveAliases(instance, config)) {
      errors.push(...pass.errors);
      if (errors.length || !pass.renamed) break;
      instance = plainToInstance(dto, config);
    }
    if (errors.length === 0) errors.push(...toFieldErrors(validateSync(instance, OPTIONS)));
  }
  return errors.length === 0 ? { ok: true, config } : { ok: false, errors };
}
