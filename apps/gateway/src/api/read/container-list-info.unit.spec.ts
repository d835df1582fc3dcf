import type { Types } from 'komodo_client';
import {
  defaultDeploymentConfig,
  defaultServerConfig,
  defaultStackConfig,
  stackStatusStream,
} from '@monitor/domain';
import { ReadModelFeed, type Same } from '../../testing/read-model-feed';
import {
  deploymentListInfo,
  stackListInfo,
  type DeploymentListInfo,
  type StackListInfo,
} from './container-list-info';

function feedWith(kind: 'Deployment' | 'Stack', config: object) {
  const defaults = kind === 'Deployment' ? defaultDeploymentConfig() : defaultStackConfig();
  return new ReadModelFeed()
    .create('Server', 'srv', defaultServerConfig())
    .create(kind, 'x', { ...defaults, server_id: 'srv', ...config });
}

describe('list infos of Deployments and Stacks', () => {
  it("have Komodo's fields, each of Komodo's type, and a stack's services their state too", () => {
    const deployment: Same<keyof DeploymentListInfo, keyof Types.DeploymentListItemInfo> = true;
    const stack: Same<keyof StackListInfo, keyof Types.StackListItemInfo> = true;
    const state: Same<StackListInfo['state'], `${Types.StackState}`> = true;
    const service: Same<
      keyof StackListInfo['services'][number],
      keyof Types.StackServiceWithUpdate | 'state'
    > = true;
    expect([deployment, stack, state, service]).toEqual([true, true, true, true]);
  });

  it("answer a Deployment's config fields and its server, unknown before a poll", () => {
    const { readModel } = feedWith('Deployment', { custom_name: 'web-1' });
    const deployment = readModel.resource('Deployment', 'x')!;
    expect(deploymentListInfo(readModel, deployment)).toEqual({
      state: 'unknown',
      custom_name: 'web-1',
      image: '',
      update_available: false,
      swarm_id: '',
      server_id: 'srv',
      server_name: 'srv',
    });
  });

  it("answer a Stack's repository link, and its project missing once polling saw no container", () => {
    const feed = feedWith('Stack', { repo: 'acme/shop', branch: 'main' });
    const { readModel } = feed;
    const stack = readModel.resource('Stack', 'x')!;
    expect(stackListInfo(readModel, stack)).toMatchObject({
      state: 'unknown',
      server_name: 'srv',
      repo_link: 'https://github.com/acme/shop/tree/main',
      project_missing: false,
      missing_files: [],
      services: [],
    });
    feed.apply(stackStatusStream('x'), {
      type: 'StackStateObserved',
      data: { state: 'down', services: [], at: 1 },
    });
    expect(stackListInfo(readModel, stack)).toMatchObject({ state: 'down', project_missing: true });
  });
});
