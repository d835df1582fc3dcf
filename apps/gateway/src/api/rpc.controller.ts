import { Body, Controller, Headers, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { resolveParamAliases } from '@monitor/contracts';
import { newId } from '@monitor/resources';
import { Authenticator, credentialsOf } from '../auth/authenticator';
import { AccessCheck } from './access-check';
import { ApiError } from './api-error';
import { HttpErrorFilter } from './http-error.filter';
import { RequestRegistry, VERBS } from './request-registry';

/**
 * Komodo's RPC shape: `POST /<verb>/<Request>` with the params as the JSON body. A request is
 * found by name, Komodo's aliases of its params renamed, its params validated by its DTO, then
 * handled.
 */
@Controller()
@UseFilters(HttpErrorFilter)
export class RpcController {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly authenticator: Authenticator,
    private readonly access: AccessCheck,
  ) {}

  @Post(':verb/:request')
  @HttpCode(200)
  async call(
    @Param('verb') verb: string,
    @Param('request') name: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | string[] | undefined>,
  ) {
    const principal = await this.authenticator.authenticate(credentialsOf(headers));
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
    const meta = { userId: principal.id, via: principal.via, correlationId: newId() };
    return run({ meta, principal });
  }
}
