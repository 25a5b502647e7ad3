import { z } from 'zod';

/**
 * Runtime schemas of the domain entities as they cross the API. The TypeScript types are inferred from them, so
 * there is one source for both (no hand-written twin of the types to drift).
 */

export const EMPOWERED_ROLES = [
  'product-owner',
  'release-coordinator',
  'security-architect',
  'operations-coordinator',
] as const;
/**
 * A workspace admin enrols people's device keys and changes people's names, emails and roles; every device checks
 * that such changes carry an admin's signature (docs/sync.md, "Threat model").
 */
export const ADMIN_ROLE = 'admin';
export const OTHER_ROLES = [ADMIN_ROLE, 'release-manager', 'engineer', 'observer'] as const;
export const PERSON_ROLES = [...EMPOWERED_ROLES, ...OTHER_ROLES] as const;
export const PersonRole = z.enum(PERSON_ROLES);
export type PersonRole = z.infer<typeof PersonRole>;

export const ROLE_LABELS: Record<PersonRole, string> = {
  'product-owner': 'Product owner',
  'release-coordinator': 'Release coordinator',
  'security-architect': 'Security architect',
  'operations-coordinator': 'Operations coordinator',
  admin: 'Workspace admin',
  'release-manager': 'Release manager',
  engineer: 'Engineer',
  observer: 'Observer',
};

/**
 * Lifecycle from BRIEF.md: planned → in readiness → go → in progress → released | rolled back | cancelled, plus
 * aborted: a no-go before the runbook's cutover point stopped the release with nothing deployed (issue 18), so
 * neither a rollback nor a failed deployment happened.
 */
export const RELEASE_STATUSES = [
  'planned',
  'in-readiness',
  'go',
  'in-progress',
  'released',
  'rolled-back',
  'aborted',
  'cancelled',
] as const;
export const ReleaseStatus = z.enum(RELEASE_STATUSES);
export type ReleaseStatus = z.infer<typeof ReleaseStatus>;

export const RELEASE_STATUS_LABELS: Record<ReleaseStatus, string> = {
  planned: 'Planned',
  'in-readiness': 'In readiness',
  go: 'Go',
  'in-progress': 'In progress',
  released: 'Released',
  'rolled-back': 'Rolled back',
  aborted: 'Aborted (nothing deployed)',
  cancelled: 'Cancelled',
};

export const Id = z.string().trim().min(1, 'is required').max(64, 'is too long');

