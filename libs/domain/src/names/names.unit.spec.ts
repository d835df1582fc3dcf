import { deciderSpec } from '@monitor/testing';
import { decideName, evolveName, type NameCommand } from './names';

const spec = deciderSpec({ decide: decideName, evolve: evolveName, initialState: () => ({}) });
const reserve = (holder: string): NameCommand => ({
  type: 'Reserve',
  category: 'deployment',
  name: 'web',
  holder,
});
const reserved = (holder: string) => ({
  type: 'NameReserved',
  data: { category: 'deployment', name: 'web', holder },
});
const released = (holder: string) => ({
  type: 'NameReleased',
  data: { category: 'deployment', name: 'web', holder },
});

describe('name reservation', () => {
  it('reserves a free name', () =>
    spec
      .given([])
      .when(reserve('a'))
      .then([reserved('a')]));
  it('refuses a name held by another', () =>
    spec
      .given([reserved('a')])
      .when(reserve('b'))
      .thenFails('CONFLICT', /already taken/));
  it('is idempotent for the holder', () =>
    spec
      .given([reserved('a')])
      .when(reserve('a'))
      .then([]));
  it('reserves again once released', () =>
    spec
      .given([reserved('a'), released('a')])
      .when(reserve('b'))
      .then([reserved('b')]));
  it('releases only for the holder', () => {
    spec
      .given([reserved('a')])
      .when({ ...reserve('b'), type: 'Release' })
      .then([]);
    spec
      .given([reserved('a')])
      .when({ ...reserve('a'), type: 'Release' })
      .then([released('a')]);
  });
});
