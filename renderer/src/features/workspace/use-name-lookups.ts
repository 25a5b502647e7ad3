import { useMemo } from 'react';
import { nameIndex, useWorkspaceStore } from './workspace-store';

/** id → name for everything a release refers to. */
export interface NameLookups {
  systems: Map<string, string>;
  environments: Map<string, string>;
  people: Map<string, string>;
}

export function useNameLookups(): NameLookups {
  const people = useWorkspaceStore((s) => s.people);
  const systems = useWorkspaceStore((s) => s.systems);
  const environments = useWorkspaceStore((s) => s.environments);
  return useMemo(
    () => ({ people: nameIndex(people), systems: nameIndex(systems), environments: nameIndex(environments) }),
    [people, systems, environments],
  );
}
