import { Controller, Get, Headers, Inject, Logger, Query, Res, UseFilters } from '@nestjs/common';
import { OBSERVED_STREAMS } from '@monitor/contracts';
import { isResourceKind, kindCategory, streamCategory } from '@monitor/domain';
import type { EventStore, StoredEvent } from '@monitor/eventstore';
import type { MonitorConfig } from '@monitor/config';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
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
 *
 * The log is read from the store a page at a time and the next event is written only once the
 * client has taken the last (backpressure), so a replay from 0 holds one page, not the log, in
 * memory however slowly the client reads. A user may hold `limits.events_per_user` streams.
 */
@Controller()
@UseFilters(HttpErrorFilter)
export class EventsController {
  private readonly logger = new Logger('Gateway');
  /** Open streams per user id. */
  private readonly open = new Map<string, number>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
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
    const { principal, token } = await this.authenticator.session(credentialsOf(headers));
    const { id: userId, via } = principal;
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
    // Who the caller is now: a token logged out, revoked or expired since ends the stream.
    const signedIn = () => this.authenticator.stillSignedIn(userId, via as PrincipalVia, token);

    const limit = this.config.limits.events_per_user;
    const held = this.open.get(userId) ?? 0;
    if (held >= limit) {
      throw new ApiError(
        429,
        `you have ${held} /events streams open, the most one user may (limits.events_per_user); close one first`,
        'RATE_LIMITED',
      );
    }
    this.open.set(userId, held + 1);

    res.status(200).set({
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.flushHeaders();
    res.write(': connected\n\n');
    const subscription = this.store.subscribeAll(from, async (event) => {
      if (res.destroyed || !matches(event)) return;
      const now = signedIn();
      if (!now) return void res.end();
      if (!canSeeEvent(now, event, this.readModel)) return;
      const sent = res.write(
        `id: ${event.position}\nevent: ${event.type}\ndata: ${JSON.stringify(maskSealed(event))}\n\n`,
      );
      if (!sent) await drainedOrClosed(res);
    });
    const heartbeat = setInterval(
      () => (signedIn() ? res.write(': keep-alive\n\n') : res.end()),
      15_000,
    );
    res.on('close', () => {
      clearInterval(heartbeat);
      const left = (this.open.get(userId) ?? 1) - 1;
      if (left > 0) this.open.set(userId, left);
      else this.open.delete(userId);
      subscription
        .close()
        .catch((error: unknown) =>
          this.logger.error(`/events stream of user ${userId} failed: ${(error as Error).message}`),
        );
    });
  }
}

/** The client took what was written (or went away): the next event may be written. */
function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
