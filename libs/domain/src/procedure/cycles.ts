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
  const byId = new Map(procedures.map((p) => [p.id, p]));
  const byName = new Map(procedures.map((p) => [p.name, p]));
  const find = (target: string) => byId.get(target) ?? byName.get(target);
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
 * depth-first walk: a graph with a cycle answers at least one, a graph with none answers none.
 * Not every cycle is answered; the write path needs only one, since the graph was acyclic before
 * the write and so every cycle runs through the procedure written.
 */
export function procedureCycles(procedures: ProcedureNode[], matches: PatternMatch): string[][] {
  const edges = procedureEdges(procedures, matches);
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  // Iterative, so a chain thousands deep does not exhaust the call stack.
  for (const root of procedures) {
    if (state.has(root.id)) continue;
    const path: { node: ProcedureNode; next: ProcedureNode[] }[] = [];
    const enter = (node: ProcedureNode) => {
      state.set(node.id, 'open');
      path.push({ node, next: [...(edges.get(node.id) ?? [])] });
    };
    enter(root);
    while (path.length) {
      const top = path[path.length - 1];
      const next = top.next.shift();
      if (!next) {
        state.set(top.node.id, 'done');
        path.pop();
      } else if (state.get(next.id) === 'open') {
        const from = path.findIndex((step) => step.node.id === next.id);
        cycles.push([...path.slice(from).map((step) => step.node), next].map((n) => n.name));
      } else if (!state.has(next.id)) enter(next);
    }
  }
  return cycles;
}

export function cyclePath(cycle: string[]): string {
  return cycle.join(' → ');
}
