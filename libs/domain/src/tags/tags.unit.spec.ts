import { deciderSpec } from '@monitor/testing';
import { decideTag, evolveTag, type TagState } from './tags';

const spec = deciderSpec({
  decide: decideTag,
  evolve: evolveTag,
  initialState: (): TagState => ({ status: 'Empty' }),
});
const created = {
  type: 'TagCreated',
  data: { id: 't1', name: 'prod', color: 'Slate', owner: 'u1' },
};

describe('tags', () => {
  it('creates with the default colour', () =>
    spec
      .given([])
      .when({ type: 'CreateTag', id: 't1', name: 'prod', owner: 'u1' })
      .then([created]));
  it('refuses an unknown colour', () =>
    spec
      .given([])
      .when({ type: 'CreateTag', id: 't1', name: 'p', color: 'Mauve', owner: 'u1' })
      .thenFails('VALIDATION', /color/));
  it('renames and recolours', () => {
    spec
      .given([created])
      .when({ type: 'RenameTag', name: 'production' })
      .then([{ type: 'TagRenamed', data: { from: 'prod', to: 'production' } }]);
    spec
      .given([created])
      .when({ type: 'UpdateTagColor', color: 'Red' })
      .then([{ type: 'TagColorUpdated', data: { from: 'Slate', to: 'Red' } }]);
  });
  it('deletes once', () => {
    const deleted = { type: 'TagDeleted', data: { name: 'prod' } };
    spec.given([created]).when({ type: 'DeleteTag' }).then([deleted]);
    spec.given([created, deleted]).when({ type: 'DeleteTag' }).thenFails('NOT_FOUND');
  });
});
