/**
 * Finds one cycle in a dependency graph (node → the nodes it depends on), or null. Iterative three-colour DFS so
 * that a long chain cannot overflow the stack. Used for system dependencies now and runbook steps later.
 */
export function findDependencyCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    state.set(start, 'visiting');
    path.push(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const deps = graph.get(frame.node) ?? [];
      if (frame.next < deps.length) {
        const dep = deps[frame.next++];
        const seen = state.get(dep);
        if (seen === 'visiting') return path.slice(path.indexOf(dep));
        if (seen === undefined && graph.has(dep)) {
          state.set(dep, 'visiting');
          path.push(dep);
          stack.push({ node: dep, next: 0 });
        }
      } else {
        state.set(frame.node, 'done');
        path.pop();
        stack.pop();
      }
    }
  }
  return null;
}
