import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorJson, type FakeHetznerServer, type FakeHetznerVolume } from './hetzner-json';
import { CODES, ROUTES, send, type HetznerOperation } from './hetzner-http';
import { HetznerFault, HetznerWorld } from './hetzner-world';

export type { FakeHetznerServer, FakeHetznerVolume } from './hetzner-json';

export type { HetznerOperation } from './hetzner-http';

/** One request the fake received (never its token: only whether it was the right one). */
export interface HetznerCall {
  operation: HetznerOperation | 'unknown';
  method: string;
  path: string;
  query: Record<string, string>;
  body?: Record<string, unknown>;
  authorized: boolean;
  at: number;
}

export interface FakeHetznerOptions {
  /** The API token it accepts (default `hetzner-test-token`). */
  token?: string;
  /** How long a new server stays `initializing` (default 50 ms). */
  runningAfterMs?: number;
  /** How long an action runs (default 20 ms). */
  actionMs?: number;
  /** The addresses servers report; the agent a test starts listens there (127.0.0.1). */
  publicIp?: string;
  privateIp?: string;
}

type RunningListener = (server: FakeHetznerServer) => void | Promise<void>;

interface Failure {
  status: number;
  code: string;
  message: string;
}

/**
 * A local Hetzner Cloud API for tests, on 127.0.0.1: JSON for servers, volumes and actions as
 * Hetzner answers them, for the bearer token it was given (401 otherwise). A server is
 * `initializing`, then `running` once `runningAfterMs` have passed and a request sees it (the
 * `onRunning` listeners run first, so a test can start its agent from the user data before the
 * client learns of it). A deleted server goes once its action finishes; its volumes stay,
 * detached, as at Hetzner. Faults: `failNext`, `failNextActions`, `dropConnectionAfterNext`,
 * `stallAfterNext`, `neverReachRunning`.
 */
export class FakeHetzner {
  readonly calls: HetznerCall[] = [];
  readonly token: string;
  baseUrl = '';
  private readonly world: HetznerWorld;
  private readonly failures = new Map<HetznerOperation, Failure[]>();
  private readonly drops = new Map<HetznerOperation, number>();
  private readonly stalls = new Map<HetznerOperation, (() => void)[]>();
  private readonly runningListeners: RunningListener[] = [];
  /** Servers whose listeners run: concurrent requests wait for the same ones. */
  private readonly turning = new Map<number, Promise<void>>();
  private readonly server = createServer((req, res) => {
    void this.handle(req, res).catch((error: Error) => {
      send(res, 500, errorJson('service_error', error.message));
    });
  });

  private constructor(options: FakeHetznerOptions) {
    this.token = options.token ?? 'hetzner-test-token';
    this.world = new HetznerWorld({
      runningAfterMs: options.runningAfterMs ?? 50,
      actionMs: options.actionMs ?? 20,
      publicIp: options.publicIp ?? '127.0.0.1',
      privateIp: options.privateIp ?? '127.0.0.1',
    });
  }

