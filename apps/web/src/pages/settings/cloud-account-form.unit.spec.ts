import {
  createParams,
  emptyCloudAccountForm,
  typedCredentials,
  updateParams,
} from './cloud-account-form';

describe('cloud account form', () => {
  it('sends only the chosen provider’s credentials, blanks left out', () => {
    const form = {
      name: ' prod ',
      provider: 'Hetzner' as const,
      credentials: { token: 't'.repeat(64), access_key_id: 'AKIA0000000000000000' },
    };
    expect(createParams(form)).toEqual({
      name: 'prod',
      provider: 'Hetzner',
      credentials: { token: 't'.repeat(64) },
    });
    expect(typedCredentials({ ...form, credentials: { token: '   ' } })).toEqual({});
  });

  it('an update sends a new name and the typed credentials only: a blank keeps the stored one', () => {
    const account = { id: 'c1', name: 'prod' };
    const form = { ...emptyCloudAccountForm('Aws'), name: 'prod' };
    expect(updateParams(account, form)).toEqual({ id: 'c1' });
    expect(
      updateParams(account, {
        ...form,
        name: 'prod-2',
        credentials: { access_key_id: '', secret_access_key: 's'.repeat(40) },
      }),
    ).toEqual({ id: 'c1', name: 'prod-2', credentials: { secret_access_key: 's'.repeat(40) } });
  });
});
