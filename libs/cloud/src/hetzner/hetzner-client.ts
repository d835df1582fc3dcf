import { HetznerUnreachable, hetznerErrorOf, isNotFound } from './hetzner-error';
import type {
  CreateServerAnswer,
  CreateServerBody,
  CreateVolumeAnswer,
  CreateVolumeBody,
  HetznerAction,
  HetznerServer,
  HetznerVolume,
} from './hetzner-types';

export interface HetznerClientOptions {
  /** The project's API token (read and write). */
  token: string;
  /** Hetzner's API, or a fake's in tests. */
  baseUrl?: string;
  /** For one request (default 30 s). */
  requestTimeoutMs?: number;
  /** How many times a 429 is retried after its reset (default 3). */
  rateLimitRetries?: number;
  /** The longest wait for a reset (default 60 s: the limit refills one request a second). */
  maxRateLimitWaitMs?: number;
}

export const HETZNER_API = 'https://api.hetzner.cloud/v1';

const PER_PAGE = 50;

/**
 * Monitor's Hetzner Cloud client: the calls a ServerTemplate's launch and its cleanup make,
 * over node's fetch with the project token as bearer. An error answer is a `HetznerError`
 * (status, code, message), a failed connection `HetznerUnreachable`; a 429 is retried once its
 * `RateLimit-Reset` has passed. The token is never part of an error.
 */
export class HetznerClient {
  private readonly baseUrl: string;

  constructor(private readonly options: HetznerClientOptions) {
    this.baseUrl = (options.baseUrl ?? HETZNER_API).replace(/\/+$/, '');
  }

  createServer(body: CreateServerBody): Promise<CreateServerAnswer> {
    return this.request('POST', '/servers', body);
  }

  /** Undefined when there is no such server (any more). */
  async getServer(id: number): Promise<HetznerServer | undefined> {
    return (await this.orNotFound(this.request<{ server: HetznerServer }>('GET', `/servers/${id}`)))
      ?.server;
  }

  /** Every server whose labels match `selector` (Hetzner's syntax: `k=v,k2!=v,k3,!k4`). */
  listServers(selector: string): Promise<HetznerServer[]> {
    return this.list<HetznerServer>('servers', selector);
  }

  /** Every volume whose labels match `selector`, as `listServers`. */
  listVolumes(selector: string): Promise<HetznerVolume[]> {
    return this.list<HetznerVolume>('volumes', selector);
  }

  /** Answers the deletion's action; undefined when the server was already gone. */
  async deleteServer(id: number): Promise<HetznerAction | undefined> {
    return (
      await this.orNotFound(this.request<{ action: HetznerAction }>('DELETE', `/servers/${id}`))
    )?.action;
  }

  createVolume(body: CreateVolumeBody): Promise<CreateVolumeAnswer> {
    return this.request('POST', '/volumes', body);
  }

  async getVolume(id: number): Promise<HetznerVolume | undefined> {
    return (await this.orNotFound(this.request<{ volume: HetznerVolume }>('GET', `/volumes/${id}`)))
      ?.volume;
  }

  /** A volume must be detached (its server deleted) first. False when it was already gone. */
  async deleteVolume(id: number): Promise<boolean> {
    return (await this.orNotFound(this.request('DELETE', `/volumes/${id}`))) !== undefined;
  }

  async getAction(id: number): Promise<HetznerAction> {
    return (await this.request<{ action: HetznerAction }>('GET', `/actions/${id}`)).action;
  }

  private async list<T>(kind: 'servers' | 'volumes', selector: string): Promise<T[]> {
    const items: T[] = [];
    for (let page: number | null = 1; page;) {
      const query = new URLSearchParams({
        label_selector: selector,
        page: String(page),
        per_page: String(PER_PAGE),
      });
      const answer: ListPage<T> = await this.request('GET', `/${kind}?${query}`);
      items.push(...(answer[kind] ?? []));
      page = answer.meta?.pagination?.next_page ?? null;
    }
    return items;
  }

  private async orNotFound<T>(request: Promise<T>): Promise<T | undefined> {
    try {
      return await request;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async request<T>(method: string, path: string, body?: object): Promise<T> {
    const retries = this.options.rateLimitRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(method, path, body);
      const text = await response.text();
      if (response.ok) return parseAnswer<T>(text, method, path);
      const error = hetznerErrorOf(response.status, text);
      if (response.status !== 429 || attempt >= retries) throw error;
      await sleep(this.rateLimitWait(response.headers.get('ratelimit-reset')));
    }
  }

  private async send(method: string, path: string, body?: object): Promise<Response> {
    const timeoutMs = this.options.requestTimeoutMs ?? 30_000;
    try {
      return await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause = error as { name?: string; message?: string; cause?: { message?: string } };
      const why =
        cause.name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : (cause.cause?.message ?? cause.message ?? String(error));
      throw new HetznerUnreachable(`Hetzner ${method} ${path.split('?')[0]}: ${why}`, {
        cause: error,
      });
    }
  }

  /** Until the reset (a UNIX time in seconds), within bounds; 1 s when Hetzner does not say. */
  private rateLimitWait(reset: string | null): number {
    const max = this.options.maxRateLimitWaitMs ?? 60_000;
    const at = Number(reset);
    if (!reset || !Number.isFinite(at)) return Math.min(1_000, max);
    return Math.min(Math.max(at * 1000 - Date.now(), 0), max);
  }
}

function parseAnswer<T>(text: string, method: string, path: string): T {
  if (!text) return {} as T;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`Hetzner ${method} ${path.split('?')[0]} answered something else than JSON`, {
      cause: error,
    });
  }
}

interface ListPage<T> {
  servers?: T[];
  volumes?: T[];
  meta?: { pagination?: { next_page: number | null } };
}

/** A label selector matching every one of `labels` (`k=v,k2=v2`). */
export function labelSelector(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
