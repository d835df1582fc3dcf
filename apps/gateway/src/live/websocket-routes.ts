import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';

/**
 * The gateway's WebSocket endpoints on its one HTTP server (`/ws/update`, GraphQL's
 * `/graphql`): each a `noServer` WebSocketServer, handed the upgrades of its path. Two servers
 * attached to one HTTP server would each refuse the other's upgrades.
 */
@Injectable()
export class WebSocketRoutes implements OnApplicationShutdown {
  private readonly routes = new Map<string, WebSocketServer>();
  private server?: Server;
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    this.upgrade(req, socket, head);

  /** Serves this path's upgrades with the server (made with `noServer: true`). */
  add(path: string, wss: WebSocketServer): void {
    this.routes.set(path, wss);
  }

  attach(server: Server): void {
    if (this.server) return;
    this.server = server;
    server.on('upgrade', this.onUpgrade);
  }

  /** Stops routing; each endpoint closes its own server and sockets. */
  onApplicationShutdown(): void {
    this.server?.off('upgrade', this.onUpgrade);
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://gateway').pathname;
    const wss = this.routes.get(path);
    if (!wss) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  }
}
