import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';

/**
 * The depth of a selection: 1 for a top-level field, fragments followed. Introspection fields
 * (`__schema`, `__type`) do not count: GraphiQL's own schema query is deeper than any sane limit.
 */
export function selectionDepth(
  selections: SelectionSetNode | undefined,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  visiting: ReadonlySet<string> = new Set(),
): number {
  let deepest = 0;
  for (const selection of selections?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + selectionDepth(selection.selectionSet, fragments, visiting));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, visiting));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      // A cycle is NoFragmentCyclesRule's to report; here it only must not loop.
      if (!fragment || visiting.has(name)) continue;
      const inner = new Set(visiting).add(name);
      deepest = Math.max(deepest, selectionDepth(fragment.selectionSet, fragments, inner));
    }
  }
  return deepest;
}

/** A validation rule refusing operations nested deeper than `maxDepth` (`[graphql] max_depth`). */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments = Object.fromEntries(
        context
          .getDocument()
          .definitions.filter(
            (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
          )
          .map((d) => [d.name.value, d]),
      );
      const depth = selectionDepth(operation.selectionSet, fragments);
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(
            `query is ${depth} fields deep; the limit is ${maxDepth} ([graphql] max_depth): ask for less nesting`,
            { nodes: [operation], extensions: { code: 'QUERY_TOO_DEEP', status: 400 } },
          ),
        );
      }
    },
  });
}

/** A field with `first` costs 1 plus `first` times its selection: a list's page counts in full. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + Math.max(args.first, 1) * childComplexity : undefined;

/**
 * What a field that reads a whole stream (`history`, `resourceAt`) costs beside its selection,
 * as its `extensions.complexity`: a page's worth, so aliases cannot repeat it thousands of times.
 */
export const STREAM_READ_COST = 100;

/** Selections counted (fragments followed) before an operation is refused without a total. */
export const MAX_COUNTED_NODES = 10_000;

/**
 * An operation's cost: one per field, list fields multiplied by their page size (`first`), a
 * field's own `extensions.complexity` where it has one. Past MAX_COUNTED_NODES selections it
 * is refused as too costly (the counter gives up there: a 500 over HTTP otherwise).
 */
export function operationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  try {
    return getComplexity({
      schema,
      query,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      maxQueryNodes: MAX_COUNTED_NODES,
      estimators: [
        pageEstimator,
        fieldExtensionsEstimator(),
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    });
  } catch (error) {
    if (!(error instanceof GraphQLError) || !/maximum allowed number of nodes/.test(error.message))
      throw error;
    throw new GraphQLError(
      `query has more than ${MAX_COUNTED_NODES} selections, fragments followed: ask for fewer fields`,
      { extensions: { code: 'QUERY_TOO_COSTLY', status: 400, http: { status: 400 } } },
    );
  }
}

/** Refuses, before it runs, an operation costlier than `maxCost` (`[graphql] max_cost`). */
export function checkCost(cost: number, maxCost: number): void {
  if (cost <= maxCost) return;
  throw new GraphQLError(
    `query costs ${cost}; the limit is ${maxCost} ([graphql] max_cost): ask for smaller pages (first) or fewer fields`,
    { extensions: { code: 'QUERY_TOO_COSTLY', status: 400, cost, maxCost, http: { status: 400 } } },
  );
}
