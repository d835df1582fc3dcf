import * as v from 'valibot';
import { OwnerDto } from './container-owner';
import { ContainerName, Signal } from './engine-validators';

/**
 * The longest a stop may wait before the kill. The request is answered once the container has
 * stopped, so this bounds how long the core's call stays open.
 */
export const MAX_STOP_SECONDS = 600;

/**
 * `{ name }` of StartContainer, RestartContainer, PauseContainer, UnpauseContainer and
 * GetContainerStats. Unlike the read requests (which answer 404 for a name that cannot exist),
 * these refuse such a name with a 400: it is a malformed request, not a missing container.
 */
const CONTAINER_ACTION = {
  name: ContainerName,
  /** The Deployment (or Stack) acted for: only a container labelled with its id is touched. */
  owner: v.optional(OwnerDto),
};

export const ContainerActionDto = v.strictObject(CONTAINER_ACTION);

/** StopContainer and RemoveContainer: how gracefully to stop first. */
export const StopContainerDto = v.strictObject({
  ...CONTAINER_ACTION,
  /** Sent first; default the container's own StopSignal, else SIGTERM. */
  signal: v.optional(Signal),
  /** Seconds between the signal and SIGKILL; default the container's StopTimeout, else 10. */
  timeSeconds: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_STOP_SECONDS)),
  ),
});
export type StopContainerDto = v.InferOutput<typeof StopContainerDto>;
