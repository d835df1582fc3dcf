import { RESOURCE_KINDS, SPECIFICS_OF_KIND as DOMAIN } from '@monitor/domain';
import { SPECIFICS_OF_KIND } from './specific-permissions';

describe("the web's table of specific permissions", () => {
  it('is the domain’s, kind by kind', () => {
    for (const kind of RESOURCE_KINDS)
      expect([kind, SPECIFICS_OF_KIND[kind]]).toEqual([kind, DOMAIN[kind]]);
  });
});
