import type Dockerode from 'dockerode';
import { engineStatus } from './docker-errors';
import type { EngineContainer } from './engine/container';

export interface StopOptions {
  /** Default: the container's own StopSignal, else SIGTERM. */
  signal?: string;
  /** Default: the container's own StopTimeout, else 10 (Docker's default). */
  timeSeconds?: number;
}

export const DEFAULT_STOP_SECONDS = 10;

/** What `docker stop` would be typed as, for the Log's command. */
export function describeStop(name: string, options: StopOptions): string {
  const signal = options.signal ? ` --signal ${options.signal}` : '';
  const time = options.timeSeconds !== undefined ? ` --time ${options.timeSeconds}` : '';
  return `docker stop${signal}${time} ${name}`;
}

/**
 * Stops a container the way `docker stop` does, but with any signal (the Engine's stop endpoint
 * takes no signal before API 1.42): the signal, up to `timeSeconds` for the container to exit,
 * then SIGKILL. A paused container is unpaused first, since a frozen process cannot handle the
 * signal and would only ever be killed. Stopping through the kill endpoint counts as a manual
 * stop for Docker, so a restart policy does not bring the container back. Answers what happened.
 */
export async function gracefulStop(
  container: EngineContainer,
  name: string,
  options: StopOptions,
  inspected?: Dockerode.ContainerInspectInfo,
): Promise<string> {
  // A caller that has just inspected it saves the engine a round trip.
  const info = inspected ?? (await container.inspect());
  if (!info.State.Running) return `${name} was not running (${info.State.Status})`;
  // Both are in the inspect answer when the container was created with them; the types omit them.
  const own = info.Config as { StopSignal?: string; StopTimeout?: number };
  const signal = options.signal ?? (own.StopSignal || 'SIGTERM');
  const seconds = options.timeSeconds ?? own.StopTimeout ?? DEFAULT_STOP_SECONDS;
  const notes: string[] = [];
  if (info.State.Restarting) {
    // Between two restarts there is no process to signal: the engine's own stop cancels the
    // restart loop.
    await ignoreNotModified(container.stop({ t: seconds }));
    return `${name} was restarting: stopped it`;
  }
  if (info.State.Paused) {
    await container.unpause();
    notes.push(`unpaused ${name} so that it can handle ${signal}`);
  }
  const started = Date.now();
  const signalled = await sendSignal(container, signal);
  let code = signalled ? await waitForExit(container, seconds * 1000) : undefined;
  if (signalled && code === undefined) {
    await sendSignal(container, 'SIGKILL');
    code = (await container.wait('not-running')).StatusCode;
    notes.push(`${name} did not exit within ${seconds}s of ${signal}: killed it (SIGKILL)`);
  }
  code ??= (await container.inspect()).State.ExitCode;
  const took = ((Date.now() - started) / 1000).toFixed(1);
  notes.push(
    `stopped ${name}: ${signal}, then up to ${seconds}s; exited with code ${code} after ${took}s`,
  );
  return `${notes.join('\n')}\n`;
}

/** False when the container stopped on its own meanwhile (the engine answers 409). */
async function sendSignal(container: EngineContainer, signal: string): Promise<boolean> {
  try {
    await container.kill({ signal });
    return true;
  } catch (error) {
    if (engineStatus(error) !== 409) throw error;
    const info = await container.inspect();
    if (info.State.Running) throw error;
    return false;
  }
}

/** The exit code if the container stopped within `ms` (the engine's wait is cut off then). */
async function waitForExit(container: EngineContainer, ms: number): Promise<number | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  try {
    return (await container.wait('not-running', abort.signal)).StatusCode;
  } catch (error) {
    if (abort.signal.aborted) return undefined;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** 304 is the engine saying "already in that state": for a stop or start, that is success. */
export async function ignoreNotModified(work: Promise<unknown>): Promise<boolean> {
  try {
    await work;
    return true;
  } catch (error) {
    if (engineStatus(error) === 304) return false;
    throw error;
  }
}
