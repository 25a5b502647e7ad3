import type { DeploymentResult } from '../../../contract/outcomes-entities';

/** The plain data the metrics are computed from; the handlers read it out of the store. */
export interface IncidentFacts {
  startedAt: string;
  /** null while the incident is still open. */
  restoredAt: string | null;
}

export interface DeploymentFacts {
  id: string;
  releaseId: string;
  environmentId: string;
  deployedAt: string;
  result: DeploymentResult;
  /** Unplanned, made to fix a user-facing defect (DORA 2024's rework). */
  rework: boolean;
  incidents: readonly IncidentFacts[];
}

export interface ChangeFacts {
  releaseId: string;
  committedAt: string;
}

export interface ReleaseFacts {
  id: string;
  systemIds: readonly string[];
  ownerId: string | null;
}

export interface Named {
  id: string;
  name: string;
}

export interface MetricsFacts {
  deployments: readonly DeploymentFacts[];
  changes: readonly ChangeFacts[];
  releases: readonly ReleaseFacts[];
  environments: ReadonlyArray<Named & { isProduction: boolean }>;
  systems: readonly Named[];
  people: readonly Named[];
}

/** Which deployments a figure is about: environments counted as production, and optionally one system or team. */
export interface MetricsScope {
  environmentIds: readonly string[];
  systemId?: string;
  ownerId?: string;
}

/** A half-open range of instants [fromMs, toMs). */
export interface Period {
  fromMs: number;
  toMs: number;
}
