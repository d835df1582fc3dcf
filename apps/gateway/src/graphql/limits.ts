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
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

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

/** An operation's cost: one per field, list fields multiplied by their page size (`first`). */
export function operationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Refuses, before it runs, an operation costlier than `maxCost` (`[graphql] max_cost`). */
export function checkCost(cost: number, maxCost: number): void {
  if (cost <= maxCost) return;
  throw new GraphQLError(
    `query costs ${cost}; the limit is ${maxCost} ([graphql] max_cost): ask for smaller pages (first) or fewer fields`,
    { extensions: { code: 'QUERY_TOO_COSTLY', status: 400, cost, maxCost, http: { status: 400 } } },
  );
}
