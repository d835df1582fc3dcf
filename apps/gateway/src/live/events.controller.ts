import { Controller, Get, Headers, Query, Res, UseFilters } from '@nestjs/common';
import type { StoredEvent } from '@monitor/eventstore';
import type { Response } from 'express';
import { HttpErrorFilter } from '../api/http-error.filter';
import { Authenticator, credentialsOf } from '../auth/authenticator';
import { commaList, parseFeedFilter } from './feed/feed-filter';
import { FeedHub, feedSession } from './feed/feed-hub';
import type { FeedSink } from './feed/feed-message';

type Headers = Record<string, string | string[] | undefined>;

/**
 * `GET /events`: domain events as Server-Sent Events for integrations, on the gateway's feed
 * (FeedHub). Each carries its log position as the SSE id, so a client resumes with
 * `?after=<position>` or `Last-Event-ID`; `after=now` starts at the end of the log. Filters,
 * comma-separated: `kind`/`kinds`, `resource`/`resources` (ids), `types` (event types), `tags`
 * (ids or names), `streams` (observed stream categories). A client that falls
 * `limits.feed_buffer` messages behind gets `event: dropped` with the reason, and the stream ends.
 */
@Controller()
@UseFilters(HttpErrorFilter)
export class EventsController {
  constructor(
    private readonly feeds: FeedHub,
    private readonly authenticator: Authenticator,
  ) {}

  @Get('events')
  async stream(
    @Query() query: Record<string, string | undefined>,
    @Headers() headers: Headers,
    @Res() res: Response,
  ): Promise<void> {
    const credentials = credentialsOf(headers);
    const { principal, token } = await this.authenticator.session(credentials);
    const param = (name: string) => (typeof query[name] === 'string' ? query[name] : undefined);
    const from = param('after')
      ? this.feeds.position(param('after'), 'after')
      : this.feeds.position(headers['last-event-id'] as string | undefined, 'Last-Event-ID');
    const filter = parseFeedFilter({
      kinds: commaList(param('kind'), param('kinds')),
      resources: commaList(param('resource'), param('resources')),
      types: commaList(param('types')),
      tags: commaList(param('tags')),
      streams: commaList(param('streams')),
    });
    const feed = this.feeds.openEvents({
      session: feedSession(principal, token, credentials),
      filter,
      from,
      sink: sseSink(res),
    });
    res.status(200).set({
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.flushHeaders();
    res.write(': connected\n\n');
    res.on('close', () => feed.close());
  }
}

/** The feed's messages as Server-Sent Events on the response. */
function sseSink(res: Response): FeedSink<StoredEvent> {
  return {
    send: ({ position, item }) =>
      res.destroyed ||
      res.write(`id: ${position}\nevent: ${item.type}\ndata: ${JSON.stringify(item)}\n\n`),
    drained: () => drainedOrClosed(res),
    heartbeat: () => void res.write(': keep-alive\n\n'),
    end: ({ code, reason, after }) => {
      if (code !== 'SIGNED_OUT' && !res.destroyed) {
        const data = JSON.stringify({ code, reason, after });
        res.write(`event: ${code === 'DROPPED' ? 'dropped' : 'failed'}\ndata: ${data}\n\n`);
      }
      res.end();
      // A client that does not read never takes the end either: let it go after a while.
      setTimeout(() => res.writableFinished || res.destroy(), 10_000).unref();
    },
  };
}

/** The client took what was written (or went away): the next event may be written. */
function drainedOrClosed(res: Response): Promise<void> {
  if (res.destroyed) return Promise.resolve();
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
