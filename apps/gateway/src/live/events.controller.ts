import { Controller, Get, Headers, Inject, Query, Res, UseFilters } from '@nestjs/common';
import { isResourceKind, kindCategory } from '@monitor/domain';
import type { EventStore, StoredEvent } from '@monitor/eventstore';
import { EVENT_STORE } from '@monitor/runtime';
import type { Response } from 'express';
import { ApiError } from '../api/api-error';
import { HttpErrorFilter } from '../api/http-error.filter';

/**
 * `GET /events`: domain events as Server-Sent Events for integrations. Each carries its log
 * position as the SSE id, so a client resumes with `?after=<position>` or `Last-Event-ID`.
 * Filters: `kind=Deployment`, `resource=<id>` (with kind), `stream=<name>`.
 */
@Controller()
@UseFilters(HttpErrorFilter)
export class EventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('events')
  stream(
    @Query('after') after: string | undefined,
    @Query('kind') kind: string | undefined,
    @Query('resource') resource: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() res: Response,
  ): void {
    const from = Number(after ?? lastEventId ?? 0);
    if (!Number.isSafeInteger(from) || from < 0) {
      throw new ApiError(
        400,
        `after: '${after ?? lastEventId}' is not a log position (a whole number >= 0)`,
        'VALIDATION',
      );
    }
    if (kind !== undefined && !isResourceKind(kind))
      throw new ApiError(400, `kind: '${kind}' is not a resource kind`, 'VALIDATION');
    if (resource !== undefined && kind === undefined)
      throw new ApiError(400, 'resource: give kind too', 'VALIDATION');
    const prefix = kind ? `${kindCategory(kind)}-${resource ?? ''}` : '';
    const wanted = (e: StoredEvent) =>
      resource ? e.stream === prefix : e.stream.startsWith(prefix);

    res.status(200).set({
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.flushHeaders();
    res.write(': connected\n\n');
    const subscription = this.store.subscribeAll(from, (event) => {
      if (wanted(event))
        res.write(
          `id: ${event.position}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`,
        );
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(heartbeat);
      void subscription.close();
    });
  }
}
