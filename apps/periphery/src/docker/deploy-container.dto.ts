import * as v from 'valibot';
import { MAX_STOP_SECONDS } from './container-action.dto';
import { ContainerExtras } from './container-extras';
import { OwnerDto, RESOURCE_ID } from './container-owner';
import {
  ContainerName,
  ExposedPorts,
  ImageReference,
  PortBindings,
  Signal,
  StringRecord,
} from './engine-validators';

/*
 * The container a Deployment runs, in the Engine API's own field names where the value is the
 * Engine's (RestartPolicy, Healthcheck, port maps), so the core can pass Komodo's settings
 * through without a second vocabulary. The agent checks shapes; the engine checks meaning
 * (a bind like ":/data" is the engine's to refuse, at the create stage).
 */

const STRINGS = v.array(v.string());
const NON_NEGATIVE = v.pipe(v.number(), v.integer(), v.minValue(0));

export const RestartPolicyDto = v.strictObject({
  Name: v.picklist(['', 'no', 'always', 'unless-stopped', 'on-failure']),
  /** Only with `on-failure`; the engine refuses it with the others. */
  MaximumRetryCount: v.optional(NON_NEGATIVE, 0),
});

/** Docker's HealthConfig; durations in nanoseconds, as the Engine API takes them. */
export const HealthcheckDto = v.strictObject({
  /** `["CMD", "curl", "-f", "http://localhost"]`, `["CMD-SHELL", "..."]` or `["NONE"]`. */
  Test: v.pipe(STRINGS, v.minLength(1)),
  Interval: v.optional(NON_NEGATIVE),
  Timeout: v.optional(NON_NEGATIVE),
  Retries: v.optional(NON_NEGATIVE),
  StartPeriod: v.optional(NON_NEGATIVE),
});

export const ContainerSpecDto = v.strictObject({
  /** Replaces the image's CMD; absent keeps the image's. */
  cmd: v.optional(v.pipe(STRINGS, v.minLength(1))),
  /** `KEY=value` lines. Values may be secrets: no Log shows them. */
  env: STRINGS,
  exposedPorts: ExposedPorts,
  portBindings: PortBindings,
  /** `host-path:container-path[:options]` or `volume:container-path[:options]`. */
  binds: STRINGS,
  labels: StringRecord,
  /** `bridge`, `host`, `none`, `container:<name>` or a network's name. */
  networkMode: v.pipe(v.string(), v.minLength(1)),
  restartPolicy: RestartPolicyDto,
  stopSignal: v.optional(Signal),
  stopTimeout: v.optional(v.pipe(NON_NEGATIVE, v.maxValue(MAX_STOP_SECONDS))),
  healthcheck: v.optional(HealthcheckDto),
  /** Engine fields from the Deployment's `extra_args` (`--memory`, `--cap-add`, ...). */
  extras: v.optional(ContainerExtras),
});
export type ContainerSpecDto = v.InferOutput<typeof ContainerSpecDto>;

export const DeployContainerDto = v.strictObject({
  name: ContainerName,
  image: ImageReference,
  spec: ContainerSpecDto,
  /**
   * The Deployment deployed: the container it replaces must carry its label, and the new one
   * gets it. A joined (`container:<name>`) network must be a Deployment's container.
   */
  owner: v.optional(OwnerDto),
  /** The Deployment whose container a `container:<name>` network joins, as the core found it. */
  joined_deployment: v.optional(
    v.pipe(v.string(), v.regex(RESOURCE_ID, 'must be a Deployment id')),
  ),
});
export type DeployContainerDto = v.InferOutput<typeof DeployContainerDto>;
