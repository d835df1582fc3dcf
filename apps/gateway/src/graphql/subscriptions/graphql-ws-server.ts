import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { isOfKind, type Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { newId } from '@monitor/resources';
import { MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { GraphQLSchema } from 'graphql';
import type { Context } from 'graphql-ws';
import type { useServer as UseServer } from 'graphql-ws/dist/use/ws.cjs';
import { WebSocketServer, type WebSocket } from 'ws';
import { shownBuild } from '../../api/builds/build-shown';
import { toApiError } from '../../api/api-error';
import { RequestDispatcher } from '../../api/request-dispatcher';
import { Authenticator, type PrincipalVia } from '../../auth/authenticator';
import { FeedHub, type FeedSession } from '../../live/feed/feed-hub';
import { WebSocketRoutes } from '../../live/websocket-routes';
import { graphqlContext } from '../graphql-context';
import { buildMonitorSchema } from '../schema';
import type { SubscriptionContext } from './subscription-context';

/** What a connection keeps beside its socket: its login. */
type Session = { session?: FeedSession };
type Extra = { socket: WebSocket } & Session;

// The package's `./use/ws` export, which this project's module resolution (node10) cannot see.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as { useServer: typeof UseServer };

/** Close code of a connection whose connectionParams do not authenticate. */
const UNAUTHENTICATED = 4401;

/**
 * GraphQL over WebSocket (the graphql-ws protocol) at /graphql, beside Apollo's HTTP endpoint
 * on the same path: subscriptions, and queries and mutations too. The connection authenticates
 * once with its `connectionParams` (`{ authorization: "Bearer <jwt>" }` or `{ apiKey,
 * apiSecret }`) through the RPC's Authenticator; each subscription's messages are re-checked
 * against that login and the caller's rights (FeedHub). Heartbeats: pings every
 * `limits.feed_heartbeat_ms`.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationShutdown {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly server: { dispose(): void | Promise<void> };

  constructor(
    routes: WebSocketRoutes,
    private readonly authenticator: Authenticator,
    private readonly dispatcher: RequestDispatcher,
    private readonly feeds: FeedHub,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {
    let schema: GraphQLSchema | undefined;
    this.server = useServer<Record<string, unknown>, Session>(
      {
        schema: () => (schema ??= buildMonitorSchema()),
        onConnect: (ctx) => this.connect(ctx),
        context: (ctx) => this.context(ctx.extra.session!),
      },
      this.wss,
      config.limits.feed_heartbeat_ms,
    );
    routes.add('/graphql', this.wss);
  }

  async onApplicationShutdown(): Promise<void> {
    // At once: a client that no longer reads would hold a close handshake for 30 s.
    for (const socket of this.wss.clients) socket.terminate();
    await this.server.dispose();
  }

  private async connect(ctx: Context<Record<string, unknown>, Extra>): Promise<boolean> {
    const params = ctx.connectionParams ?? {};
    const text = (key: string) => (typeof params[key] === 'string' ? params[key] : undefined);
    try {
      const { principal, token } = await this.authenticator.session({
        authorization: text('authorization') ?? text('Authorization'),
        apiKey: text('apiKey'),
        apiSecret: text('apiSecret'),
      });
      ctx.extra.session = { userId: principal.id, via: principal.via as PrincipalVia, token };
      return true;
    } catch (error) {
      ctx.extra.socket.close(UNAUTHENTICATED, toApiError(error).message.slice(0, 120));
      return false;
    }
  }

  private context(session: FeedSession): SubscriptionContext {
    const principal = this.authenticator.principal(session.userId, session.via);
    const meta = { userId: principal.id, via: principal.via, correlationId: newId() };
    const readModel = this.readModel;
    return {
      ...graphqlContext({
        principal,
        meta,
        readModel,
        dispatch: (verb, name, params) =>
          this.dispatcher.dispatch(verb, name, params, principal, meta),
        shown: (resource: Resource) =>
          isOfKind(resource, 'Build') ? shownBuild(readModel, resource) : resource,
        updatesPageSize: this.config.updates_page_size,
      }),
      feeds: this.feeds,
      session,
    };
  }
}
