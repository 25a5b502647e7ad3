import type { Release } from '../../contract/entities';
import type { GateView, ReadinessView } from '../../contract/readiness-entities';
import type { HandlerContext } from '../api/handler-context';
import { loadReadiness } from '../api/handlers/readiness-records';
import { gateDecision } from '../domain/readiness';

/**
 * The pipeline gate's answer for a release now: what a readiness gate step reads when it is reached, and what the
 * execution header shows. The one place runbooks read the readiness decision, so the readiness policy (presumptive
 * or explicit, issue 13) changes this function and nothing else here. Pass the readiness when it is already loaded.
 */
export function releaseGate(ctx: HandlerContext, release: Release, readiness?: ReadinessView): Omit<GateView, 'signoffs'> {
  return gateDecision(release, (readiness ?? loadReadiness(ctx, release, new Date(ctx.store.now()).toISOString())).presumptive);
}
