export {
  beyondPolicy,
  describePowers,
  HOST_POWERS,
  type HostPolicy,
  type HostPower,
  type HostPowerKind,
} from './host-powers';
export { hostAccessProblem, type HostAccessProblem } from './host-access-problem';
export { deploymentPowers } from './deployment-powers';
export { stackDeployPowers, stackPowers } from './stack-powers';
export { buildPowers } from './build-powers';
export { composePowers } from './compose-powers';
export { repoPowers } from './repo-powers';
