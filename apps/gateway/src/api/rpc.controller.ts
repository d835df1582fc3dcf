import { Body, Controller, Headers, HttpCode, Param, Post, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { newId } from '@monitor/resources';
import { Authenticator, credentialsOf } from '../auth/authenticator';
import { HttpErrorFilter } from './http-error.filter';
import { JsonAnswer } from './json-answer';
import { RequestDispatcher } from './request-dispatcher';

/**
 * Komodo's RPC shape: `POST /<verb>/<Request>` with the params as the JSON body, sent by the
 * caller its credentials name (RequestDispatcher). An answer already serialised (JsonAnswer, the
 * lists) is sent as it is, with the content type Nest gives JSON.
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
    @Res({ passthrough: true }) response: Response,
  ) {
    const principal = await this.authenticator.authenticate(credentialsOf(headers));
    const meta = { userId: principal.id, via: principal.via, correlationId: newId() };
    const answer = await this.dispatcher.dispatch(verb, name, body, principal, meta);
    if (!(answer instanceof JsonAnswer)) return answer;
    response.type('application/json');
    return answer.json;
  }
}
