/** A deploy-ordering node: a Deployment or Stack by name, with the names it deploys after. */
export interface AfterNode {
  name: string;
  after: string[];
}

/**
 * The cycles of `after` among the declared Deployments and Stacks, each once, as the path that
 * closes it (`['a', 'b', 'c', 'a']`): Komodo only finds one halfway through a sync. Names that
 * match nothing declared are not edges (a warning says so elsewhere).
 */
export function afterCycles(nodes: AfterNode[]): string[][] {
  if (nodes.every((node) => node.after.length === 0)) return [];
  const byName = new Map<string, string[]>();
  for (const node of nodes)
    byName.set(node.name, [...(byName.get(node.name) ?? []), ...node.after]);
  const state = new Map<string, 'open' | 'done'>();
  const seen = new Set<string>();
  const cycles: string[][] = [];
  const stack: string[] = [];

  const visit = (name: string): void => {
    state.set(name, 'open');
    stack.push(name);
    for (const next of byName.get(name) ?? []) {
      if (!byName.has(next)) continue;
      if (state.get(next) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...new Set(cycle)].sort().join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of byName.keys()) if (!state.has(name)) visit(name);
  return cycles;
}
