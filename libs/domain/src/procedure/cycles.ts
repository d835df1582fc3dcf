import type { ProcedureConfig } from './procedure.config';
import { executionsOf } from './executions';

export interface ProcedureNode {
  id: string;
  name: string;
  config: Pick<ProcedureConfig, 'stages'>;
}

/**
 * Whether a batch pattern picks a name: the executions library's matcher, given by the caller,
 * which throws on a pattern it refuses (the write path checks each pattern before the cycles).
 */
export type PatternMatch = (pattern: string, name: string) => boolean;

/**
 * The procedures each procedure runs: `RunProcedure` by id or name, `BatchRunProcedure` every
 * procedure its pattern matches (itself included, which Komodo refuses as self-reference).
 * Disabled executions count: enabling one later is a write the check would have to see again.
 */
export function procedureEdges(procedures: ProcedureNode[], matches: PatternMatch) {
  const find = (target: string) => procedures.find((p) => p.id === target || p.name === target);
  return new Map(
    procedures.map((from) => {
      const next = executionsOf(from.config).flatMap(({ type, params }) => {
        if (type === 'RunProcedure' && typeof params.procedure === 'string')
          return find(params.procedure) ?? [];
        if (type === 'BatchRunProcedure' && typeof params.pattern === 'string')
          return procedures.filter((p) => matches(params.pattern as string, p.name));
        return [];
      });
      return [from.id, [...new Set(next)]];
    }),
  );
}

/**
 * The cycles through RunProcedure/BatchRunProcedure at any depth, each as the names along it
 * back to its first (`a → b → c → a` is `['a', 'b', 'c', 'a']`). One cycle per back edge of a
 * depth-first walk: every procedure on a cycle is on at least one answered, and a graph with
 * none answers none.
 */
export function procedureCycles(procedures: ProcedureNode[], matches: PatternMatch): string[][] {
  const edges = procedureEdges(procedures, matches);
  const state = new Map<string, 'open' | 'done'>();
  const stack: ProcedureNode[] = [];
  const cycles: string[][] = [];
  const visit = (node: ProcedureNode) => {
    state.set(node.id, 'open');
    stack.push(node);
    for (const next of edges.get(node.id) ?? []) {
      const seen = state.get(next.id);
      if (seen === 'open') {
        const from = stack.findIndex((n) => n.id === next.id);
        cycles.push([...stack.slice(from), next].map((n) => n.name));
      } else if (!seen) visit(next);
    }
    stack.pop();
    state.set(node.id, 'done');
  };
  for (const procedure of procedures) if (!state.has(procedure.id)) visit(procedure);
  return cycles;
}

export function cyclePath(cycle: string[]): string {
  return cycle.join(' → ');
}
