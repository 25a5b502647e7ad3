import type { DeploymentResult } from '../../../contract/outcomes-entities';
import type { DeploymentFacts } from './metric-facts';

/**
 * The change reached production and stayed there (DORA and Four Keys count these for deployment frequency and as
 * the moment a change's lead time ends). A fixed-forward deployment did reach production: it then failed and was
 * repaired by a later change, so it is also a failure.
 */
export function reachedProduction(result: DeploymentResult): boolean {
  return result === 'succeeded' || result === 'fixed-forward';
}

/**
 * Counts against the change failure rate: DORA's "deployments that cause a failure in production requiring
 * remediation (hotfix, rollback, fix forward, patch)", plus any deployment linked to an incident.
 */
export function isFailure(deployment: Pick<DeploymentFacts, 'result' | 'incidents'>): boolean {
  return deployment.result !== 'succeeded' || deployment.incidents.length > 0;
}
