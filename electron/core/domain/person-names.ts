import type { PersonRole } from '../../contract/entities';

export interface PersonFacts {
  id: string;
  name: string;
  roles: readonly PersonRole[];
  /** A deleted person still names their past sign-offs. */
  deleted?: boolean;
}

export interface PersonNames {
  name(personId: string): string;
  ref(personId: string): { personId: string; name: string };
}

/** Names for ids as the audit shows them: a deleted person is marked, a device author says no person was chosen. */
export function personNames(people: readonly PersonFacts[]): PersonNames {
  const byId = new Map(people.map((p) => [p.id, p]));
  const name = (personId: string) => {
    const person = byId.get(personId);
    if (person) return person.deleted ? `${person.name} (deleted)` : person.name;
    if (personId.startsWith('device:')) return `${personId.slice('device:'.length)} (no person chosen)`;
    return personId;
  };
  return { name, ref: (personId) => ({ personId, name: name(personId) }) };
}
