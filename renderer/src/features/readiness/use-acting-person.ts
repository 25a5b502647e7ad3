import { EMPOWERED_ROLE_FOR, type ReadinessState, type ReadinessStateView } from '../../../../electron/contract/readiness-entities';
import { ROLE_LABELS } from '../../../../electron/contract/entities';
import { useWorkspaceStore } from '../workspace/workspace-store';

/**
 * The "You are" person and what they may do. This only decides which buttons are enabled and what their tooltip
 * says; the core checks the role again and its refusal is what the person is shown if the two ever disagree.
 */
export function useActingPerson() {
  const people = useWorkspaceStore((s) => s.people);
  const currentId = useWorkspaceStore((s) => s.info?.currentPersonId ?? null);
  const me = people.find((p) => p.id === currentId) ?? null;
  const mayActOn = (state: ReadinessState) => me !== null && me.roles.includes(EMPOWERED_ROLE_FOR[state]);
  const whoMayAct = (view: Pick<ReadinessStateView, 'state' | 'label' | 'empowered'>) => {
    const role = ROLE_LABELS[EMPOWERED_ROLE_FOR[view.state]];
    const names = view.empowered.map((p) => p.name).join(', ');
    const holders = names ? `${names} (${role})` : `the ${role.toLowerCase()} (nobody holds that role yet: assign it in Settings › People)`;
    return me === null ? `Choose who you are first. Only ${holders} may act on ${view.label} readiness.` : `Only ${holders} may act on ${view.label} readiness; you are ${me.name}.`;
  };
  return { me, mayActOn, whoMayAct };
}
