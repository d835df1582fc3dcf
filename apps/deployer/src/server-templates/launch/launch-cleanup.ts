import type { InstanceTerminations, Terminate } from '@monitor/cloud';
import type { UnfinishedLaunch } from '@monitor/domain';
import type { CloudMachines } from './cloud-machines';
import type { LaunchRecord } from './launch-record';

export type CleanupOutcome =
  { cleaned: true; log: string } | { cleaned: false; log: string; alertId: string };

/**
 * Removes what an unfinished launch made: the instance it recorded, or the one its mark finds
 * when the launch call's answer was never recorded (recorded then, so that the alert names it),
 * and its volumes, those recorded and those its label finds. A failure opens the ServerLaunchCleanupFailed alert and is retried in the
 * background until it succeeds; either way the launch's record says how it ended.
 */
export async function cleanUpLaunch(
  unfinished: UnfinishedLaunch,
  machines: CloudMachines,
  record: LaunchRecord,
  terminations: InstanceTerminations,
): Promise<CleanupOutcome> {
  const terminate = terminateUnfinished(unfinished, machines, record);
  const what = unfinished.instanceId ?? `launch ${unfinished.updateId}`;
  const result = await terminations.terminate(terminate, what, { id: unfinished.updateId });
  if (result.terminated) {
    // A launch call refused, or stopped before it, made nothing: no cleanup to record.
    const launch = await record.read();
    if (!launch.instance && launch.volumes.length === 0)
      return { cleaned: true, log: 'nothing was launched, so nothing is left to remove' };
    await record.apply({ type: 'RecordCleanedUp' });
    return { cleaned: true, log: `cleaned up: ${result.state}` };
  }
  await record.apply({
    type: 'RecordCleanupFailed',
    reason: result.error,
    alertId: result.alertId,
  });
  return {
    cleaned: false,
    alertId: result.alertId,
    log: `cleanup failed (${result.error}): what was launched may still be running and billed; alert ${result.alertId} stays open until a retry removes it`,
  };
}

export function terminateUnfinished(
  unfinished: UnfinishedLaunch,
  machines: CloudMachines,
  record: LaunchRecord,
): Terminate {
  let instanceId = unfinished.instanceId;
  let volumes = unfinished.volumes;
  return async () => {
    // A volume created just before a kill has no record yet: its label finds it.
    if (unfinished.lookUp && machines.findVolumes) {
      const unrecorded = (await machines.findVolumes()).filter((id) => !volumes.includes(id));
      for (const volumeId of unrecorded) await record.apply({ type: 'RecordVolume', volumeId });
      volumes = [...volumes, ...unrecorded];
    }
    if (!instanceId && unfinished.lookUp) {
      instanceId = await machines.findLaunched();
      if (instanceId) {
        const region = unfinished.region;
        await record.apply({
          type: 'RecordInstance',
          instanceId,
          ...(region === undefined ? {} : { region }),
        });
      }
    }
    return machines.terminate(instanceId, volumes)();
  };
}
