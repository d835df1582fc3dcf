import { cloudAccountChoices, CORE_CREDENTIALS } from './cloud-account-choices';

const accounts = [
  { name: 'aws-prod', provider: 'Aws' },
  { name: 'hz', provider: 'Hetzner' },
  { name: 'aws-dev', provider: 'Aws' },
];

describe('cloudAccountChoices', () => {
  it("offers the core's credentials, then the accounts of the template's provider only", () => {
    expect(cloudAccountChoices(accounts, 'Aws', '')).toEqual([
      { value: '', label: CORE_CREDENTIALS },
      { value: 'aws-prod', label: 'aws-prod' },
      { value: 'aws-dev', label: 'aws-dev' },
    ]);
    expect(cloudAccountChoices(accounts, 'Hetzner', 'hz').map((c) => c.value)).toEqual(['', 'hz']);
  });

  it('keeps a stored name that does not fit, saying why', () => {
    expect(cloudAccountChoices(accounts, 'Hetzner', 'aws-prod').at(-1)).toEqual({
      value: 'aws-prod',
      label: 'aws-prod (an Aws account)',
    });
    expect(cloudAccountChoices([], 'Aws', 'gone').at(-1)).toEqual({
      value: 'gone',
      label: 'gone (no such account)',
    });
  });
});
