import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { MonitorConfig } from '@monitor/config';
import { MONITOR_CONFIG } from '@monitor/runtime';
import { GraphQLError, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import type { useServer as UseServer } from 'graphql-ws/dist/use/ws.cjs';
import { WebSocketServer, type WebSocket } from 'ws';
import { toApiError } from '../../api/api-error';
import { Authenticator } from '../../auth/authenticator';
import { FeedHub, feedSession, type FeedSession } from '../../live/feed/feed-hub';
import { WebSocketRoutes } from '../../live/websocket-routes';
import { GraphqlEndpoint } from '../graphql-endpoint';
import { checkCost, depthLimitRule, operationCost } from '../limits';
import { buildMonitorSchema } from '../schema';
import type { SubscriptionContext } from './subscription-context';

/** What a connection keeps beside its socket: its login. */
type Session = { session?: FeedSession };
type Extra = { socket: WebSocket } & Session;

// The package's `./use/ws` export, which this project's module resolution (node10) cannot see.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as { useServer: typeof UseServer };

/** Close code of a connection whose connectionParams do not authenticate, or no longer do. */
const UNAUTHENTICATED = 4401;
const SIGNED_OUT = 'login token revoked or expired, or API key deleted; log in again';

/**
 * GraphQL over WebSocket (the graphql-ws protocol) at /graphql, beside Apollo's HTTP endpoint
 * on the same path: subscriptions, and queries and mutations too. The connection authenticates
 * once with its `connectionParams` (`{ authorization: "Bearer <jwt>" }` or `{ apiKey,
 * apiSecret }`) through the RPC's Authenticator; each subscription's messages are re-checked
 * against that login and the caller's rights (FeedHub). Operations meet the HTTP endpoint's
 * limits (`[graphql] max_depth`, `max_cost`) before they run. Heartbeats: pings every
 * `limits.feed_heartbeat_ms`, at which each connection's login is looked at too: one that ended
 * (Logout, a revoked or expired token, a deleted API key) is closed even while idle.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationShutdown {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly server: { dispose(): void | Promise<void> };
  private readonly endpoint: GraphqlEndpoint;
  private schema?: GraphQLSchema;
  private readonly logins = new Map<WebSocket, FeedSession>();
  private readonly loginWatch: NodeJS.Timeout;

  constructor(
    routes: WebSocketRoutes,
    private readonly authenticator: Authenticator,
    private readonly feeds: FeedHub,
    moduleRef: ModuleRef,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {
    this.endpoint = new GraphqlEndpoint(moduleRef, config);
    const rules = [...specifiedRules, depthLimitRule(config.graphql.max_depth)];
    this.server = useServer<Record<string, unknown>, Session>(
      {
        schema: () => this.builtSchema(),
        validate: (schema, document) => validate(schema, document, rules),
        onConnect: (ctx) => this.connect(ctx),
        onSubscribe: (ctx, _id, payload) => this.signedOut(ctx) ?? this.overCost(payload),
        context: (ctx) => this.context(ctx.extra.session!),
      },
      this.wss,
      config.limits.feed_heartbeat_ms,
    );
    routes.add('/graphql', this.wss);
    this.loginWatch = setInterval(
      () => this.closeSignedOut(),
      config.limits.feed_heartbeat_ms,
    ).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.loginWatch);
    // At once: a client that no longer reads would hold a close handshake for 30 s.
    for (const socket of this.wss.clients) socket.terminate();
    await this.server.dispose();
  }

  private async connect(ctx: Context<Record<string, unknown>, Extra>): Promise<boolean> {
    const params = ctx.connectionParams ?? {};
    const text = (key: string) => (typeof params[key] === 'string' ? params[key] : undefined);
    try {
      const credentials = {
        authorization: text('authorization') ?? text('Authorization'),
        apiKey: text('apiKey'),
        apiSecret: text('apiSecret'),
      };
      const { principal, token } = await this.authenticator.session(credentials);
      const session = feedSession(principal, token, credentials);
      ctx.extra.session = session;
      const { socket } = ctx.extra;
      this.logins.set(socket, session);
      socket.once('close', () => this.logins.delete(socket));
      return true;
    } catch (error) {
      ctx.extra.socket.close(UNAUTHENTICATED, toApiError(error).message.slice(0, 120));
      return false;
    }
  }

  private builtSchema(): GraphQLSchema {
    return (this.schema ??= buildMonitorSchema());
  }

  /**
   * A connection whose login ended since (token revoked or expired, API key deleted, user
   * deleted) runs nothing more: it is closed, as /ws/update is.
   */
  private signedOut(
    ctx: Context<Record<string, unknown>, Extra>,
  ): readonly GraphQLError[] | undefined {
    if (this.feeds.signedIn(ctx.extra.session!)) return undefined;
    ctx.extra.socket.close(UNAUTHENTICATED, SIGNED_OUT);
    return [new GraphQLError(SIGNED_OUT, { extensions: { code: 'UNAUTHENTICATED', status: 401 } })];
  }

  /** Closes the connections whose login ended, idle ones too. */
  private closeSignedOut(): void {
    for (const [socket, session] of this.logins) {
      if (!this.feeds.signedIn(session)) socket.close(UNAUTHENTICATED, SIGNED_OUT);
    }
  }

  /** An operation costlier than `[graphql] max_cost` is refused before it runs, as over HTTP. */
  private overCost(payload: SubscribePayload): readonly GraphQLError[] | void {
    let cost: number;
    try {
      cost = operationCost(
        this.builtSchema(),
        parse(payload.query),
        payload.variables ?? undefined,
        payload.operationName,
      );
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'QUERY_TOO_COSTLY')
        return [error];
      return; // Not a valid operation: graphql-ws's parse and validation answer it.
    }
    try {
      checkCost(cost, this.config.graphql.max_cost);
    } catch (error) {
      return [error as GraphQLError];
    }
  }

  private context(session: FeedSession): SubscriptionContext {
    const principal = this.authenticator.principal(session.userId, session.via);
    return { ...this.endpoint.contextOf(principal), feeds: this.feeds, session };
  }
}
