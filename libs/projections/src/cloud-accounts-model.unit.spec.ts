import type { StoredEvent } from '@monitor/eventstore';
import { CloudAccountsModel } from './cloud-accounts-model';

let position = 0;
const event = (id: string, type: string, data: unknown): StoredEvent =>
  ({
    id: `e${++position}`,
    type,
    data,
    metadata: { userId: 'u1', via: 'api', at: 1000 + position },
    stream: `cloudaccount-${id}`,
    revision: position,
    position,
    schemaVersion: 1,
  }) as unknown as StoredEvent;

/** Stands for a sealed value: the projection never opens one. */
const sealed = (label: string) => ({ sealed: label });

describe('the cloud accounts projection', () => {
  it('keeps accounts by id and name, replaces only the credentials an update gives', () => {
    const model = new CloudAccountsModel();
    model.apply(
      event('a1', 'CloudAccountCreated', {
        id: 'a1',
        name: 'aws-main',
        provider: 'Aws',
        credentials: { access_key_id: sealed('k'), secret_access_key: sealed('s') },
      }),
    );
    model.apply(
      event('h1', 'CloudAccountCreated', {
        id: 'h1',
        name: 'hetzner',
        provider: 'Hetzner',
        credentials: { token: sealed('t') },
      }),
    );
    const update = model.apply(
      event('a1', 'CloudAccountUpdated', {
        name: 'aws-prod',
        credentials: { secret_access_key: sealed('s2') },
      }),
    );
    expect(model.account('aws-prod')).toEqual({
      id: 'a1',
      name: 'aws-prod',
      provider: 'Aws',
      credentials: { access_key_id: sealed('k'), secret_access_key: sealed('s2') },
    });
    expect(model.account('aws-main')).toBeUndefined();
    expect(model.all('Hetzner').map((a) => a.id)).toEqual(['h1']);
    expect(model.all().map((a) => a.name)).toEqual(['aws-prod', 'hetzner']);
    expect(update).toMatchObject({
      operation: 'UpdateCloudAccount',
      target: { type: 'System', id: '' },
      operator: 'u1',
      success: true,
      status: 'Complete',
    });
    expect(update?.logs[0].stdout).toBe(
      "cloud account 'aws-prod' (Aws); credentials set: secret_access_key",
    );
    expect(JSON.stringify(update)).not.toContain('s2');
  });

  it('forgets a deleted account, its Update naming it', () => {
    const model = new CloudAccountsModel();
    model.apply(
      event('h2', 'CloudAccountCreated', {
        id: 'h2',
        name: 'gone',
        provider: 'Hetzner',
        credentials: { token: sealed('t') },
      }),
    );
    const deleted = model.apply(
      event('h2', 'CloudAccountDeleted', { name: 'gone', provider: 'Hetzner' }),
    );
    expect(model.account('h2')).toBeUndefined();
    expect(model.all()).toEqual([]);
    expect(deleted?.operation).toBe('DeleteCloudAccount');
    expect(deleted?.logs[0].stdout).toBe("cloud account 'gone' (Hetzner)");
  });
});
