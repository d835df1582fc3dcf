import { request, type IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { engineFailure } from './engine-api-error';

/** What `/build` takes of a Build: BuildKit's options, each a query parameter. */
export interface EngineBuildOptions {
  /** The Dockerfile's path inside the context. */
  dockerfile: string;
  tags: string[];
  buildargs: Record<string, string>;
  labels: Record<string, string>;
  /** The BuildKit session that serves the build's secrets. */
  session?: string;
  nocache?: boolean;
  pull?: boolean;
  target?: string;
  platform?: string;
  networkmode?: string;
  cachefrom?: string[];
}

/** The query as the docker CLI sends it: one `t` per tag, maps and lists as JSON. */
export function buildQuery(options: EngineBuildOptions): string {
  const query = new URLSearchParams({ version: '2', dockerfile: options.dockerfile });
  for (const tag of options.tags) query.append('t', tag);
  query.set('buildargs', JSON.stringify(options.buildargs));
  query.set('labels', JSON.stringify(options.labels));
  if (options.session) query.set('session', options.session);
  if (options.nocache) query.set('nocache', '1');
  if (options.pull) query.set('pull', '1');
  for (const key of ['target', 'platform', 'networkmode'] as const) {
    const value = options[key];
    if (value) query.set(key, value);
  }
  if (options.cachefrom?.length) query.set('cachefrom', JSON.stringify(options.cachefrom));
  return query.toString();
}

/**
 * Starts a BuildKit build (`POST /build?version=2`) of the context, a tar streamed as the body.
 * Answers the engine's progress as JSON lines once it accepted the build; a build step's failure
 * comes as an error line of that stream. Aborting `signal` ends the build.
 */
export function startBuild(
  socketPath: string,
  context: Readable,
  options: EngineBuildOptions,
  signal?: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath,
        method: 'POST',
        path: `/build?${buildQuery(options)}`,
        headers: { 'Content-Type': 'application/x-tar' },
        signal,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(res);
        buffer(res).then(
          (body) => reject(engineFailure(status, body.toString('utf8'), 'POST /build')),
          reject,
        );
      },
    );
    req.on('error', reject);
    context.on('error', (error) => req.destroy(error));
    context.pipe(req);
  });
}
