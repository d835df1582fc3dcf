import { Agent, request, type IncomingMessage } from 'node:http';
import { buffer } from 'node:stream/consumers';
import { engineFailure } from './engine-api-error';

/** A query parameter; filters (a map of lists) go as JSON, as the Engine API asks for them. */
export type QueryValue = string | number | boolean | Record<string, string[]> | undefined;

export interface EngineCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** Names in it already encoded (see `engineName`). */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Aborting ends the call and closes its connection. */
  signal?: AbortSignal;
}

/**
 * The Engine API over its Unix socket, with node:http alone. Paths are unversioned, as
 * dockerode's are: the engine answers in its own current API version, so the agent works with
 * whatever engine the host has (a pinned version is refused by engines that dropped it).
 * No timeout, as before: a stop or a pull takes as long as it takes, and `signal` ends a wait.
 */
export class EngineHttp {
  /** Kept-alive connections are unref'd while idle: they never hold the process open. */
  private readonly agent = new Agent({ keepAlive: true });

  constructor(readonly socketPath: string) {}

  /** The answer parsed; undefined when the engine answered no body (204). */
  async json<T>(call: EngineCall): Promise<T> {
    const body = (await this.buffer(call)).toString('utf8');
    if (!body) return undefined as T;
    try {
      return JSON.parse(body) as T;
    } catch {
      throw new Error(`${describe(call)}: the engine answered no JSON: ${body.slice(0, 200)}`);
    }
  }

  /** For calls whose answer says nothing beyond their status. */
  async send(call: EngineCall): Promise<void> {
    await this.buffer(call);
  }

  async buffer(call: EngineCall): Promise<Buffer> {
    return buffer(await this.stream(call));
  }

  /**
   * The answer as it comes, once the engine accepted the call (a refusal is read whole and
   * thrown as an EngineApiError). Whoever stops reading destroys it, which closes its connection.
   */
  stream(call: EngineCall): Promise<IncomingMessage> {
    const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          socketPath: this.socketPath,
          agent: this.agent,
          method: call.method,
          path: `${call.path}${engineQuery(call.query)}`,
          headers: {
            ...(payload !== undefined
              ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
              : {}),
            ...call.headers,
          },
          signal: call.signal,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve(res);
          buffer(res).then(
            (body) => reject(engineFailure(status, body.toString('utf8'), describe(call))),
            reject,
          );
        },
      );
      // Kept for the request's whole life: an error after the answer began reaches the reader.
      req.on('error', reject);
      req.end(payload);
    });
  }
}

/** `?a=1&filters={"label":["x=y"]}`, or nothing; undefined values are left out. */
export function engineQuery(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A container's name or id, or an image reference, as a path segment of its own. */
export function engineName(name: string): string {
  return encodeURIComponent(name);
}

function describe(call: EngineCall): string {
  return `${call.method} ${call.path}`;
}
