import type { Types } from 'komodo_client';
import {
  defaultDeploymentConfig,
  defaultServerConfig,
  defaultStackConfig,
  resourceEvent,
  resourceStream,
  stackStatusStream,
  type DomainEvent,
} from '@monitor/domain';
import { ReadModel } from '@monitor/projections';
import {
  deploymentListInfo,
  stackListInfo,
  type DeploymentListInfo,
  type StackListInfo,
} from './container-list-info';

/** True when A and B are the same type (neither wider). */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

let position = 0;
function apply(readModel: ReadModel, stream: string, event: DomainEvent) {
  position += 1;
  readModel.apply({
    ...event,
    id: `event-${position}`,
    stream,
    revision: 0,
    position,
    schemaVersion: 1,
    metadata: { userId: 'admin', via: 'api', correlationId: 'c', causationId: 'c', at: position },
  });
}

function readModelWith(kind: 'Deployment' | 'Stack', config: object) {
  const readModel = new ReadModel();
  const created = (k: 'Server' | 'Deployment' | 'Stack', id: string, c: object) =>
    apply(
      readModel,
      resourceStream(k, id),
      resourceEvent(k, 'Created', { id, name: id, description: '', tags: [], config: { ...c } }),
    );
  created('Server', 'srv', defaultServerConfig());
  const defaults = kind === 'Deployment' ? defaultDeploymentConfig() : defaultStackConfig();
  created(kind, 'x', { ...defaults, server_id: 'srv', ...config });
  return readModel;
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
    const readModel = readModelWith('Deployment', { custom_name: 'web-1' });
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
    const readModel = readModelWith('Stack', { repo: 'acme/shop', branch: 'main' });
    const stack = readModel.resource('Stack', 'x')!;
    expect(stackListInfo(readModel, stack)).toMatchObject({
      state: 'unknown',
      server_name: 'srv',
      repo_link: 'https://github.com/acme/shop/tree/main',
      project_missing: false,
      missing_files: [],
      services: [],
    });
    apply(readModel, stackStatusStream('x'), {
      type: 'StackStateObserved',
      data: { state: 'down', services: [], at: 1 },
    });
    expect(stackListInfo(readModel, stack)).toMatchObject({ state: 'down', project_missing: true });
  });
});
