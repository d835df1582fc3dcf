import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  describeProblems,
  ObserveMessageDto,
  validateDto,
  type ObservedStream,
} from '@monitor/contracts';
import type { StoredEvent } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { toUpdateListItem } from '../api/komodo-shapes';
import type { JwtClaims } from '@monitor/auth';
import { Authenticator, type PrincipalVia } from '../auth/authenticator';
import type { Principal } from '../auth/principal';
import { canSeeEvent } from '../auth/event-visibility';
import { canSeeUpdate } from '../auth/update-visibility';
import { ObservedFanout, type Observer } from './observed-fanout';

interface Client extends Observer {
  socket: WebSocket;
  userId: string;
  via: PrincipalVia;
  streams: Set<ObservedStream>;
  /** The login token it logged in with: a logout or a password change ends the feed too. */
  token?: JwtClaims;
}

/**
 * `/ws/update`, Komodo's live feed. The client's first message logs in (`{ type: "Jwt",
 * params: { jwt } }` or `{ type: "ApiKeys", params: { key, secret } }`) and is answered
 * `LOGGED_IN`; then it receives each Update it may see (as a list item, as Komodo 2 sends)
 * when it is created or changes. Beyond Komodo, a client may then send `Observe` messages
 * (ObserveMessageDto) to hear of observed changes on the same socket: a browser tab then needs
 * no second connection for them.
 */
@Injectable()
export class UpdateFeed implements OnApplicationShutdown {
  private readonly logger = new Logger(UpdateFeed.name);
  private wss?: WebSocketServer;
  private unsubscribe?: () => void;
  private readonly clients = new Set<Client>();

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly authenticator: Authenticator,
    private readonly observed: ObservedFanout,
  ) {}

  attach(server: Server): void {
    this.wss = new WebSocketServer({ server, path: '/ws/update', maxPayload: 64 * 1024 });
    this.wss.on('connection', (socket) => this.accept(socket));
    this.unsubscribe = this.readModel.onUpdate((update) => {
      const message = JSON.stringify(toUpdateListItem(update, this.readModel.identity));
      for (const client of this.clients) {
        const principal = this.principalOf(client);
        if (principal?.user.enabled && canSeeUpdate(principal, update, this.readModel))
          client.socket.send(message);
      }
    });
  }

  private accept(socket: WebSocket): void {
    const timer = setTimeout(() => socket.close(1008, 'log in within 10 s'), 10_000);
    // The login is checked asynchronously: messages sent right after it wait for it, in order.
    let login: Promise<Client | undefined> | undefined;
    socket.on('message', (data) => {
      const text = data.toString();
      if (login) {
        void login.then((client) => client && this.observe(client, text));
        return;
      }
      clearTimeout(timer);
      login = this.logIn(socket, text);
    });
    socket.on('error', (error) => this.logger.warn(`update feed client: ${error.message}`));
  }

  private async logIn(socket: WebSocket, text: string): Promise<Client | undefined> {
    try {
      const { principal, token } = await this.authenticator.session(loginCredentials(text));
      if (socket.readyState !== socket.OPEN) return undefined;
      const client = this.client(socket, principal.id, principal.via as PrincipalVia, token);
      this.clients.add(client);
      socket.on('close', () => {
        this.clients.delete(client);
        this.observed.remove(client);
      });
      socket.send('LOGGED_IN');
      return client;
    } catch (error) {
      socket.close(1008, (error as Error).message.slice(0, 120));
      return undefined;
    }
  }

  private client(
    socket: WebSocket,
    userId: string,
    via: PrincipalVia,
    token: JwtClaims | undefined,
  ): Client {
    const client: Client = {
      socket,
      userId,
      via,
      token,
      streams: new Set(),
      maySee: (event: StoredEvent) => {
        const principal = this.principalOf(client);
        return principal !== undefined && canSeeEvent(principal, event, this.readModel);
      },
      send: (event: StoredEvent) => socket.send(JSON.stringify({ type: 'Observed', event })),
    };
    return client;
  }

  /** The client's principal now; once its login token is revoked or expired, its socket closes. */
  private principalOf(client: Client): Principal | undefined {
    const principal = this.authenticator.stillSignedIn(client.userId, client.via, client.token);
    if (!principal) client.socket.close(1008, 'login token revoked or expired; log in again');
    return principal;
  }

  /** An `Observe` message: what this socket hears of from now on, answered `Observing`. */
  private observe(client: Client, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      message = text;
    }
    const result = validateDto(ObserveMessageDto, message);
    if (!result.ok) {
      client.socket.send(JSON.stringify({ type: 'Error', error: describeProblems(result.errors) }));
      return;
    }
    client.streams = new Set(result.value.params.streams);
    this.observed.set(client);
    client.socket.send(JSON.stringify({ type: 'Observing', streams: [...client.streams] }));
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
    for (const client of this.clients) client.socket.terminate();
    this.wss?.close();
  }
}

function loginCredentials(text: string) {
  let message: { type?: unknown; params?: Record<string, unknown> };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    throw new Error('the first message must be a JSON login message');
  }
  const params = message.params ?? {};
  if (message.type === 'Jwt') return { authorization: String(params.jwt ?? '') || undefined };
  if (message.type === 'ApiKeys')
    return { apiKey: String(params.key ?? ''), apiSecret: String(params.secret ?? '') };
  throw new Error('login message type must be Jwt or ApiKeys');
}
