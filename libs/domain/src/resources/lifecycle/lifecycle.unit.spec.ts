import { deciderSpec } from '@monitor/testing';
import { RESOURCE_KINDS, type ResourceKind } from '../../kinds';
import { KIND_SPECS } from '../configs';
import { decideResource, type ResourceCommand } from './commands';
import { resourceEvent } from './events';
import { evolveResource, initialResourceState, replayResource } from './state';

describe.each(RESOURCE_KINDS)('%s lifecycle', (kind: ResourceKind) => {
  const spec = deciderSpec({
    decide: (state, command: ResourceCommand) => decideResource(kind, state, command),
    evolve: evolveResource,
    initialState: initialResourceState,
  });
  const defaults = KIND_SPECS[kind].defaults() as Record<string, unknown>;
  const [field, value] = Object.entries(defaults)[0];
  const changed = changedValue(value);
  const created = resourceEvent(kind, 'Created', {
    id: 'r1',
    name: 'alpha',
    description: '',
    tags: [],
    config: defaults,
  });

  it('creates with the defaults filling a partial config', () => {
    spec
      .given([])
      .when({ type: 'Create', id: 'r1', name: 'alpha', config: { [field]: changed } })
      .then([
        resourceEvent(kind, 'Created', {
          id: 'r1',
          name: 'alpha',
          description: '',
          tags: [],
          config: { ...defaults, [field]: changed },
        }),
      ]);
  });

  it('refuses a second create', () => {
    spec.given([created]).when({ type: 'Create', id: 'r1', name: 'alpha' }).thenFails('CONFLICT');
  });

  it('refuses unknown config fields and bad names', () => {
    spec
      .given([])
      .when({ type: 'Create', id: 'r1', name: 'a', config: { no_such_field: 1 } })
      .thenFails('VALIDATION', /no_such_field/);
    spec
      .given([])
      .when({ type: 'Create', id: 'r1', name: ' padded' })
      .thenFails('VALIDATION', /white space/);
    spec.given([]).when({ type: 'Create', id: 'r1', name: '' }).thenFails('VALIDATION', /empty/);
  });

  it('records only the changed fields of an update', () => {
    spec
      .given([created])
      .when({
        type: 'UpdateConfig',
        config: { [field]: changed, ...sameAsDefault(defaults, field) },
      })
      .then([
        resourceEvent(kind, 'ConfigUpdated', { diff: { [field]: { from: value, to: changed } } }),
      ]);
  });

  it('emits nothing for an update that changes nothing', () => {
    spec
      .given([created])
      .when({ type: 'UpdateConfig', config: { [field]: value } })
      .then([]);
  });

  it('renames, describes, tags', () => {
    spec
      .given([created])
      .when({ type: 'Rename', name: 'beta' })
      .then([resourceEvent(kind, 'Renamed', { from: 'alpha', to: 'beta' })]);
    spec.given([created]).when({ type: 'Rename', name: 'alpha' }).then([]);
    spec
      .given([created])
      .when({ type: 'UpdateDescription', description: 'd' })
      .then([resourceEvent(kind, 'DescriptionUpdated', { from: '', to: 'd' })]);
    spec
      .given([created])
      .when({ type: 'UpdateTags', tags: ['t1', 't1', 't2'] })
      .then([resourceEvent(kind, 'TagsUpdated', { from: [], to: ['t1', 't2'] })]);
  });

  it('sets the base permission every user gets', () => {
    spec
      .given([created])
      .when({ type: 'UpdateBasePermission', level: 'Read' })
      .then([resourceEvent(kind, 'BasePermissionUpdated', { from: 'None', to: 'Read' })]);
    spec.given([created]).when({ type: 'UpdateBasePermission', level: 'None' }).then([]);
    spec
      .given([created])
      .when({ type: 'UpdateBasePermission', level: 'Admin' })
      .thenFails('VALIDATION', /base_permission/);
  });

  it('deletes once, then the resource is gone', () => {
    const deleted = resourceEvent(kind, 'Deleted', { name: 'alpha' });
    spec.given([created]).when({ type: 'Delete' }).then([deleted]);
    spec.given([created, deleted]).when({ type: 'Delete' }).thenFails('NOT_FOUND');
    spec.given([created, deleted]).when({ type: 'Rename', name: 'x' }).thenFails('NOT_FOUND');
    spec.given([]).when({ type: 'UpdateConfig', config: {} }).thenFails('NOT_FOUND');
  });

  it('replays to the state at each revision', () => {
    const events = [
      { ...created, at: 10 },
      {
        ...resourceEvent(kind, 'ConfigUpdated', {
          diff: { [field]: { from: value, to: changed } },
        }),
        at: 20,
      },
      { ...resourceEvent(kind, 'Renamed', { from: 'alpha', to: 'beta' }), at: 30 },
    ];
    const atOne = replayResource(events.slice(0, 2));
    const atTwo = replayResource(events);
    expect(atOne).toMatchObject({
      status: 'Active',
      resource: {
        name: 'alpha',
        revision: 1,
        updatedAt: 20,
        createdAt: 10,
        config: { [field]: changed },
      },
    });
    expect(atTwo).toMatchObject({ status: 'Active', resource: { name: 'beta', revision: 2 } });
  });
});

function changedValue(value: unknown): unknown {
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return `${value}-changed`;
  if (Array.isArray(value)) return [...value, 'x'];
  return { changed: true };
}

function sameAsDefault(defaults: Record<string, unknown>, except: string): Record<string, unknown> {
  const other = Object.keys(defaults).find((key) => key !== except);
  return other ? { [other]: defaults[other] } : {};
}