  static async start(options: FakeHetznerOptions = {}): Promise<FakeHetzner> {
    const fake = new FakeHetzner(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/v1`;
    return fake;
  }

  /** The next `count` calls of `operation` answer `status` (429: RateLimit-Reset is the next second). */
  failNext(operation: HetznerOperation, count = 1, status = 500, message = 'injected failure') {
    const code = CODES[status] ?? 'service_error';
    const queue = this.failures.get(operation) ?? [];
    queue.push(...Array.from({ length: count }, () => ({ status, code, message })));
    this.failures.set(operation, queue);
  }

  /** The next `count` actions of `command` (`create_server`, `delete_server`, ...) end in error. */
  failNextActions(command: string, count = 1, message = 'action failed (injected)'): void {
    const queue = this.world.failingActions.get(command) ?? [];
    queue.push(...Array.from({ length: count }, () => ({ code: 'action_failed', message })));
    this.world.failingActions.set(command, queue);
  }

  /** `operation` succeeds again, whatever failures were still to come. */
  stopFailing(operation: HetznerOperation): void {
    this.failures.delete(operation);
  }

  /** The next `count` calls of `operation` take effect, then the connection drops unanswered. */
  dropConnectionAfterNext(operation: HetznerOperation, count = 1): void {
    this.drops.set(operation, (this.drops.get(operation) ?? 0) + count);
  }

  /**
   * The next call of `operation` takes effect and is never answered (its connection stays open
   * until `close`): as a client killed between the provider's answer and what it does next.
   * Resolves once that call has taken effect.
   */
  stallAfterNext(operation: HetznerOperation): Promise<void> {
    return new Promise((resolve) => {
      this.stalls.set(operation, [...(this.stalls.get(operation) ?? []), resolve]);
    });
  }

  /** Servers stay `initializing` from now on. */
  neverReachRunning(): void {
    this.world.stuckInitializing = true;
  }

  /** Called (and awaited) once per server, as it turns `running`. */
  onRunning(listener: RunningListener): void {
    this.runningListeners.push(listener);
  }

  /** Every server that exists and is not being deleted: what a clean test leaves none of. */
  runningServers(): FakeHetznerServer[] {
    return [...this.world.servers.values()].filter((s) => s.status !== 'deleting');
  }

  volumes(): FakeHetznerVolume[] {
    return [...this.world.volumes.values()];
  }

  callsOf(operation: HetznerOperation): HetznerCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const route = ROUTES.find(([method, path]) => method === req.method && path.test(url.pathname));
    const call: HetznerCall = {
      operation: route?.[2] ?? 'unknown',
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorized: req.headers.authorization === `Bearer ${this.token}`,
      at: Date.now(),
    };
    this.calls.push(call);
    if (!call.authorized)
      return send(res, 401, errorJson('unauthorized', 'unable to authenticate'));
    if (!route)
      return send(res, 404, errorJson('not_found', `no route ${req.method} ${url.pathname}`));
    if (raw) {
      try {
        call.body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return send(res, 400, errorJson('json_error', 'the body is not valid JSON'));
      }
    }
    const failure = this.failures.get(route[2])?.shift();
    if (failure) return send(res, failure.status, errorJson(failure.code, failure.message));
    await this.advance();
    const id = Number(route[1].exec(url.pathname)?.[1]);
    let answer: { status: number; body?: unknown };
    try {
      answer = this.answer(route[2], id, call.body ?? {}, url.searchParams);
    } catch (error) {
      if (!(error instanceof HetznerFault)) throw error;
      return send(res, error.status, errorJson(error.code, error.message));
    }
    const drops = this.drops.get(route[2]) ?? 0;
    if (drops > 0) {
      this.drops.set(route[2], drops - 1);
      res.socket?.destroy();
      return;
    }
    const stalled = this.stalls.get(route[2])?.shift();
    if (stalled) return stalled();
    send(res, answer.status, answer.body);
  }

  private answer(
    operation: HetznerOperation,
    id: number,
    body: Record<string, unknown>,
    query: URLSearchParams,
  ): { status: number; body?: unknown } {
    const now = Date.now();
    const w = this.world;
    switch (operation) {
      case 'createServer':
        return { status: 201, body: w.createServer(body, now) };
      case 'getServer':
        return { status: 200, body: w.server(id) };
      case 'listServers':
        return { status: 200, body: w.listServers(query) };
      case 'deleteServer':
        return { status: 200, body: w.deleteServer(id, now) };
      case 'createVolume':
        return { status: 201, body: w.createVolume(body, now) };
      case 'listVolumes':
        return { status: 200, body: w.listVolumes(query) };
      case 'getVolume':
        return { status: 200, body: w.volume(id) };
      case 'deleteVolume':
        w.deleteVolume(id);
        return { status: 204 };
      case 'getAction':
        return { status: 200, body: w.actionById(id) };
    }
  }

  /** Moves the world on as time passed, running the listeners of servers turning running. */
  private async advance(): Promise<void> {
    const now = Date.now();
    this.world.finishActions(now);
    for (const server of this.world.dueToRun(now)) {
      let turning = this.turning.get(server.id);
      if (!turning) {
        turning = this.turnRunning(server);
        this.turning.set(server.id, turning);
      }
      await turning;
    }
  }

  private async turnRunning(server: FakeHetznerServer): Promise<void> {
    for (const listener of this.runningListeners) await listener(server);
    // A listener may have deleted it meanwhile.
    if (server.status === 'initializing') server.status = 'running';
  }
}