const trimmed = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`);

/** An instant, always sent as an ISO-8601 string with an offset or Z; stored and returned in UTC ("…Z"). */
export const Instant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'must be an ISO-8601 date-time with a time zone offset, e.g. 2026-12-05T22:00:00Z',
  })
  .transform((s) => new Date(s).toISOString());

/** Building an Intl.DateTimeFormat costs ~0.2 ms; a workspace uses a handful of zones, so remember the good ones. */
const knownZones = new Set<string>();

function isIanaZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  if (zone.length === 0) return false;
  knownZones.add(zone);
  return true;
}

export const TimeZone = z
  .string()
  .refine(isIanaZone, { message: 'must be an IANA time zone such as Europe/Berlin or UTC' });

/**
 * How the readiness gate answers for every release of the workspace (seeds: "DevSecOps and Release Coordination").
 * Presumptive: every announced release goes unless an empowered role halts it; a state nobody asserted is presumed
 * ready. Explicit: a release goes only once all four states are asserted, for teams whose process demands it.
 */
export const READINESS_POLICIES = ['presumptive', 'explicit'] as const;
export const ReadinessPolicy = z.enum(READINESS_POLICIES);
export type ReadinessPolicy = z.infer<typeof ReadinessPolicy>;

export const READINESS_POLICY_LABELS: Record<ReadinessPolicy, string> = {
  presumptive: 'Presumptive release',
  explicit: 'Explicit assertion',
};

/** The rule in one sentence: the board's header and the gate's first line say it the same way. */
export const READINESS_POLICY_RULES: Record<ReadinessPolicy, string> = {
  presumptive: 'a release goes unless an empowered role halts it; a state nobody has asserted is presumed ready',
  explicit: 'a release goes only once all four readiness states are asserted',
};

export const WorkspaceSettings = z.object({
  name: trimmed('Workspace name', 120),
  defaultTimeZone: TimeZone,
  readinessPolicy: ReadinessPolicy,
});
export const WorkspaceSettingsPatch = WorkspaceSettings.partial();
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

/*
 * Each entity has a base schema with no defaults (patches are partial bases, so a patch never resets a field it
 * does not name) and a create schema that fills in defaults.
 */
const email = z
  .string()
  .trim()
  .max(200)
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: 'must be an email address like ana@example.com' });

export const PersonBase = z.object({
  name: trimmed('Name', 120),
  email,
  roles: z.array(PersonRole).max(PERSON_ROLES.length),
});
export const PersonCreate = PersonBase.extend({ email: email.default(''), roles: PersonBase.shape.roles.default([]) });
export const PersonPatch = PersonBase.partial();
export const Person = PersonBase.extend({ id: Id });
export type Person = z.infer<typeof Person>;

export const SystemBase = z.object({
  name: trimmed('Name', 120),
  description: z.string().max(4000),
  /** Systems this one depends on: a release of this system may need releases of those. */
  dependsOn: z.array(Id).max(200),
});
export const SystemCreate = SystemBase.extend({
  description: SystemBase.shape.description.default(''),
  dependsOn: SystemBase.shape.dependsOn.default([]),
});
export const SystemPatch = SystemBase.partial();
export const System = SystemBase.extend({ id: Id });
export type System = z.infer<typeof System>;

export const EnvironmentBase = z.object({
  name: trimmed('Name', 80),
  description: z.string().max(4000),
  /** Environments are ordered along the path to production (dev, test, UAT, staging, production). */
  position: z.number().int().min(0).max(10_000),
  /** When true a release here must fall inside a maintenance window (checked by the collision finder). */
  requiresMaintenanceWindow: z.boolean(),
  isProduction: z.boolean(),
});
export const EnvironmentCreate = EnvironmentBase.extend({
  description: EnvironmentBase.shape.description.default(''),
  position: EnvironmentBase.shape.position.optional(),
  requiresMaintenanceWindow: z.boolean().default(false),
  isProduction: z.boolean().default(false),
});
export const EnvironmentPatch = EnvironmentBase.partial();
export const Environment = EnvironmentBase.extend({ id: Id });
export type Environment = z.infer<typeof Environment>;

export const ReleaseBase = z.object({
  name: trimmed('Name', 160),
  version: trimmed('Version', 60),
  systemIds: z.array(Id).min(1, 'Choose at least one system.').max(200),
  environmentIds: z.array(Id).min(1, 'Choose at least one environment.').max(50),
  windowStart: Instant,
  windowEnd: Instant,
  timeZone: TimeZone,
  status: ReleaseStatus,
  ownerId: Id.nullable(),
  description: z.string().max(20_000),
});
export const ReleaseCreate = ReleaseBase.extend({
  status: ReleaseStatus.default('planned'),
  ownerId: Id.nullable().default(null),
  description: ReleaseBase.shape.description.default(''),
});
export const ReleasePatch = ReleaseBase.partial();
export const Release = ReleaseBase.extend({
  id: Id,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Release = z.infer<typeof Release>;
export type ReleaseCreateInput = z.input<typeof ReleaseCreate>;
export type ReleasePatchInput = z.input<typeof ReleasePatch>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  hlc: z.string(),
  deviceId: z.string(),
  author: z.string(),
  authorName: z.string(),
  entity: z.string(),
  rowId: z.string(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const WorkspaceInfo = z.object({
  path: z.string(),
  deviceId: z.string(),
  schemaVersion: z.number().int(),
  settings: WorkspaceSettings,
  currentPersonId: z.string().nullable(),
  counts: z.object({ releases: z.number(), people: z.number(), systems: z.number(), environments: z.number() }),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;
