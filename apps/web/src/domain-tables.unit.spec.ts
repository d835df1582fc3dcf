import type { KindOrder, SpecificsOfKind } from '@monitor/contracts';

/*
 * The bundle takes no values from the libs, so the plan page's order of kinds and the
 * permissions tab's table are written in the web once more, typed with the domain's exact types.
 * These types must stay exact, or a copy could drift unseen: each line below must not compile
 * (`tsc -p apps/web`, part of `npm run typecheck`).
 */
describe("the web's copies of the domain's tables", () => {
  it('compile only as the domain has them', () => {
    const order: KindOrder = [
      // @ts-expect-error: two kinds swapped
      'ServerTemplate',
      // @ts-expect-error: two kinds swapped
      'Server',
      'Alerter',
      'Action',
      'Builder',
      'Repo',
      'Build',
      'Stack',
      'ResourceSync',
      'Deployment',
      'Procedure',
    ];
    const table: SpecificsOfKind = {
      Server: ['Attach', 'Inspect', 'Logs', 'Processes', 'Terminal'],
      Deployment: ['Inspect', 'Logs', 'Terminal'],
      Stack: ['Inspect', 'Logs', 'Terminal'],
      Builder: ['Attach', 'Terminal'],
      // @ts-expect-error: a specific permission the domain does not give a Build
      Build: ['Attach', 'Logs'],
      Repo: ['Attach'],
    };
    expect([order.length, Object.keys(table).length]).toEqual([11, 6]);
  });
});
