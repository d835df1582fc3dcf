import { joinedContainers, networkErrors } from './joined-containers';
import { validateDeploymentConfig } from './validate';

describe('joinedContainers', () => {
  it.each([
    ['container:db', ['db']],
    [' Container: db ', ['db']],
    ['bridge', []],
    ['host', []],
    ['', []],
  ])('%j joins %j', (network, names) => {
    expect(joinedContainers({ network })).toEqual(names);
  });

  it('refuses a container: network that names no container', () => {
    expect(networkErrors({ network: 'container:' })).toEqual([
      expect.objectContaining({ field: 'network' }),
    ]);
    expect(validateDeploymentConfig({ network: 'container:../x' })).toEqual([
      expect.objectContaining({ field: 'network', message: expect.stringMatching(/^network: /) }),
    ]);
    expect(validateDeploymentConfig({ network: 'container:db' })).toEqual([]);
  });
});
