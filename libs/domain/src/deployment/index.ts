// The public API only: the helpers in errors.ts and port-parts.ts stay inside this folder.
export type { DeploymentFieldError, FieldResult } from './errors';
export {
  collectKeyValueLines,
  parseKeyValueLines,
  parseListLines,
  type KeyValueLine,
  type LineOptions,
  type ListLine,
} from './multiline';
export { collectEnvironment, isEnvName, parseEnvironment } from './environment';
export {
  collectPorts,
  parsePorts,
  type PortBinding,
  type PortMapping,
  type PortSpec,
} from './ports';
export { collectVolumes, parseVolumes, VOLUME_OPTIONS, type VolumeMount } from './volumes';
export {
  collectLabels,
  DEPLOYMENT_LABEL,
  parseLabels,
  RESERVED_LABEL_PREFIXES,
  reservedLabelPrefix,
  STACK_LABEL,
} from './labels';
export {
  collectRestartPolicy,
  ON_FAILURE_MAX_RETRIES,
  restartPolicy,
  type RestartPolicy,
} from './restart';
export {
  collectContainerName,
  CONTAINER_NAME_RULE,
  containerName,
  isContainerName,
  sanitizeContainerName,
} from './container-name';
export { collectCommand, splitCommand } from './command';
export { collectExtraArgs, type ContainerExtras } from './extra-args';
export { buildImage, type BuildImage, type BuildImageSource } from './build-image';
export { DEFAULT_NETWORK_MODE, networkMode } from './scalars';
export {
  buildContainerSpec,
  type BuiltContainerSpec,
  type ContainerSpec,
  type ContainerSpecOptions,
} from './container-spec';
export {
  DEPLOYMENT_STATES,
  deploymentState,
  type ContainerObservation,
  type DeploymentState,
  type ObservedContainer,
} from './deployment-state';
export { validateDeploymentConfig } from './validate';
export { joinedContainers, networkErrors } from './joined-containers';
export { normalizeRegistry, registryOfImage } from './image-registry';
export {
  atBuiltVersion,
  builtVersion,
  deploymentsToRedeploy,
  type BuiltVersion,
  type StreamEvent,
} from './redeploy-on-build';
