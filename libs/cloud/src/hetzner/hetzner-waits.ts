import { waitUntil, type WaitOptions } from '../wait-until';
import type { HetznerClient } from './hetzner-client';
import { HetznerError } from './hetzner-error';
import type { HetznerAction, HetznerServer } from './hetzner-types';

type Wait = Omit<WaitOptions, 'isFinal'>;

class Final extends Error {}

/** Waits until the action is no longer `running`; an action ending in `error` throws its error. */
export async function waitForAction(
  hetzner: HetznerClient,
  actionId: number,
  wait: Wait,
): Promise<HetznerAction> {
  let last = 'running';
  const action = await waitUntil(
    async () => {
      const found = await hetzner.getAction(actionId);
      last = `${found.status}, ${found.progress}%`;
      return found.status === 'running' ? undefined : found;
    },
    (reason) => `Hetzner action ${actionId} did not finish (${reason ?? `still ${last}`})`,
    { ...wait, isFinal: (error) => error instanceof HetznerError && error.status === 404 },
  );
  if (action.status === 'error')
    throw new HetznerError(
      422,
      action.error?.code ?? 'action_failed',
      `${action.command} failed: ${action.error?.message ?? 'no reason given'}`,
    );
  return action;
}

/** Statuses a new server does not come back from to `running` by itself. */
const GONE = ['stopping', 'off', 'deleting'];

/**
 * Waits until server `id` is `running`; answers the address its agent is reached at: its public
 * IPv4 with `usePublicIp`, else its first private network's (as Komodo).
 */
export async function waitForServerRunning(
  hetzner: HetznerClient,
  id: number,
  usePublicIp: boolean,
  wait: Wait,
): Promise<{ ip: string; server: HetznerServer }> {
  let last = 'initializing';
  const server = await waitUntil(
    async () => {
      const found = await hetzner.getServer(id);
      if (!found) throw new Final(`Hetzner server ${id} does not exist (any more)`);
      last = found.status;
      if (GONE.includes(found.status)) throw new Final(`Hetzner server ${id} is ${found.status}`);
      return found.status === 'running' ? found : undefined;
    },
    (reason) => `Hetzner server ${id} was not running (${reason ?? `still ${last}`})`,
    { ...wait, isFinal: (error) => error instanceof Final },
  );
  const ip = usePublicIp ? server.public_net.ipv4?.ip : server.private_net[0]?.ip;
  if (!ip)
    throw new Error(
      `Hetzner server ${id} has no ${usePublicIp ? 'public IPv4' : 'private network'} address`,
    );
  return { ip, server };
}
