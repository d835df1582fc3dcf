import type { Log } from '../docker/docker-shapes';

/**
 * compose's `--timeout <seconds>` when the caller chose one; without it compose waits each
 * service's own `stop_grace_period` (10 s unless the compose file says otherwise).
 */
export function timeoutArgs(timeout: number | undefined): string[] {
  return timeout === undefined ? [] : ['--timeout', String(timeout)];
}

export interface DownChoice {
  services?: string[];
  remove_volumes?: boolean;
  remove_orphans?: boolean;
  timeout?: number;
}

/**
 * What takes a project (or some of its services) down, as argument arrays run one after the
 * other. The whole project: `down`. Some services: `stop` then `rm`, as docker-compose 1.x's
 * `down` takes no services (compose 2's `down <services>` does the same, networks left); their
 * orphans are removed apart (removeOrphans).
 */
export function downCommands(choice: DownChoice): string[][] {
  const timeout = timeoutArgs(choice.timeout);
  const volumes = choice.remove_volumes ? ['--volumes'] : [];
  if (!choice.services?.length) {
    return [
      ['down', ...timeout, ...volumes, ...(choice.remove_orphans ? ['--remove-orphans'] : [])],
    ];
  }
  return [
    ['stop', ...timeout, ...choice.services],
    ['rm', '--force', ...(choice.remove_volumes ? ['-v'] : []), ...choice.services],
  ];
}

/** Logs of commands run one after the other, as the one Log of a single stage. */
export function joinLogs(stage: string, logs: Log[]): Log {
  return {
    stage,
    command: logs.map((log) => log.command).join(' && '),
    stdout: logs.map((log) => log.stdout).join(''),
    stderr: logs.map((log) => log.stderr).join(''),
    success: logs.every((log) => log.success),
    start_ts: logs[0].start_ts,
    end_ts: logs[logs.length - 1].end_ts,
  };
}
