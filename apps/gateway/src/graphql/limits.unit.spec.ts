import { parse, specifiedRules, validate } from 'graphql';
import { checkCost, depthLimitRule, operationCost } from './limits';
import { buildMonitorSchema } from './schema';

describe('GraphQL limits', () => {
  const schema = buildMonitorSchema();
  const errorsOf = (query: string, maxDepth: number) =>
    validate(schema, parse(query), [...specifiedRules, depthLimitRule(maxDepth)]).map(
      (e) => e.message,
    );
  /** A query `levels` fields deep (its inner fields need not exist: depth is checked alone). */
  const nested = (levels: number) =>
    `{ deployments { edges { node { ${'build { '.repeat(levels - 4)}name${' }'.repeat(levels - 4)} } } } }`;
  const depthErrorsOf = (query: string, maxDepth: number) =>
    validate(schema, parse(query), [depthLimitRule(maxDepth)]).map((e) => e.message);

  it('measures depth with fragments followed and introspection left out', () => {
    expect(errorsOf('{ deployments { edges { node { name } } } }', 4)).toEqual([]);
    expect(errorsOf('{ deployments { edges { node { server { name } } } } }', 4)).toEqual([
      'query is 5 fields deep; the limit is 4 ([graphql] max_depth): ask for less nesting',
    ]);
    const viaFragment = `{ deployments { edges { node { ...D } } } }
      fragment D on Deployment { server { ...S } }  fragment S on Server { name }`;
    expect(errorsOf(viaFragment, 4)).toHaveLength(1);
    expect(
      errorsOf('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }', 2),
    ).toEqual([]);
  });

  it('refuses a query 20 deep at the default limit of 10', () => {
    expect(depthErrorsOf(nested(10), 10)).toEqual([]);
    expect(depthErrorsOf(nested(20), 10)).toEqual([
      'query is 20 fields deep; the limit is 10 ([graphql] max_depth): ask for less nesting',
    ]);
  });

  it('counts a list page `first` times: cost grows with the page, not with the data', () => {
    const cost = (first: number) =>
      operationCost(
        schema,
        parse(`{ deployments(first: ${first}) { edges { node { name server { name } } } } }`),
        {},
      );
    expect(cost(1000)).toBeGreaterThan(100 * cost(1));
    expect(cost(1000)).toBeLessThan(50_000);
    const byVariable = operationCost(
      schema,
      parse('query($n: Int) { deployments(first: $n) { edges { node { name } } } }'),
      { n: 500 },
    );
    expect(byVariable).toBeGreaterThan(500);
  });

  it('refuses a cost over the limit, naming the setting', () => {
    expect(() => checkCost(50_000, 50_000)).not.toThrow();
    expect(() => checkCost(50_001, 50_000)).toThrow(
      'query costs 50001; the limit is 50000 ([graphql] max_cost): ask for smaller pages (first) or fewer fields',
    );
  });
});
