import { waitUntil, type WaitOptions } from '../wait-until';
import type { Ec2Instances, InstanceState } from './ec2-instances';

/** States an instance does not come back from to `running` by itself. */
const GONE = ['shutting-down', 'terminated', 'stopping', 'stopped'];

class InstanceGone extends Error {}

/**
 * Waits (DescribeInstances each interval) until instance `id` is `running`; answers the address
 * its agent is reached at: the public one with `usePublicIp`, else the private one. An instance
 * gone (terminated, stopped) fails at once; one still pending fails at the timeout.
 */
export async function waitForInstanceRunning(
  ec2: Ec2Instances,
  id: string,
  usePublicIp: boolean,
  wait: Omit<WaitOptions, 'isFinal'>,
): Promise<{ ip: string; state: InstanceState }> {
  let last = 'pending';
  const state = await waitUntil(
    async () => {
      const found = await ec2.describe(id);
      last = found?.state ?? 'not found';
      if (found && GONE.includes(found.state))
        throw new InstanceGone(`instance ${id} is ${found.state}`);
      return found?.state === 'running' ? found : undefined;
    },
    (reason) => `instance ${id} was not running (${reason ?? `still ${last}`})`,
    { ...wait, isFinal: (error) => error instanceof InstanceGone },
  );
  const ip = usePublicIp ? state.publicIp : state.privateIp;
  if (!ip)
    throw new Error(`instance ${id} has no ${usePublicIp ? 'public' : 'private'} IP address`);
  return { ip, state };
}
