import type { Resource } from '@monitor/domain';
import { ReadModel } from '@monitor/projections';
import { ApiError } from '../api-error';
import { queryMatcher } from './list-query';
import { specificFilters } from './list-specifics';
import type { ListItem } from './list-items';

const deployment = (name: string, config: object = {}) =>
  ({ kind: 'Deployment', id: `id-${name}`, name, tags: [], config }) as unknown as Resource;
const names = (query: object, resources: Resource[]) =>
  resources.filter(queryMatcher(query, new ReadModel())).map((r) => r.name);

describe("List queries, as Komodo 2.3's ResourceQuery", () => {
  const all = ['api-prod', 'api-staging', 'web-prod', 'Web-Staging'].map((n) => deployment(n));

  it('terms: the name contains every term, in any case; empty terms are ignored', () => {
    expect(names({ terms: ['api', 'prod'] }, all)).toEqual(['api-prod']);
    expect(names({ terms: ['STAGING'] }, all)).toEqual(['api-staging', 'Web-Staging']);
    expect(names({ terms: ['web', ''] }, all)).toEqual(['web-prod', 'Web-Staging']);
  });

  it('names: exact names or ids', () => {
    expect(names({ names: ['web-prod', 'id-api-prod'] }, all)).toEqual(['api-prod', 'web-prod']);
  });

  it('templates: Only picks none (Monitor has no templates); another value is a 400', () => {
    expect(names({ templates: 'Only' }, all)).toEqual([]);
    expect(names({ templates: 'Exclude' }, all)).toHaveLength(4);
    expect(() => names({ templates: 'Some' }, all)).toThrow(/query.templates/);
  });
});

describe("query.specific, as each kind's QuerySpecifics", () => {
  const readModel = new ReadModel();
  const onServer = deployment('a', { server_id: 's1', swarm_id: '', image: { type: 'Image' } });
  const fromBuild = deployment('b', {
    server_id: 's2',
    swarm_id: 'w',
    image: { type: 'Build', params: { build_id: 'b1' } },
  });
  const item = (info: object) => ({ info }) as ListItem;

  it('filters on the config (server_ids, swarm_ids, build_ids) and on the info (states, update_available)', () => {
    const pick = (specific: Record<string, unknown>) => {
      const { resource } = specificFilters('Deployment', specific, readModel);
      return [onServer, fromBuild].filter((r) => !resource || resource(r)).map((r) => r.name);
    };
    expect(pick({ server_ids: ['s2'] })).toEqual(['b']);
    expect(pick({ swarm_ids: ['w'] })).toEqual(['b']);
    expect(pick({ build_ids: ['b1'] })).toEqual(['b']);
    expect(pick({ server_ids: [] })).toEqual(['a', 'b']);
    const { item: onItem } = specificFilters(
      'Deployment',
      { states: ['running'], update_available: true },
      readModel,
    );
    expect(onItem!(item({ state: 'running', update_available: true }))).toBe(true);
    expect(onItem!(item({ state: 'running', update_available: false }))).toBe(false);
    expect(onItem!(item({ state: 'exited', update_available: true }))).toBe(false);
  });

  it('a field the kind does not have, or a wrong value, is a 400 naming it', () => {
    const refused = (kind: 'Server' | 'Deployment', specific: Record<string, unknown>) => {
      try {
        specificFilters(kind, specific, readModel);
      } catch (error) {
        return error instanceof ApiError ? `${error.status} ${error.message}` : String(error);
      }
      return 'accepted';
    };
    expect(refused('Server', { server_ids: ['s1'] })).toMatch(/^400 query.specific.server_ids/);
    expect(refused('Deployment', { states: 'running' })).toMatch(/^400 .*states.*list of strings/);
    expect(refused('Deployment', { update_available: 'yes' })).toMatch(/true or false/);
  });

  it('Build built_since compares the last build time; Alerter enabled and types its config', () => {
    const built = specificFilters('Build', { built_since: 100 }, readModel).item!;
    expect(built(item({ last_built_at: 100 }))).toBe(true);
    expect(built(item({ last_built_at: 99 }))).toBe(false);
    const alerter = (enabled: boolean, type: string) =>
      ({ kind: 'Alerter', config: { enabled, endpoint: { type } } }) as unknown as Resource;
    const test = specificFilters(
      'Alerter',
      { enabled: true, types: ['Slack'] },
      readModel,
    ).resource!;
    expect(
      [alerter(true, 'Slack'), alerter(false, 'Slack'), alerter(true, 'Ntfy')].map(test),
    ).toEqual([true, false, false]);
  });
});
