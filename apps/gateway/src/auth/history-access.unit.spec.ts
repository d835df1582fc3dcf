import {
  emptyGrants,
  grantKey,
  resourceEvent,
  resourceStream,
  type DomainEvent,
  type Grants,
  type User,
} from '@monitor/domain';
import { ReadModel } from '@monitor/projections';
import { ApiError } from '../api/api-error';
import { canReadHistoryOf, findHistoryTarget, requireHistoryTarget } from './history-access';
import { Principal } from './principal';

const GONE = '6500000000000000000000aa';
const LIVE = '6500000000000000000000bb';
const WEB = '6500000000000000000000cc';

function user(name: string, grants: Grants = emptyGrants(), admin = false): Principal {
  const record: User = {
    id: `user-${name}`,
    username: name,
    passwordHash: '',
    enabled: true,
    admin,
    createServers: false,
    createBuilds: false,
    grants,
    apiKeys: [],
  };
  return new Principal(record, [], 'api');
}

const readGrant = (id: string): Grants => ({
  ...emptyGrants(),
  resources: { [grantKey('Deployment', id)]: 'Read' },
});

/**
 * A read model that replayed: GONE created with a config, given a base permission, deleted;
 * LIVE named with GONE's id; WEB named 'web'.
 */
function replayed(basePermission: 'None' | 'Read'): ReadModel {
  const readModel = new ReadModel();
  let position = 0;
  const append = (id: string, revision: number, event: DomainEvent) =>
    readModel.apply({
      ...event,
      id: `event-${++position}`,
      stream: resourceStream('Deployment', id),
      revision,
      position,
      schemaVersion: 1,
      metadata: { userId: 'admin', via: 'api', correlationId: 'c', causationId: 'c', at: position },
    });
  const created = (id: string, name: string, config = {}) =>
    resourceEvent('Deployment', 'Created', { id, name, description: '', tags: [], config });
  append(GONE, 0, created(GONE, 'old', { image: 'private/app' }));
  append(
    GONE,
    1,
    resourceEvent('Deployment', 'BasePermissionUpdated', { from: 'None', to: basePermission }),
  );
  append(GONE, 2, resourceEvent('Deployment', 'Deleted', { name: 'old' }));
  // Written before id-shaped names were refused: a live resource named with GONE's id.
  append(LIVE, 0, created(LIVE, GONE));
  append(WEB, 0, created(WEB, 'web'));
  return readModel;
}

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('history access', () => {
  const readModel = replayed('Read');
  const hidden = replayed('None');

  it('finds ids first, a deleted resource by id only, and a live one by name last', () => {
    expect(findHistoryTarget(readModel, 'Deployment', GONE)).toMatchObject({
      deleted: true,
      resource: { id: GONE, name: 'old', basePermission: 'Read' },
    });
    // The tombstone keeps what access is decided on; the config stays in the history only.
    expect(findHistoryTarget(readModel, 'Deployment', GONE)?.resource.config).toEqual({});
    expect(findHistoryTarget(readModel, 'Deployment', LIVE)?.resource.id).toBe(LIVE);
    expect(findHistoryTarget(readModel, 'Deployment', 'web')).toMatchObject({
      deleted: false,
      resource: { id: WEB },
    });
    expect(findHistoryTarget(readModel, 'Deployment', 'old')).toBeUndefined();
    expect(findHistoryTarget(readModel, 'Server', GONE)).toBeUndefined();
  });

  it('answers 404 for what never existed, naming the rule', () => {
    const error = refusal(() => requireHistoryTarget(user('a'), readModel, 'Deployment', 'old'));
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/found by its id only/);
  });

  it('lets read a deleted resource whoever could read it then, by base permission or grant', () => {
    expect(requireHistoryTarget(user('a'), readModel, 'Deployment', GONE).resource.id).toBe(GONE);
    expect(canReadHistoryOf(user('a'), readModel, 'Deployment', GONE)).toBe(true);
  });

  it('refuses with 403 whoever could not, and never through a live resource named like it', () => {
    const reader = user('reader', readGrant(LIVE));
    expect(canReadHistoryOf(reader, hidden, 'Deployment', LIVE)).toBe(true);
    expect(canReadHistoryOf(reader, hidden, 'Deployment', GONE)).toBe(false);
    const error = refusal(() => requireHistoryTarget(reader, hidden, 'Deployment', GONE));
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      `you need Read permission on the deleted Deployment '${GONE}' as it was deleted (you had None)`,
    );
    const granted = user('granted', readGrant(GONE));
    expect(canReadHistoryOf(granted, hidden, 'Deployment', GONE)).toBe(true);
    expect(canReadHistoryOf(user('admin', emptyGrants(), true), hidden, 'Deployment', GONE)).toBe(
      true,
    );
  });
});
