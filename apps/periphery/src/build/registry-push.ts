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
 * X-Registry-Auth (the token goes nowhere else: no `docker login`, nothing on disk). Each account
 * is checked once first; the first tag carries the layers, the others (the same image, only a
 * manifest each) then go at once. Stops at the first failure; every text passes through `mask`.
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
  const accountOf = (tag: string) => {
    const registry = registryOfImage(tag);
    return registries.find((r) => normalizeRegistry(r.domain) === registry);
  };
  const push = async (tag: string): Promise<string | undefined> => {
    const account = accountOf(tag);
    say(`pushing ${tag}${account ? ` as ${account.username}` : ''}`);
    try {
      const stream = await docker.images.push(tag, account && authOf(account));
      const outcome = summarizePull(await readJsonLines<ProgressEvent>(stream));
      say(...outcome.lines);
      return outcome.error && `pushing ${tag} failed: ${outcome.error}`;
    } catch (error) {
      return `pushing ${tag} failed: ${engineDetail(error)}`;
    }
  };
  let failure = await checkAccounts(docker, tags.map(accountOf));
  const [first, ...rest] = tags;
  if (failure === undefined && first !== undefined) failure = await push(first);
  if (failure === undefined) failure = (await Promise.all(rest.map(push))).find(Boolean);
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

/**
 * The engine retries a refused layer for 50 s: each account the registries would refuse is told
 * first, by the engine's `/auth`, once.
 */
async function checkAccounts(
  docker: DockerClient,
  accounts: (RegistryAuth | undefined)[],
): Promise<string | undefined> {
  for (const account of new Set(accounts)) {
    if (!account) continue;
    try {
      await docker.images.login(authOf(account));
    } catch (error) {
      const registry = normalizeRegistry(account.domain);
      return `${registry} refused the account '${account.username}': ${engineDetail(error)}`;
    }
  }
  return undefined;
}

/** The engine's RegistryAuthConfig of an account: its token as the password. */
function authOf(account: RegistryAuth) {
  return { username: account.username, password: account.token, serveraddress: account.domain };
}
