import { Controller, Get, Headers, Inject, Query, Res, UseFilters } from '@nestjs/common';
import { OBSERVED_STREAMS } from '@monitor/contracts';
import { isResourceKind, kindCategory, streamCategory } from '@monitor/domain';
import type { EventStore, StoredEvent } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { maskSealed } from '@monitor/secrets';
import type { Response } from 'express';
import { ApiError } from '../api/api-error';
import { HttpErrorFilter } from '../api/http-error.filter';
import { Authenticator, credentialsOf, type PrincipalVia } from '../auth/authenticator';
import { canSeeEvent } from '../auth/event-visibility';

type Headers = Record<string, string | string[] | undefined>;

/**
 * `GET /events`: domain events as Server-Sent Events for integrations. Each carries its log
 * position as the SSE id, so a client resumes with `?after=<position>` or `Last-Event-ID`;
 * `after=now` starts at the end of the log (what happens from now on). Filters:
 * `kind=Deployment`, `resource=<id>` (with kind), or `streams=serverstatus,alert` (stream
 * categories: what polling observes). A user gets only the events they may see, with sealed
 * secrets masked.
 */
@Controller()
@UseFilters(HttpErrorFilter)
export class EventsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly authenticator: Authenticator,
  ) {}

  @Get('events')
  async stream(
    @Query('after') after: string | undefined,
    @Query('kind') kind: string | undefined,
    @Query('resource') resource: string | undefined,
    @Query('streams') streams: string | undefined,
    @Headers() headers: Headers,
    @Res() res: Response,
  ): Promise<void> {
    const { id: userId, via } = await this.authenticator.authenticate(credentialsOf(headers));
    const position = after ?? (headers['last-event-id'] as string | undefined) ?? '0';
    const from = position === 'now' ? this.readModel.position : Number(position);
    if (!Number.isSafeInteger(from) || from < 0) {
      throw new ApiError(
        400,
        `after: '${position}' is not a log position (a whole number >= 0, or now)`,
        'VALIDATION',
      );
    }
    if (kind !== undefined && !isResourceKind(kind)) {
      throw new ApiError(400, `kind: '${kind}' is not a resource kind`, 'VALIDATION');
    }
    if (resource !== undefined && kind === undefined) {
      throw new ApiError(400, 'resource: give kind too', 'VALIDATION');
    }
    const categories = streams?.split(',').map((c) => c.trim()) ?? [];
    const unknown = categories.find((c) => !(OBSERVED_STREAMS as readonly string[]).includes(c));
    if (unknown !== undefined) {
      throw new ApiError(
        400,
        `streams: '${unknown}' is not one of ${OBSERVED_STREAMS.join(', ')}`,
        'VALIDATION',
      );
    }
    const prefix = kind ? `${kindCategory(kind)}-${resource ?? ''}` : '';
    const matches = (e: StoredEvent) =>
      (categories.length === 0 || categories.includes(streamCategory(e.stream))) &&
      (resource ? e.stream === prefix : e.stream.startsWith(prefix));
    const visible = (e: StoredEvent) =>
      canSeeEvent(this.authenticator.principal(userId, via as PrincipalVia), e, this.readModel);

    res.status(200).set({
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.flushHeaders();
    res.write(': connected\n\n');
    const subscription = this.store.subscribeAll(from, (event) => {
      if (!matches(event) || !visible(event)) return;
      res.write(
        `id: ${event.position}\nevent: ${event.type}\ndata: ${JSON.stringify(maskSealed(event))}\n\n`,
      );
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(heartbeat);
      void subscription.close();
    });
  }
}
