import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLOutputType,
} from 'graphql';
import { JsonScalar } from './json-scalar';

type Dto = new () => object;

/** What class-validator recorded of one property: its rules' names and their constraints. */
interface PropertyRules {
  names: Set<string>;
  values?: readonly string[];
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const RESERVED = new Set(['true', 'false', 'null']);

/**
 * A config's GraphQL type, read from its DTO's validation rules (libs/contracts/src/configs/rules):
 * strings, booleans, integers, numbers and their lists typed; one-of-a-set fields an enum when
 * every value can be a GraphQL name (else a String); nested objects, tagged unions (`{ type,
 * params }`) and maps the JSON scalar, since their shape depends on a sibling's value.
 */
export function configType(typeName: string, dto: Dto): GraphQLObjectType {
  const fields: GraphQLFieldConfigMap<Record<string, unknown>, unknown> = {};
  for (const [property, rules] of rulesOf(dto)) {
    fields[property] = { type: outputType(`${typeName}_${property}`, rules) };
  }
  return new GraphQLObjectType({ name: typeName, fields });
}

function rulesOf(dto: Dto): Map<string, PropertyRules> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byProperty = new Map<string, PropertyRules>();
  for (const { propertyName, name, type, constraints } of metadata) {
    const rules = byProperty.get(propertyName) ?? { names: new Set<string>() };
    const rule = name ?? type;
    rules.names.add(rule);
    if (rule === 'isIn') rules.values = constraints[0] as string[];
    byProperty.set(propertyName, rules);
  }
  return byProperty;
}

function outputType(enumName: string, { names, values }: PropertyRules): GraphQLOutputType {
  if (names.has('string')) return GraphQLString;
  if (names.has('boolean')) return GraphQLBoolean;
  if (names.has('int')) return GraphQLInt;
  if (names.has('number')) return GraphQLFloat;
  if (names.has('strings') || names.has('oneOfEach')) return new GraphQLList(GraphQLString);
  if (names.has('ints')) return new GraphQLList(GraphQLInt);
  if (values) return enumOrString(enumName, values);
  return JsonScalar;
}

function enumOrString(name: string, values: readonly string[]): GraphQLOutputType {
  if (!values.every((v) => GRAPHQL_NAME.test(v) && !RESERVED.has(v))) return GraphQLString;
  return new GraphQLEnumType({
    name,
    values: Object.fromEntries(values.map((value) => [value, { value }])),
  });
}
