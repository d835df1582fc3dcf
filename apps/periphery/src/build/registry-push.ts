import type { RegistryAuth } from '@monitor/contracts/agent';
import { normalizeRegistry, registryOfImage } from '@monitor/domain/agent';
import { liveLines } from '../api/output-lines';
import type { DockerClient } from '../docker/engine/docker-client';
import { engineDetail } from '../docker/docker-errors';
import type { Log } from '../docker/docker-shapes';
import { readJsonLines } from '../docker/engine/json-lines';
import { summarizePull, type ProgressEvent } from '../docker/pull-progress';

const STAGE = 'Docker Push';

/** A tag whose first part is a registry host (`127.0.0.1:5000/app:1`); `app:1` stays local. */
export function namesRegistry(tag: string): boolean {
  const slash = tag.indexOf('/');
  if (slash < 0) return false;
  const first = tag.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost';
}

/**
 * Pushes each tag to its registry, with that registry's account when the build has one, in
 * X-Registry-Auth (the token goes nowhere else: no `docker login`, nothing on disk). Stops at
 * the first tag that fails; every text passes through `mask`.
 */
export async function pushTags(
  docker: DockerClient,
  tags: string[],
  registries: RegistryAuth[],
  mask: (text: string) => string,
): Promise<Log> {
  const start_ts = Date.now();
  const out: string[] = [];
  const live = liveLines(STAGE, 'stdout', mask);
  const say = (...lines: string[]) => {
    out.push(...lines);
    for (const line of lines) live?.write(`${line}\n`);
  };
  let failure: string | undefined;
  const checked = new Set<RegistryAuth>();
  for (const tag of tags) {
    const registry = registryOfImage(tag);
    const account = registries.find((r) => normalizeRegistry(r.domain) === registry);
    const auth = account && {
      username: account.username,
      password: account.token,
      serveraddress: account.domain,
    };
    say(`pushing ${tag}${account ? ` as ${account.username}` : ''}`);
    try {
      // The engine retries a refused layer for 50 s: an account the registry refuses is told first.
      if (account && auth && !checked.has(account)) {
        await docker.images.login(auth).catch((error: unknown) => {
          throw new Error(
            `${registry} refused the account '${account.username}': ${engineDetail(error)}`,
          );
        });
        checked.add(account);
      }
      const stream = await docker.images.push(tag, auth);
      const outcome = summarizePull(await readJsonLines<ProgressEvent>(stream));
      say(...outcome.lines);
      failure = outcome.error;
    } catch (error) {
      failure = engineDetail(error);
    }
    if (failure !== undefined) {
      failure = `pushing ${tag} failed: ${failure}`;
      break;
    }
  }
  live?.end();
  return {
    stage: STAGE,
    command: mask(tags.map((tag) => `docker push ${tag}`).join(' && ')),
    stdout: mask(out.join('\n')),
    stderr: mask(failure ?? ''),
    success: failure === undefined,
    start_ts,
    end_ts: Date.now(),
  };
}
