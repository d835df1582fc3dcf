import type { Terminate, WaitOptions } from '@monitor/cloud';

/** The waits of a launch: each with a timeout, the interval doubling up to its cap. */
export interface LaunchTiming {
  /** How long the instance may take to run and have its address. */
  instanceTimeoutMs: number;
  /** How long its agent has, once running, to answer. */
  agentTimeoutMs: number;
  intervalMs: number;
  maxIntervalMs: number;
  /** First wait before a failed cleanup's retry (then doubled up to 30 min). */
  cleanupRetryMs?: number;
  /** Aborted as the deployer stops: its waits end, and its next start takes the launch up. */
  signal?: AbortSignal;
}

export const instanceWait = (t: LaunchTiming): WaitOptions => ({
  timeoutMs: t.instanceTimeoutMs,
  intervalMs: t.intervalMs,
  maxIntervalMs: t.maxIntervalMs,
  ...(t.signal ? { signal: t.signal } : {}),
});

/**
 * One provider's side of a launch, marked by the launch's Update id: the provider's create
 * (volumes first for Hetzner), finding it again after an unclear answer, the wait for running,
 * and one attempt at removing all it made.
 */
export interface CloudMachines {
  /** What the launch call asks for, for the stage's command line. */
  readonly description: string;
  /** Hetzner's volumes, each handed to `record` as soon as it exists. */
  createVolumes(record: (volumeId: string) => Promise<void>): Promise<void>;
  /** The provider's create: answers the instance id. */
  launch(userData: string): Promise<string>;
  /** Hetzner's volumes the launch made, by its label: those a kill left unrecorded too. */
  findVolumes?(): Promise<string[]>;
  /** The instance the launch call made, by the launch's mark, if any. */
  findLaunched(): Promise<string | undefined>;
  /** Answers the address its agent listens on. */
  waitRunning(instanceId: string): Promise<string>;
  terminate(instanceId: string | undefined, volumes: readonly string[]): Terminate;
  close(): void;
}
