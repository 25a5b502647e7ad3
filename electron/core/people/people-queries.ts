import type { PersonRole } from '../../contract/entities';
import { personNames, type PersonFacts, type PersonNames } from '../domain/person-names';
import type { WorkspaceStore } from '../store/workspace-store';

/**
 * Everyone this workspace knows, the deleted too: their past records keep their names. A deleted person holds no
 * role any more, so no rule counts them.
 */
export function loadPeople(store: WorkspaceStore): PersonFacts[] {
  const live = new Set(store.reader.list('person').map((p) => p.id));
  return store.reader.list('person', [], { deleted: true }).map((p) =>
    live.has(p.id) ? { id: p.id, name: String(p.name), roles: p.roles as PersonRole[] } : { id: p.id, name: String(p.name), roles: [], deleted: true },
  );
}

/** Names for ids as every screen shows them (domain/person-names.ts). */
export function peopleNames(store: WorkspaceStore): PersonNames {
  return personNames(loadPeople(store));
}
