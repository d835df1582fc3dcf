import { Body, Controller, Headers, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { newId } from '@monitor/resources';
import { Authenticator, credentialsOf } from '../auth/authenticator';
import { HttpErrorFilter } from './http-error.filter';
import { RequestDispatcher } from './request-dispatcher';

/**
 * Komodo's RPC shape: `POST /<verb>/<Request>` with the params as the JSON body, sent by the
 * caller its credentials name (RequestDispatcher).
 */
@Controller()
@UseFilters(HttpErrorFilter)
export class RpcController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly dispatcher: RequestDispatcher,
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
    const meta = { userId: principal.id, via: principal.via, correlationId: newId() };
    return this.dispatcher.dispatch(verb, name, body, principal, meta);
  }
}
