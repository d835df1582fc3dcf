import { collectSealed } from './collect';
import { newKeyFileData } from './key-file';
import { Keyring } from './keyring';
import { EACH, MASK, maskPaths, openPaths, sealPaths } from './paths';
import { Redactor } from './redactor';
import { isSealed } from './sealed';

const PATHS = [
  ['params', 'passkey'],
  ['params', 'git_providers', EACH, 'accounts', EACH, 'token'],
  ['params', 'missing', 'deeper'],
  ['absent'],
];

const config = () => ({
  type: 'Url',
  params: {
    passkey: 'agent-passkey',
    address: 'https://builder:8120',
    git_providers: [
      {
        domain: 'github.com',
        accounts: [
          { username: 'a', token: 'ghp_one' },
          { username: 'b', token: '' },
        ],
      },
      { domain: 'gitlab.com', accounts: [{ username: 'c', token: 'glpat_two' }] },
      { domain: 'empty.org', accounts: [] },
    ],
  },
});

describe('secret paths', () => {
  const keyring = Keyring.fromData(newKeyFileData());

  it('seals the values at the paths, every array element for *, without mutating the input', () => {
    const input = config();
    const sealed = sealPaths(input, PATHS, keyring);
    expect(input).toEqual(config());
    expect(isSealed(sealed.params.passkey)).toBe(true);
    const tokens = sealed.params.git_providers.flatMap((p) => p.accounts.map((a) => a.token));
    expect(tokens.map(isSealed)).toEqual([true, false, true]);
    expect(tokens[1]).toBe(''); // an empty secret stays empty and plain
    expect(sealed.params.address).toBe('https://builder:8120');
    expect(sealed.params.git_providers[2]).toBe(input.params.git_providers[2]); // untouched: shared
    expect(collectSealed(sealed)).toHaveLength(3);
    expect(sealPaths(sealed, PATHS, keyring)).toBe(sealed); // already sealed: nothing to do
  });

  it('opens them back, registering every opened value with the redactor', () => {
    const redactor = new Redactor();
    const opened = openPaths(sealPaths(config(), PATHS, keyring), PATHS, keyring, redactor);
    expect(opened).toEqual(config());
    expect(redactor.redact('clone with ghp_one and glpat_two')).toBe(
      `clone with ${MASK} and ${MASK}`,
    );
    expect(openPaths(config(), PATHS, keyring)).toEqual(config()); // plain values stay plain
  });

  it('masks present, non-empty values, sealed or plain', () => {
    for (const input of [config(), sealPaths(config(), PATHS, keyring)]) {
      const masked = maskPaths(input, PATHS);
      expect(masked.params.passkey).toBe(MASK);
      expect(masked.params.git_providers.flatMap((p) => p.accounts.map((a) => a.token))).toEqual([
        MASK,
        '',
        MASK,
      ]);
      expect(masked).not.toHaveProperty('absent');
    }
  });

  it('ignores * on a non-array, nulls and non-objects along the way', () => {
    const odd = { params: { passkey: null, git_providers: { not: 'an array' } } };
    expect(maskPaths(odd, PATHS)).toBe(odd);
    expect(sealPaths('text', PATHS, keyring)).toBe('text');
    expect(maskPaths([{ token: 'abcd' }], [[EACH, 'token']])).toEqual([{ token: MASK }]);
  });
});

describe('collectSealed', () => {
  it('finds sealed values at any depth, in document order, without descending into them', () => {
    const keyring = Keyring.fromData(newKeyFileData());
    const [a, b, c] = ['a', 'b', 'c'].map((value) => keyring.seal(value));
    const events = [{ data: { x: a, list: [1, null, { deep: [[b]] }] } }, { data: c }, 'text', 7];
    expect(collectSealed(events)).toEqual([a, b, c]);
    expect(collectSealed(null)).toEqual([]);
  });
});
