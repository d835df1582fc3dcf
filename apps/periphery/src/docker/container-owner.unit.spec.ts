import { PeripheryError } from '../api/periphery-error';
import { assertOwner, ownedLabels, ownerProblem } from './container-owner';

const deployment = { kind: 'Deployment' as const, id: 'd1' };

describe('ownerProblem', () => {
  it.each([
    [{ 'monitor.deployment': 'd1' }, undefined],
    [
      { 'monitor.deployment': 'd2' },
      "container 'web' is not this deployment's: it belongs to deployment d2",
    ],
    [{ 'monitor.stack': 's1' }, "container 'web' is not this deployment's: it belongs to stack s1"],
    [
      { 'com.docker.compose.project': 'shop' },
      "container 'web' is not this deployment's: it belongs to compose project 'shop', which carries no Monitor label",
    ],
    [
      {},
      "container 'web' is not this deployment's: it has no Monitor label (monitor.deployment or monitor.stack), so Monitor did not make it and does not touch it",
    ],
  ])('%j: %s', (labels, problem) => {
    expect(ownerProblem('web', labels, deployment)).toBe(problem);
  });

  it('leaves the server-level requests (no owner) alone, and refuses with a 409 otherwise', () => {
    expect(() => assertOwner('/web', {}, undefined)).not.toThrow();
    expect(() => assertOwner('/web', {}, deployment)).toThrow(PeripheryError);
  });
});

describe('ownedLabels', () => {
  it("sets the owner's label and refuses compose's and Monitor's from the spec", () => {
    expect(ownedLabels({ app: 'x', 'monitor.deployment': 'd1' }, deployment)).toEqual({
      app: 'x',
      'monitor.deployment': 'd1',
    });
    expect(() => ownedLabels({ 'monitor.deployment': 'd2' }, deployment)).toThrow(
      "spec.labels: 'monitor.deployment': compose's and Monitor's labels are set by them",
    );
    expect(() => ownedLabels({ 'com.docker.compose.service': 'web' }, deployment)).toThrow(
      "'com.docker.compose.service': compose's",
    );
  });
});
