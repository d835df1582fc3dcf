import { MessagePattern } from '@nestjs/microservices';
import { ACTING_SUBJECT, BusController, QUEUE_GROUPS, type ActingRequest } from '@monitor/bus';
import type { CommandMeta } from '@monitor/resources';
import { Authenticator } from '../auth/authenticator';
import { ApiError } from './api-error';
import { RequestDispatcher } from './request-dispatcher';

/**
 * Requests services send for a user (ACTING_SUBJECT): handled as that user's own, so what a
 * sync applies or a procedure runs meets exactly the checks the user's HTTP call would.
 */
@BusController()
export class ActingController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly dispatcher: RequestDispatcher,
  ) {}

  @MessagePattern(ACTING_SUBJECT, { queue: QUEUE_GROUPS.gateway })
  act({ verb, name, params, meta }: ActingRequest<CommandMeta>): Promise<unknown> {
    const principal = this.authenticator.principal(meta.userId, meta.via);
    if (!principal.user.enabled)
      throw new ApiError(
        403,
        `${name}: user '${principal.user.username}' is disabled, so nothing is done for them`,
        'FORBIDDEN',
      );
    return this.dispatcher.dispatch(verb, name, params, principal, meta);
  }
}
