import type { AnswerOf, ParamsOf, RequestName } from '../catalogue/catalogue';
import type { Verb } from '../catalogue/entry';

export interface MonitorClientOptions {
  /** Monitor's address, e.g. `http://127.0.0.1:9120`. */
  url: string;
  key: string;
  secret: string;
}

/** A failed request: the status and Monitor's `{ error, code }`. */
export class MonitorRequestError extends Error {
  constructor(
    readonly request: string,
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(`${request}: ${message} (${status}${code ? ` ${code}` : ''})`);
  }
}

type Call<V extends Verb> = <N extends RequestName<V>>(
  name: N,
  params: ParamsOf<V, N>,
) => Promise<AnswerOf<V, N>>;

export interface MonitorClient {
  read: Call<'read'>;
  write: Call<'write'>;
  execute: Call<'execute'>;
}

/**
 * Monitor's API typed by the request catalogue, signed in with an API key: what an Action's
 * script gets as `monitor`. Types only from the catalogue, so the script loads nothing else.
 */
export function monitorClient({ url, key, secret }: MonitorClientOptions): MonitorClient {
  const call =
    <V extends Verb>(verb: V): Call<V> =>
    async (name, params) => {
      const response = await fetch(`${url.replace(/\/$/, '')}/${verb}/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key, 'x-api-secret': secret },
        body: JSON.stringify(params ?? {}),
      });
      const text = await response.text();
      const body = text ? (JSON.parse(text) as unknown) : {};
      if (!response.ok) {
        const { error, code } = body as { error?: string; code?: string };
        throw new MonitorRequestError(name, response.status, code, error ?? text);
      }
      return body as never;
    };
  return { read: call('read'), write: call('write'), execute: call('execute') };
}
