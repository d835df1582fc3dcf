import { loadConfig } from './load-config';

describe('[graphql] settings', () => {
  it('default to depth 10, cost 50,000 and no GraphiQL', () => {
    expect(loadConfig({}).graphql).toEqual({ max_depth: 10, max_cost: 50_000, graphiql: false });
  });

  it('come from the environment', () => {
    const { graphql } = loadConfig({
      MONITOR_GRAPHQL_MAX_DEPTH: '12',
      MONITOR_GRAPHQL_GRAPHIQL: 'true',
    });
    expect(graphql).toMatchObject({ max_depth: 12, graphiql: true });
  });

  it('refuse a depth limit of 1, naming the setting', () => {
    expect(() => loadConfig({ MONITOR_GRAPHQL_MAX_DEPTH: '1' })).toThrow(/graphql\.max_depth/);
  });
});
