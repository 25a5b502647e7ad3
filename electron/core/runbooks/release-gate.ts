import type { Release } from '../../contract/entities';
import type { GateAnswer, ReadinessView } from '../../contract/readiness-entities';
import type { HandlerContext } from '../api/handler-context';
import { loadReadiness } from '../api/handlers/readiness-records';

/**
 * The pipeline gate's answer for a release now: what a readiness gate step reads when it is reached, and what the
 * execution header shows, under the workspace's readiness policy (domain/readiness/release-gate.ts). The one place
 * runbooks read the readiness decision. Pass the readiness when it is already loaded.
 */
export function releaseGate(ctx: HandlerContext, release: Release, readiness?: ReadinessView): GateAnswer {
  return (readiness ?? loadReadiness(ctx, release, { now: new Date(ctx.store.now()).toISOString() })).gate;
}

/** What the gate says about this release, without its first line (which names the workspace's policy). */
export function gateSays(gate: GateAnswer): string[] {
  return gate.lines.slice(1);
}
