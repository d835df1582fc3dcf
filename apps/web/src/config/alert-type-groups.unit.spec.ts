import { ALERT_TYPE_GROUPS } from './alert-type-groups';

describe('ALERT_TYPE_GROUPS', () => {
  const all = ALERT_TYPE_GROUPS.flatMap((g) => g.types);

  it('lists each alert type once, in the page order of groups', () => {
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(31);
    expect(ALERT_TYPE_GROUPS.map((g) => g.group)).toEqual([
      'Server',
      'Deployment',
      'Stack',
      'Build',
      'Outcomes',
      'Other',
    ]);
  });

  it('puts the deploy and build outcomes together', () => {
    const outcomes = ALERT_TYPE_GROUPS.find((g) => g.group === 'Outcomes')!.types;
    expect(outcomes).toEqual(
      expect.arrayContaining(['DeploymentDeployed', 'StackDeployFailed', 'BuildSucceeded']),
    );
  });
});
