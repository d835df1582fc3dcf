import type { HetznerClient } from './hetzner-client';
import { waitForAction } from './hetzner-waits';
import type { WaitOptions } from '../wait-until';

/**
 * One attempt at removing what a launch created at Hetzner: the server (waiting for its
 * deletion, which detaches its volumes), then the volumes, which outlive their server. What is
 * already gone counts as removed, so that a retry after a partial success goes on.
 */
export async function deleteHetznerServer(
  hetzner: HetznerClient,
  serverId: number | undefined,
  volumeIds: number[],
  wait: Omit<WaitOptions, 'isFinal'>,
): Promise<string> {
  const done: string[] = [];
  if (serverId !== undefined) {
    const action = await hetzner.deleteServer(serverId);
    if (action) await waitForAction(hetzner, action.id, wait);
    done.push(`server ${serverId} ${action ? 'deleted' : 'already gone'}`);
  }
  for (const id of volumeIds)
    done.push(`volume ${id} ${(await hetzner.deleteVolume(id)) ? 'deleted' : 'already gone'}`);
  return done.join(', ') || 'nothing to delete';
}
