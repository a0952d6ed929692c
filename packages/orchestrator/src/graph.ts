import { OrchestratorError } from './orchestrator-error';

/** The part of a task the graph checks need. */
export interface GraphNode {
  name: string;
  dependencies: readonly string[];
}

/**
 * Checks that every dependency exists and that there is no cycle, and returns the task names in
 * a dependency-respecting order (ties keep the order the tasks were added).
 * Throws OrchestratorError UNKNOWN_DEPENDENCY or CYCLE, naming the tasks involved.
 */
export function validateGraph(nodes: readonly GraphNode[]): string[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const unknown: string[] = [];
  for (const node of nodes) {
    for (const dep of node.dependencies) {
      if (!byName.has(dep)) unknown.push(`task '${node.name}' depends on unknown task '${dep}'`);
    }
  }
  if (unknown.length > 0) throw new OrchestratorError('UNKNOWN_DEPENDENCY', unknown.join('; '));

  const cycle = findCycle(nodes, byName);
  if (cycle) throw new OrchestratorError('CYCLE', `dependency cycle: ${cycle.join(' -> ')}`);

  // Kahn's algorithm, always taking the earliest-added ready task.
  const remaining = new Map(nodes.map((n) => [n.name, new Set(n.dependencies)]));
  const order: string[] = [];
  while (remaining.size > 0) {
    const ready = nodes.find((n) => remaining.get(n.name)?.size === 0);
    if (!ready) throw new Error('unreachable: cycle not detected');
    remaining.delete(ready.name);
    order.push(ready.name);
    for (const deps of remaining.values()) deps.delete(ready.name);
  }
  return order;
}

/** Depth-first search; returns the first cycle found as a closed path (a -> b -> a), or undefined. */
function findCycle(nodes: readonly GraphNode[], byName: Map<string, GraphNode>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    const s = state.get(name);
    if (s === 'done') return undefined;
    if (s === 'visiting') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'visiting');
    path.push(name);
    for (const dep of byName.get(name)?.dependencies ?? []) {
      const found = visit(dep);
      if (found) return found;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const node of nodes) {
    const found = visit(node.name);
    if (found) return found;
  }
  return undefined;
}
