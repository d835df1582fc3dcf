import { deploymentState, type ContainerObservation } from './index';

describe('deploymentState', () => {
  it.each<[ContainerObservation, string]>([
    [{ state: 'running' }, 'running'],
    [{ state: 'running', health: 'healthy' }, 'running'],
    [{ state: 'running', health: 'starting' }, 'running'],
    [{ state: 'running', health: 'none' }, 'running'],
    [{ state: 'running', health: '' }, 'running'],
    [{ state: 'running', health: 'unhealthy' }, 'unhealthy'],
    [{ state: 'created' }, 'created'],
    [{ state: 'restarting' }, 'restarting'],
    [{ state: 'restarting', health: 'unhealthy' }, 'restarting'],
    [{ state: 'removing' }, 'removing'],
    [{ state: 'paused' }, 'paused'],
    [{ state: 'paused', health: 'unhealthy' }, 'paused'],
    [{ state: 'exited' }, 'exited'],
    [{ state: 'exited', health: 'unhealthy' }, 'exited'],
    [{ state: 'dead' }, 'dead'],
    [{ state: 'stopping' }, 'stopping'],
    [{ state: 'Running' }, 'running'],
    [{ state: '' }, 'unknown'],
    [{ state: 'constructor' }, 'unknown'],
    [{ state: 'sleeping' }, 'unknown'],
    ['not_found', 'not_deployed'],
    ['unreachable', 'unknown'],
  ])('%j is %s', (observation, state) => {
    expect(deploymentState(observation)).toBe(state);
  });
});
