import type { Person } from '../../../../electron/contract/entities';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { useKeysStore } from './keys-store';

export type KeyState = 'enrolled' | 'requested' | 'none';

export interface Signing {
  /** The "You are" person, or null. */
  me: Person | null;
  /** Whether this device's key is enrolled for them: sign-offs, ticks, decisions and step executions count. */
  canSign: boolean;
  /** Why not, in words, for a greyed-out button's tooltip; null when they can sign. */
  whyNot: string | null;
  keyState: KeyState;
  /** Whether this device may enrol keys (the root, or enrolled for a workspace admin). */
  isAdmin: boolean;
}

/**
 * Acting as a person binds to that person's key on this device: without an enrolled key every signed record made
 * here would count nowhere, so the UI is read-only for them and says why. The core refuses such a record anyway
 * (with the same advice); this only decides which buttons are enabled and what their tooltips say.
 */
export function useSigning(): Signing {
  const people = useWorkspaceStore((s) => s.people);
  const currentId = useWorkspaceStore((s) => s.info?.currentPersonId ?? null);
  const overview = useKeysStore((s) => s.overview);
  const me = people.find((p) => p.id === currentId) ?? null;
  return signingFor(me, overview);
}

export function signingFor(me: Person | null, overview: ReturnType<typeof useKeysStore.getState>['overview']): Signing {
  const isAdmin = overview?.thisDevice.isAdmin ?? false;
  if (me === null) return { me, canSign: false, whyNot: 'Choose who you are (top right) first: every record names the person who made it.', keyState: 'none', isAdmin };
  // Until the overview has loaded, the core decides: better one refusal in words than every button greyed out at start.
  if (overview === null) return { me, canSign: true, whyNot: null, keyState: 'enrolled', isAdmin };
  if (overview.thisDevice.signsFor.some((p) => p.personId === me.id)) return { me, canSign: true, whyNot: null, keyState: 'enrolled', isAdmin };
  const requested = overview.keys.some((k) => k.thisDevice && k.status === 'requested' && k.personId === me.id);
  const next = isAdmin
    ? 'As this is a workspace admin’s device, enrol it for them: “You are” → No key, or Settings → Keys.'
    : requested
      ? 'A key was requested; a workspace admin must enrol it (Settings → Keys).'
      : 'Request one (“You are” → No key, or Settings → Keys); a workspace admin then enrols it.';
  return {
    me,
    canSign: false,
    whyNot: `This device holds no enrolled key of ${me.name}, so it cannot sign for them: what you record here would count nowhere. ${next}`,
    keyState: requested ? 'requested' : 'none',
    isAdmin,
  };
}
