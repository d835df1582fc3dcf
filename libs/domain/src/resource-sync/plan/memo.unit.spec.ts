import { deepFreeze } from './deep-freeze';
import { lookupFrom, type SyncLookup } from './lookup';
import { createPlanMemo, type PlanMemo } from './memo';
import { declared, existing, planOf, sealed, type Given } from './plan.fixtures';
import { renderSyncInfo } from './render-info';
import type { SyncPlan } from './types';

const shown = (plan: SyncPlan, memo?: PlanMemo) =>
  renderSyncInfo(plan, { resource: (view) => JSON.stringify(view) }, [], memo);

/**
 * Planned with the memo (and the lookup given, kept as a caller keeps it while no name
 * changes), then without either: the same plan and rendering.
 */
function planTwice(given: Given, memo: PlanMemo, lookup?: SyncLookup) {
  const frozen = {
    ...given,
    declared: deepFreeze(given.declared),
    resources: deepFreeze(given.resources),
  };
  const kept = planOf({ ...frozen, more: { memo, ...(lookup && { lookup }) } });
  const fresh = planOf(frozen);
  expect(kept).toStrictEqual(fresh);
  expect(shown(kept, memo)).toStrictEqual(shown(fresh));
  return kept;
}

describe('a plan memo kept from plan to plan', () => {
  const one = existing('Server', 'one');
  const two = existing('Server', 'two');
  const app = existing('Deployment', 'app', { server_id: one.id });
  const files = {
    resources: [
      declared('Server', 'one'),
      declared('Server', 'two'),
      declared('Deployment', 'app', { server_id: 'two' }),
    ],
  };

  it('given a server renamed between plans, when planning again, then the fields name it by its new name', () => {
    const memo = createPlanMemo();
    planTwice({ resources: [one, two, app], declared: files }, memo);
    const renamed = { ...one, name: 'first' };
    const plan = planTwice({ resources: [renamed, two, app], declared: files }, memo);
    const change = plan.resources.find((c) => c.key === 'Deployment:app');
    expect(change?.fields).toEqual([
      { path: 'config.server_id', current: 'first', proposed: 'two' },
    ]);
  });

  it('given a stored config written between plans (no name changed, the lookup kept), when planning again, then the plan follows it', () => {
    const memo = createPlanMemo();
    const lookup = lookupFrom([one, two, app]);
    const before = { resources: [one, two, app], declared: files };
    expect(planTwice(before, memo, lookup).resources).toHaveLength(1);
    expect(planTwice(before, memo, lookup).resources).toHaveLength(1);
    const moved = { ...app, config: { ...app.config, server_id: two.id } };
    const after = { resources: [one, two, moved], declared: files };
    expect(planTwice(after, memo, lookup).resources).toEqual([]);
    const back = { ...moved, config: { ...moved.config, server_id: one.id } };
    expect(planTwice({ ...after, resources: [one, two, back] }, memo, lookup).resources).toEqual([
      expect.objectContaining({ key: 'Deployment:app', action: 'Update' }),
    ]);
  });

  it('given a declaration not frozen, when planned twice with one memo, then its change is worked out again', () => {
    const memo = createPlanMemo();
    const lookup = lookupFrom([one, two, app]);
    const declaredApp = declared('Deployment', 'app', { server_id: 'two' });
    const given = {
      resources: deepFreeze([one, two, app]),
      declared: { resources: [...files.resources.slice(0, 2), declaredApp] },
    };
    const plan = () => planOf({ ...given, more: { memo, lookup } });
    expect(plan().resources).toHaveLength(1);
    declaredApp.config = { server_id: 'one' };
    expect(plan().resources).toEqual([]);
  });

  it('given a secret set, kept and changed between plans, when planning again, then only the masked form is shown', () => {
    const memo = createPlanMemo();
    const stack = existing('Stack', 's', { webhook_secret: sealed('s3cret-old') });
    const given = (secret?: string) => ({
      resources: [stack],
      declared: {
        resources: [declared('Stack', 's', secret === undefined ? {} : { webhook_secret: secret })],
      },
    });
    expect(planTwice(given(), memo).resources).toEqual([]);
    expect(planTwice(given('s3cret-old'), memo).resources).toEqual([]);
    const changed = planTwice(given('s3cret-new'), memo);
    expect(changed.resources[0].fields).toEqual([
      { path: 'config.webhook_secret', current: '*****', proposed: '*****' },
    ]);
    expect(JSON.stringify(shown(changed, memo))).not.toMatch(/s3cret/);
  });
});
