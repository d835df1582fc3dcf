import type { Resource } from '@monitor/domain';
import { ContainerObservers, type ContainerObserver } from './container-observers';

const observerOf = (serverIds: string[]): ContainerObserver => ({
  on: (serverId) =>
    serverIds.filter((id) => id === serverId).map((id) => ({ id }) as unknown as Resource),
  observe: () => Promise.resolve(),
});

describe('ContainerObservers', () => {
  it('hands a server to the observers with resources on it, in the order they were added', () => {
    const deployments = observerOf(['a', 'b']);
    const stacks = observerOf(['b']);
    const observers = new ContainerObservers();
    observers.add(deployments);
    observers.add(stacks);

    expect(observers.on('a')).toEqual([deployments]);
    expect(observers.on('b')).toEqual([deployments, stacks]);
    expect(observers.on('c')).toEqual([]);
  });
});
