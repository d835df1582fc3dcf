import type { LimitsSettings } from '@monitor/config';
import type { Server } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { consoleLogger, type ProcessLogger } from './process-logger';

/** A refused connection is said at most this often per address, not once per socket. */
const WARN_EVERY_MS = 60_000;

/** What limitConnections reads of the limits settings. */
export type ConnectionLimits = Pick<
  LimitsSettings,
  | 'max_connections'
  | 'connections_per_address'
  | 'headers_timeout_ms'
  | 'request_timeout_ms'
  | 'keep_alive_timeout_ms'
>;

/**
 * What one client may hold of an HTTP(S) server: a cap on all connections and on those of one
 * address (more are closed as they arrive, before any byte is read), and timeouts that close a
 * connection sending no request, or too slowly. Each connection holds a file descriptor; with
 * these, a flood of idle sockets cannot take the ones the process needs for its own work.
 */
export function limitConnections(
  server: HttpServer,
  limits: ConnectionLimits,
  logger: Pick<ProcessLogger, 'warn'> = consoleLogger('Http'),
): void {
  server.maxConnections = limits.max_connections;
  server.headersTimeout = limits.headers_timeout_ms;
  server.requestTimeout = Math.max(limits.request_timeout_ms, limits.headers_timeout_ms);
  server.keepAliveTimeout = limits.keep_alive_timeout_ms;
  capPerAddress(server, limits.connections_per_address, logger);
}

function capPerAddress(server: Server, cap: number, logger: Pick<ProcessLogger, 'warn'>): void {
  const open = new Map<string, number>();
  const warned = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > cap) {
      socket.destroy();
      const now = Date.now();
      if ((warned.get(address) ?? 0) + WARN_EVERY_MS <= now) {
        warned.set(address, now);
        logger.warn(`${address} holds ${cap} connections, the most one address may: closing more`);
      }
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else {
        open.delete(address);
        warned.delete(address);
      }
    });
  });
}
