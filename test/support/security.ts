import Dockerode from 'dockerode';
import { ensureBusyboxImage } from '@monitor/testing';
import { api, signUp, type ApiClient, type Auth } from './api';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from './embedded';

/**
 * What the security specs share: a Monitor whose users may sign up, with its local agent on the
 * real Docker engine, ordinary users made by the admin, and grants given by the admin.
 */
export async function startWithLocalAgent(
  env: Record<string, string> = {},
): Promise<EmbeddedMonitor> {
  await ensureBusyboxImage(new Dockerode({ socketPath: '/var/run/docker.sock' }));
  return startEmbedded({
    MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
    ...LOCAL_AGENT_ENV,
    ...env,
  });
}

/** A user signed up and enabled by the admin, with no grant yet. */
export async function enabledUser(
  monitor: EmbeddedMonitor,
  name: string,
): Promise<{ client: ApiClient; auth: Auth }> {
  const auth = await signUp(monitor.url, name);
  const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', { user: name });
  await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
  return { client: api(monitor.url, auth), auth };
}

/** The admin grants a user a level and specific permissions on one resource. */
export function grant(
  admin: ApiClient,
  user: string,
  target: { type: string; id: string },
  level: string,
  specific: string[] = [],
) {
  return admin.write('UpdatePermissionOnTarget', {
    user_target: { type: 'User', id: user },
    resource_target: target,
    permission: { level, specific },
  });
}

/** The request fails with this status and a message matching `message`. */
export async function expectRefused(
  client: ApiClient,
  verb: string,
  request: string,
  params: object,
  status: number,
  message: RegExp,
): Promise<void> {
  const answer = await client.call<{ error: string }>(verb, request, params);
  expect([answer.status, answer.body.error]).toEqual([status, expect.stringMatching(message)]);
}

/** As `expectRefused`, and the refusal wrote nothing to `monitor`'s store; answers the error body. */
export async function expectRefusedUnchanged(
  monitor: EmbeddedMonitor,
  client: ApiClient,
  verb: string,
  request: string,
  params: object,
  status: number,
  message: RegExp,
): Promise<{ error: string }> {
  const before = await monitor.runtime.store.headPosition();
  const answer = await client.call<{ error: string }>(verb, request, params);
  expect([request, answer.status, answer.body.error]).toEqual([
    request,
    status,
    expect.stringMatching(message),
  ]);
  expect(await monitor.runtime.store.headPosition()).toBe(before);
  return answer.body;
}

/** What a security spec acts in: the Monitor, its admin, ordinary users by name, and grants. */
export interface SecurityScene {
  monitor: EmbeddedMonitor;
  admin: ApiClient;
  users: Record<string, ApiClient>;
  /** The admin grants `user` a level and specific permissions on the resource `type` / `id`. */
  grant(
    user: string,
    type: string,
    id: string,
    level: string,
    specific?: string[],
  ): Promise<unknown>;
}

/** A Monitor with its local agent (startWithLocalAgent) and these users, enabled, no grant yet. */
export async function startSecurityScene(names: readonly string[]): Promise<SecurityScene> {
  const monitor = await startWithLocalAgent();
  const admin = monitor.admin;
  const users: Record<string, ApiClient> = {};
  for (const name of names) users[name] = (await enabledUser(monitor, name)).client;
  return {
    monitor,
    admin,
    users,
    grant: (user, type, id, level, specific = []) =>
      grant(admin, user, { type, id }, level, specific),
  };
}
