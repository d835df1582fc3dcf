import { defaultDeploymentConfig } from '../../deployment/deployment.config';
import { RESOURCE_KINDS } from '../../kinds';
import { readResourceEvent, resourceEvent } from './events';
import { evolveResource, initialResourceState, isOfKind, type Resource } from './state';

/** A Deployment as events make it: typed as a resource of any kind, as the read model holds it. */
const deployment = (): Resource => {
  const state = evolveResource(
    initialResourceState(),
    resourceEvent('Deployment', 'Created', {
      id: 'd-1',
      name: 'alpha',
      description: '',
      tags: [],
      config: { ...defaultDeploymentConfig(), server_id: 'srv-1' },
    }),
  );
  if (state.status !== 'Active') throw new Error('not created');
  return state.resource;
};

describe('a resource typed by its kind', () => {
  it('is narrowed to its own kind only, and then reads its config by field', () => {
    const resource = deployment();
    expect(isOfKind(resource, 'Stack')).toBe(false);
    if (!isOfKind(resource, 'Deployment')) throw new Error('not a Deployment');
    expect(resource.config.server_id).toBe('srv-1');
    expect(resource.config.termination_signal).toBe('SIGTERM');
  });

  it("does not compile reading another kind's field, nor a kind-less config by field", () => {
    const anyKind = deployment();
    if (!isOfKind(anyKind, 'Deployment')) throw new Error('not a Deployment');
    // @ts-expect-error: `webhook_secret` is a Stack's field, not a Deployment's
    expect(anyKind.config.webhook_secret).toBeUndefined();
    const unnarrowed: Resource = anyKind;
    // @ts-expect-error: a resource of any kind must be narrowed before its config is read
    expect(unnarrowed.config.server_id).toBe('srv-1');
  });
});

describe('a stored resource event', () => {
  it('is read as the event its type names, its data narrowed by its action', () => {
    const stored = { type: 'StackRenamed', data: { from: 'a', to: 'b' } };
    const read = readResourceEvent(stored, RESOURCE_KINDS);
    expect(read).toEqual({ kind: 'Stack', action: 'Renamed', data: { from: 'a', to: 'b' } });
    if (read?.action !== 'Renamed') throw new Error('not a rename');
    const to: string = read.data.to;
    expect(to).toBe('b');
    // @ts-expect-error: a rename's data has no diff
    expect(read.data.diff).toBeUndefined();
    expect(readResourceEvent({ type: 'StackStateObserved', data: {} }, RESOURCE_KINDS)).toBe(
      undefined,
    );
  });

  it("makes a config change of the kind's fields, leaving the others as they were", () => {
    const before = deployment();
    const changed = evolveResource(
      { status: 'Active', resource: before },
      resourceEvent('Deployment', 'ConfigUpdated', {
        diff: { server_id: { from: 'srv-1', to: 'srv-2' } },
      }),
    );
    if (changed.status !== 'Active' || !isOfKind(changed.resource, 'Deployment'))
      throw new Error('not a Deployment');
    expect(changed.resource.config).toEqual({ ...before.config, server_id: 'srv-2' });
    expect(before.config).not.toEqual(changed.resource.config);
  });
});
