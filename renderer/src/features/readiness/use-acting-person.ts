import { EMPOWERED_ROLE_FOR, type ReadinessState, type ReadinessStateView } from '../../../../electron/contract/readiness-entities';
import { ROLE_LABELS } from '../../../../electron/contract/entities';
import { useSigning } from '../keys/use-signing';

/**
 * The "You are" person and what they may do: hold the empowered role, and sign with a key enrolled for them on this
 * device. This only decides which buttons are enabled and what their tooltip says; the core checks both again and
 * its refusal is what the person is shown if the two ever disagree.
 */
export function useActingPerson() {
  const { me, canSign, whyNot } = useSigning();
  const holdsRole = (state: ReadinessState) => me !== null && me.roles.includes(EMPOWERED_ROLE_FOR[state]);
  const mayActOn = (state: ReadinessState) => holdsRole(state) && canSign;
  const whoMayAct = (view: Pick<ReadinessStateView, 'state' | 'label' | 'empowered'>) => {
    const role = ROLE_LABELS[EMPOWERED_ROLE_FOR[view.state]];
    const names = view.empowered.map((p) => p.name).join(', ');
    const holders = names ? `${names} (${role})` : `the ${role.toLowerCase()} (nobody holds that role yet: assign it in Settings › People)`;
    if (me === null) return `Choose who you are first. Only ${holders} may act on ${view.label} readiness.`;
    if (!holdsRole(view.state)) return `Only ${holders} may act on ${view.label} readiness; you are ${me.name}.`;
    return whyNot ?? '';
  };
  /** Ticking a checklist item takes no role, only a key that signs for the person. */
  return { me, mayActOn, whoMayAct, mayTick: canSign, whyNoTick: whyNot ?? '' };
}
