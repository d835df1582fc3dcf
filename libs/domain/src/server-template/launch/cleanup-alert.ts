import type { AlertDataOf, AlertTarget, SeverityLevel } from '../../alerts/alert-data';
import type { ServerLaunch } from './server-launch';

export interface CleanupAlert {
  level: SeverityLevel;
  /** The template launched from, so its readers see which template left a machine running. */
  target: AlertTarget;
  data: AlertDataOf<'ServerLaunchCleanupFailed'>;
}

/**
 * The CRITICAL alert a failed cleanup opens, as AwsBuilderTerminationFailed is for builders:
 * open while what the launch made may still be running and billed.
 */
export function cleanupFailedAlert(launch: ServerLaunch, message: string): CleanupAlert {
  return {
    level: 'CRITICAL',
    target: { type: 'ServerTemplate', id: launch.template.id },
    data: {
      type: 'ServerLaunchCleanupFailed',
      data: {
        update_id: launch.updateId,
        server_name: launch.serverName,
        provider: launch.provider,
        instance_id: launch.instance?.instanceId ?? '',
        volumes: [...launch.volumes],
        message,
      },
    },
  };
}
