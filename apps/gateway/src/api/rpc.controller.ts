import { Body, Controller, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { validateDto } from '@monitor/contracts';
import { newId } from '@monitor/resources';
import { ApiError } from './api-error';
import { HttpErrorFilter } from './http-error.filter';
import { RequestRegistry, VERBS } from './request-registry';

/**
 * Komodo's RPC shape: `POST /<verb>/<Request>` with the params as the JSON body. A request is
 * found by name, its params validated by its DTO, then handled.
 */
@Controller()
@UseFilters(HttpErrorFilter)
export class RpcController {
  constructor(private readonly registry: RequestRegistry) {}

  @Post(':verb/:request')
  @HttpCode(200)
  async call(@Param('verb') verb: string, @Param('request') name: string, @Body() body: unknown) {
    const definition = (VERBS as readonly string[]).includes(verb)
      ? this.registry.find(verb, name)
      : undefined;
    if (!definition) {
      throw new ApiError(404, `unknown request '${name}' for /${verb}`, 'NOT_FOUND', {
        verb,
        request: name,
      });
    }
    const params = validateDto(definition.dto, body ?? {});
    if (!params.ok) {
      const message = params.errors.map((e) =>
        e.message.includes(e.field) ? e.message : `${e.field}: ${e.message}`,
      );
      throw new ApiError(400, `${name}: ${message.join('; ')}`, 'VALIDATION', {
        errors: params.errors,
      });
    }
    const meta = { userId: 'anonymous', via: 'api' as const, correlationId: newId() };
    return definition.handle(params.value, { meta });
  }
}
