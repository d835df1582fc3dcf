import { defaultDeploymentConfig } from '../../deployment/deployment.config';
import { resourceEvent } from './events';
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
