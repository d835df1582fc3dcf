import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { describeProblems, ObserveMessageDto, validateDto } from '@monitor/contracts';
import type { StoredEvent } from '@monitor/eventstore';
import type { ReadModel, UpdateRecord } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { toUpdateListItem } from '../api/komodo-shapes';
import { toApiError } from '../api/api-error';
import { Authenticator } from '../auth/authenticator';
import { FeedHub, feedSession, type FeedSession } from './feed/feed-hub';
import type { FeedEnd, FeedSink } from './feed/feed-message';
import type { FeedSubscription } from './feed/feed-subscription';
import { SocketWriter } from './feed/socket-writer';
import { WebSocketRoutes } from './websocket-routes';

/** One logged-in socket: its writer, and its two feeds (Updates; observed events). */
interface Client {
  session: FeedSession;
  writer: SocketWriter;
  updates?: FeedSubscription<UpdateRecord, unknown>;
  observed?: FeedSubscription<StoredEvent, unknown>;
}

/**
 * `/ws/update`, Komodo's live feed, on the gateway's feed (FeedHub). The client's first message
 * logs in (`{ type: "Jwt", params: { jwt } }` or `{ type: "ApiKeys", params: { key, secret } }`)
 * and is answered `LOGGED_IN`; then it receives each Update it may see (as a list item, as
 * Komodo 2 sends, with the `position` of the change) when it is created or changes. Beyond
 * Komodo: `params.after` in the login, or a later `{ type: "Resume", after }`, replays the
 * Updates changed after that position first (such a socket counts as one of the user's feeds);
 * `Observe` messages (ObserveMessageDto) add observed changes on the same socket. A client that
 * falls `limits.feed_buffer` messages behind is closed with 4008 and the reason.
 */
@Injectable()
export class UpdateFeed implements OnApplicationShutdown {
  private readonly logger = new Logger(UpdateFeed.name);
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly authenticator: Authenticator,
    private readonly feeds: FeedHub,
    private readonly routes: WebSocketRoutes,
  ) {
    this.wss.on('connection', (socket) => this.accept(socket));
    routes.add('/ws/update', this.wss);
  }

  attach(server: Server): void {
    this.routes.attach(server);
  }

  onApplicationShutdown(): void {
    for (const socket of this.wss.clients) socket.terminate();
    this.wss.close();
  }

  private accept(socket: WebSocket): void {
    const timer = setTimeout(() => socket.close(1008, 'log in within 10 s'), 10_000);
    // The login is checked asynchronously: messages sent right after it wait for it, in order.
    let login: Promise<Client | undefined> | undefined;
    socket.on('message', (data) => {
      const text = data.toString();
      if (login) {
        void login.then((client) => client && this.command(client, text));
        return;
      }
      clearTimeout(timer);
      login = this.logIn(socket, text);
    });
    socket.on('error', (error) => this.logger.warn(`update feed client: ${error.message}`));
  }

  private async logIn(socket: WebSocket, text: string): Promise<Client | undefined> {
    try {
      const { credentials, after } = loginMessage(text);
      const { principal, token } = await this.authenticator.session(credentials);
      if (socket.readyState !== socket.OPEN) return undefined;
      const client: Client = {
        session: feedSession(principal, token, credentials),
        writer: new SocketWriter(socket),
      };
      socket.on('close', () => {
        client.updates?.close();
        client.observed?.close();
      });
      // Its replay is read asynchronously: LOGGED_IN goes first.
      this.follow(client, after);
      socket.send('LOGGED_IN');
      return client;
    } catch (error) {
      socket.close(1008, (error as Error).message.slice(0, 120));
      return undefined;
    }
  }

  /** (Re)starts the socket's Updates: after a position (counted), or from now (not counted). */
  private follow(client: Client, after: unknown): void {
    const from = after === undefined ? 'now' : String(after);
    const next = this.feeds.openUpdates(
      {
        session: client.session,
        filter: {},
        from: this.feeds.position(from, 'after'),
        sink: this.sink(client, (update) =>
          JSON.stringify(toUpdateListItem(update, this.readModel.identity)),
        ),
      },
      after !== undefined,
    );
    client.updates?.close();
    client.updates = next;
  }

  private sink<T>(client: Client, render: (item: T, position: number) => string): FeedSink<T> {
    const { writer } = client;
    return {
      send: ({ item, position }) => writer.send(withPosition(render(item, position), position)),
      drained: () => writer.drained(),
      heartbeat: () => writer.ping(),
      end: (end: FeedEnd) => writer.close(end.code === 'DROPPED' ? 4008 : 1008, closeReason(end)),
    };
  }

  /** A message after the login: `Resume` or `Observe`. */
  private command(client: Client, text: string): void {
    let message: { type?: unknown; after?: unknown } | string;
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      message = text;
    }
    try {
      if (typeof message === 'object' && message?.type === 'Resume') {
        this.follow(client, message.after ?? 0);
        client.writer.send(JSON.stringify({ type: 'Resumed', after: message.after ?? 0 }));
      } else {
        this.observe(client, message);
      }
    } catch (error) {
      client.writer.send(JSON.stringify({ type: 'Error', error: toApiError(error).message }));
    }
  }

  /** An `Observe` message: what this socket hears of from now on, answered `Observing`. */
  private observe(client: Client, message: unknown): void {
    const result = validateDto(ObserveMessageDto, message);
    if (!result.ok) {
      client.writer.send(JSON.stringify({ type: 'Error', error: describeProblems(result.errors) }));
      return;
    }
    const streams = result.value.params.streams;
    client.observed?.close();
    client.observed = streams.length
      ? this.feeds.openEvents(
          {
            session: client.session,
            filter: { streams: new Set(streams) },
            from: this.readModel.position,
            sink: this.sink(client, (event: StoredEvent) =>
              JSON.stringify({ type: 'Observed', event }),
            ),
          },
          false,
        )
      : undefined;
    client.writer.send(JSON.stringify({ type: 'Observing', streams }));
  }
}

/** Adds `"position":N` to a rendered JSON object. */
function withPosition(json: string, position: number): string {
  return `${json.slice(0, -1)}${json.length > 2 ? ',' : ''}"position":${position}}`;
}

function closeReason({ code, reason, after }: FeedEnd): string {
  return code === 'DROPPED'
    ? `dropped: read too slowly (limits.feed_buffer); resume after ${after}`
    : reason;
}

function loginMessage(text: string) {
  let message: { type?: unknown; params?: Record<string, unknown> };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    throw new Error('the first message must be a JSON login message');
  }
  const params = message.params ?? {};
  const after = params.after;
  if (message.type === 'Jwt')
    return { credentials: { authorization: String(params.jwt ?? '') || undefined }, after };
  if (message.type === 'ApiKeys')
    return {
      credentials: { apiKey: String(params.key ?? ''), apiSecret: String(params.secret ?? '') },
      after,
    };
  throw new Error('login message type must be Jwt or ApiKeys');
}
