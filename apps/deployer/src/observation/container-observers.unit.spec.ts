import { MonitorConfig } from '@monitor/config';
import {
  defaultDeploymentConfig,
  defaultStackConfig,
  type ConfigOf,
  type ContainerKind,
  type Resource,
} from '@monitor/domain';
import { ContainerObservers, type ContainerObserver } from './container-observers';
import { ImageUpdateWatcher, type ImageUpdateCheck } from './image-update-watcher';

const DEFAULTS: { [K in ContainerKind]: () => ConfigOf<K> } = {
  Deployment: defaultDeploymentConfig,
  Stack: defaultStackConfig,
};

function resourceOf<K extends ContainerKind>(kind: K, id: string): Resource<K> {
  const defaults: () => ConfigOf<K> = DEFAULTS[kind];
  const config = defaults();
  return {
    ...{ kind, id, name: id, description: '', tags: [], config },
    ...{ basePermission: 'None', createdAt: 0, updatedAt: 0, revision: 0, configWriter: '' },
  };
}

const observerOf = (serverIds: string[]): ContainerObserver<'Deployment'> => ({
  on: (serverId) =>
    serverIds.filter((id) => id === serverId).map((id) => resourceOf('Deployment', id)),
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

  it('takes observers of the kinds that run containers only', () => {
    const servers = {
      on: (): Resource<'Server'>[] => [],
      observe: () => Promise.resolve(),
    };
    // @ts-expect-error: a Server runs no container of its own for polling to observe
    new ContainerObservers().add(servers);
  });
});

describe('ImageUpdateWatcher', () => {
  it("checks each kind's watched resources with that kind's check, past a failing one", async () => {
    const checked: string[] = [];
    const stacks: ImageUpdateCheck<'Stack'> = {
      watched: () => [resourceOf('Stack', 's1'), resourceOf('Stack', 's2')],
      check: async (stack) => {
        if (stack.id === 's1') throw new Error('registry down');
        checked.push(`${stack.kind}:${stack.config.project_name || stack.id}`);
      },
    };
    const deployments: ImageUpdateCheck<'Deployment'> = {
      watched: () => [resourceOf('Deployment', 'd1')],
      check: async (deployment) => {
        checked.push(`${deployment.kind}:${deployment.config.image.type}`);
      },
    };
    const watcher = new ImageUpdateWatcher(new MonitorConfig());
    watcher.add(stacks);
    watcher.add(deployments);

    await watcher.tick();

    expect(checked).toEqual(['Stack:s2', 'Deployment:Image']);
  });

  it("does not compile a check that is handed another kind's resources", () => {
    const stackCheck: ImageUpdateCheck<'Stack'> = {
      watched: () => [],
      // @ts-expect-error: a Stack's check reads a Stack's config, never a Deployment's
      check: async (deployment: Resource<'Deployment'>) => void deployment.config.image,
    };
    expect(stackCheck.watched()).toEqual([]);
  });
});
