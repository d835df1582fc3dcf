import { Injectable } from '@nestjs/common';
import { resolveParamAliases } from '@monitor/contracts';
import type { CommandMeta } from '@monitor/resources';
import type { Principal } from '../auth/principal';
import { AccessCheck } from './access-check';
import { ApiError } from './api-error';
import { RequestRegistry, VERBS } from './request-registry';

/**
 * One request, by verb and name, as a principal: found in the registry, Komodo's aliases of
 * its params renamed, validated by its DTO, the caller's access checked, then handled. The RPC
 * controller sends what comes over HTTP; the acting controller what services send for a user.
 */
@Injectable()
export class RequestDispatcher {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly access: AccessCheck,
  ) {}

  async dispatch(
    verb: string,
    name: string,
    body: unknown,
    principal: Principal,
    meta: CommandMeta,
  ): Promise<unknown> {
    const definition = (VERBS as readonly string[]).includes(verb)
      ? this.registry.find(verb, name)
      : undefined;
    if (!definition) {
      throw new ApiError(404, `unknown request '${name}' for /${verb}`, 'NOT_FOUND', {
        verb,
        request: name,
      });
    }
    const aliased = resolveParamAliases(name, body ?? {});
    if (!aliased.ok) {
      throw new ApiError(400, `${name}: ${aliased.message}`, 'VALIDATION', {
        errors: [{ field: aliased.field, message: aliased.message }],
      });
    }
    const accepted = definition.accept(aliased.params);
    if (!accepted.ok) {
      const message = accepted.errors.map((e) =>
        e.message.includes(e.field) ? e.message : `${e.field}: ${e.message}`,
      );
      throw new ApiError(400, `${name}: ${message.join('; ')}`, 'VALIDATION', {
        errors: accepted.errors,
      });
    }
    const { params, run } = accepted.value;
    this.access.check(definition.access, params, principal, name);
    return run({ meta, principal });
  }
}
