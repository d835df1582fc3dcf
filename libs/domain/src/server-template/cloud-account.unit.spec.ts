import { DomainError } from '../shared/domain-error';
import {
  type CloudAccount,
  type CloudAccountCommand,
  type CloudAccountEvent,
  type CloudAccountState,
  checkCloudCredentials,
  cloudAccountDecider,
  cloudAccountStream,
  cloudAccountView,
} from './cloud-account';

/** Stand-ins for sealed values: the domain never opens them. */
const sealed = (label: string) => ({ sealed: label });
const aws: CloudAccount = {
  id: 'c1',
  name: 'prod-aws',
  provider: 'Aws',
  credentials: { access_key_id: sealed('id'), secret_access_key: sealed('secret') },
};
const created: CloudAccountEvent = { type: 'CloudAccountCreated', data: aws };

const given = (...events: CloudAccountEvent[]): CloudAccountState =>
  events.reduce(cloudAccountDecider.evolve, cloudAccountDecider.initialState());
const when = (state: CloudAccountState, command: CloudAccountCommand) =>
  cloudAccountDecider.decide(state, command);

describe('a cloud account', () => {
  it('is created with every credential its provider needs', () => {
    expect(cloudAccountStream('c1')).toBe('cloudaccount-c1');
    expect(when(given(), { type: 'Create', account: aws })).toEqual([created]);
    expect(() =>
      when(given(), {
        type: 'Create',
        account: { ...aws, credentials: { access_key_id: sealed('id') } },
      }),
    ).toThrow('credentials.secret_access_key: is required for an Aws account');
    expect(() =>
      when(given(), { type: 'Create', account: { ...aws, provider: 'Gcp' as 'Aws' } }),
    ).toThrow(/^provider: must be one of Aws, Hetzner/);
    expect(() => when(given(), { type: 'Create', account: { ...aws, name: ' ' } })).toThrow(
      DomainError,
    );
    expect(() => when(given(created), { type: 'Create', account: aws })).toThrow(/already exists/);
  });

  it('replaces only the credentials given, and is answered without any', () => {
    const events = when(given(created), {
      type: 'Update',
      credentials: { secret_access_key: sealed('rotated') },
    });
    expect(events).toEqual([
      {
        type: 'CloudAccountUpdated',
        data: { name: 'prod-aws', credentials: { secret_access_key: sealed('rotated') } },
      },
    ]);
    const state = given(created, ...events);
    expect(state.status === 'Active' && state.account.credentials).toEqual({
      access_key_id: sealed('id'),
      secret_access_key: sealed('rotated'),
    });
    const view = cloudAccountView((state as { account: CloudAccount }).account);
    expect(view).toEqual({
      id: 'c1',
      name: 'prod-aws',
      provider: 'Aws',
      credentials_set: ['access_key_id', 'secret_access_key'],
    });
    expect(JSON.stringify(view)).not.toContain('rotated');
  });

  it("refuses another provider's credential, and changes nothing when nothing changes", () => {
    expect(() =>
      when(given(created), { type: 'Update', credentials: { token: sealed('t') } }),
    ).toThrow('credentials.token: not an Aws credential');
    expect(when(given(created), { type: 'Update', name: 'prod-aws' })).toEqual([]);
    expect(when(given(created), { type: 'Delete' })).toEqual([
      { type: 'CloudAccountDeleted', data: { name: 'prod-aws', provider: 'Aws' } },
    ]);
    expect(() => when(given(), { type: 'Delete' })).toThrow(/not found/);
  });

  it('checks plaintext credentials before they are sealed, never repeating them', () => {
    const good = {
      access_key_id: 'AKIAIOSFODNN7EXAMPLE',
      secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    };
    expect(() => checkCloudCredentials('Aws', good, true)).not.toThrow();
    expect(() =>
      checkCloudCredentials('Aws', { secret_access_key: good.secret_access_key }, false),
    ).not.toThrow();
    expect(() => checkCloudCredentials('Aws', { access_key_id: good.access_key_id }, true)).toThrow(
      'credentials.secret_access_key: is required for an Aws account',
    );
    const wrong = () =>
      checkCloudCredentials('Aws', { ...good, secret_access_key: 'tooshort' }, true);
    expect(wrong).toThrow(
      'credentials.secret_access_key: must be 40 characters of A-Z a-z 0-9 / +',
    );
    expect(wrong).not.toThrow(/tooshort/);
    expect(() => checkCloudCredentials('Hetzner', { token: 'a'.repeat(64) }, true)).not.toThrow();
    expect(() => checkCloudCredentials('Hetzner', { token: 'a'.repeat(63) }, true)).toThrow(
      /credentials.token: must be Hetzner's 64 letters and digits/,
    );
    expect(() => checkCloudCredentials('Hetzner', { ...good }, false)).toThrow(
      /credentials.access_key_id: not a Hetzner credential/,
    );
  });
});
