import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { toUpdateListItem } from '../api/komodo-shapes';

/**
 * `/ws/update`, Komodo's live feed: the client sends its login message first and is answered
 * `LOGGED_IN`; from then on it receives every Update (as a list item, as Komodo 2 sends) when it is created or changes.
 */
@Injectable()
export class UpdateFeed implements OnApplicationShutdown {
  private readonly logger = new Logger(UpdateFeed.name);
  private wss?: WebSocketServer;
  private unsubscribe?: () => void;
  private readonly clients = new Set<WebSocket>();

  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModel) {}

  attach(server: Server): void {
    this.wss = new WebSocketServer({ server, path: '/ws/update', maxPayload: 64 * 1024 });
    this.wss.on('connection', (socket) => this.accept(socket));
    this.unsubscribe = this.readModel.onUpdate((update) => {
      const message = JSON.stringify(toUpdateListItem(update));
      for (const client of this.clients) client.send(message);
    });
  }

  private accept(socket: WebSocket): void {
    socket.once('message', (data) => {
      if (!isLoginMessage(data.toString())) {
        socket.close(1008, 'the first message must be a login message');
        return;
      }
      this.clients.add(socket);
      socket.send('LOGGED_IN');
    });
    socket.on('close', () => this.clients.delete(socket));
    socket.on('error', (error) => this.logger.warn(`update feed client: ${error.message}`));
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
    for (const client of this.clients) client.terminate();
    this.wss?.close();
  }
}

function isLoginMessage(text: string): boolean {
  try {
    const message = JSON.parse(text) as { type?: unknown };
    return typeof message.type === 'string';
  } catch {
    return false;
  }
}
