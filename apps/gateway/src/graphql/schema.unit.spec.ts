import { CATALOGUE_ENTRIES } from '@monitor/contracts';
import { KIND_SPECS, RESOURCE_KINDS } from '@monitor/domain';
import {
  assertValidSchema,
  getNamedType,
  GraphQLEnumType,
  GraphQLList,
  GraphQLObjectType,
  GraphQLScalarType,
  isNonNullType,
  type GraphQLOutputType,
} from 'graphql';
import { referenceName } from './kind-types';
import { listFieldName } from './resource-queries';
import { buildMonitorSchema } from './schema';

describe('the generated GraphQL schema', () => {
  const schema = buildMonitorSchema();
  const objectType = (name: string) => {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`${name} is not an object type`);
    return type;
  };
  const typeName = (type: GraphQLOutputType) => getNamedType(type).name;

  it('is a valid schema', () => {
    expect(() => assertValidSchema(schema)).not.toThrow();
  });

  it('has a type per kind, implementing Resource, with its config and a typed list query', () => {
    const query = schema.getQueryType()!.getFields();
    for (const kind of RESOURCE_KINDS) {
      const fields = objectType(kind).getFields();
      expect(
        objectType(kind)
          .getInterfaces()
          .map((i) => i.name),
      ).toEqual(['Resource']);
      for (const field of [
        'id',
        'name',
        'description',
        'tags',
        'info',
        'state',
        'base_permission',
        'updated_at',
      ])
        expect([kind, field, field in fields]).toEqual([kind, field, true]);
      expect(typeName(fields.config.type)).toBe(`${kind}Config`);
      expect(typeName(query[listFieldName(kind)].type)).toBe(`${kind}Connection`);
    }
    expect(listFieldName('ResourceSync')).toBe('resourceSyncs');
  });

  it("resolves every reference of the kinds' specs as an object of the referred kind", () => {
    for (const kind of RESOURCE_KINDS) {
      for (const reference of KIND_SPECS[kind].references) {
        const field = objectType(kind).getFields()[referenceName(reference.path)];
        expect([kind, reference.path.join('.'), field && typeName(field.type)]).toEqual([
          kind,
          reference.path.join('.'),
          reference.kind,
        ]);
      }
    }
    const deployment = objectType('Deployment').getFields();
    expect(Object.keys(deployment)).toEqual(expect.arrayContaining(['server', 'build']));
    expect(isNonNullType(deployment.server.type)).toBe(false);
    const builder = objectType('Builder').getFields().servers.type;
    expect(isNonNullType(builder) && builder.ofType instanceof GraphQLList).toBe(true);
  });

  it('has one mutation per write and execute request of the catalogue, and none for reads', () => {
    const mutations = schema.getMutationType()!.getFields();
    const expected = new Set(CATALOGUE_ENTRIES.filter((e) => e.verb !== 'read').map((e) => e.name));
    expect(Object.keys(mutations).sort()).toEqual([...expected].sort());
    expect(mutations.RefreshStackCache.description).toMatch(/^Write request/);
    expect(mutations).toHaveProperty('DeployStack');
    expect(mutations).toHaveProperty('CreateDeployment');
    expect(mutations).not.toHaveProperty('ListDeployments');
  });

  it("types config fields from the DTO's rules: scalars, lists, enums, JSON for the rest", () => {
    const config = objectType('DeploymentConfig').getFields();
    expect(typeName(config.server_id.type)).toBe('String');
    expect(typeName(config.replicas.type)).toBe('Int');
    expect(typeName(config.auto_update.type)).toBe('Boolean');
    expect(config.links.type).toBeInstanceOf(GraphQLList);
    expect(getNamedType(config.termination_signal.type)).toBeInstanceOf(GraphQLEnumType);
    // Restart modes (`unless-stopped`) are no GraphQL names: a String.
    expect(typeName(config.restart.type)).toBe('String');
    expect(getNamedType(config.image.type)).toBeInstanceOf(GraphQLScalarType);
    expect(typeName(config.image.type)).toBe('JSON');
  });

  it('answers the queries of the issue', () => {
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(
      expect.arrayContaining([
        'resource',
        'resources',
        'updates',
        'alerts',
        'history',
        'resourceAt',
      ]),
    );
  });
});
