import { z } from 'zod';
import { EnvironmentBase, PersonBase, ReleaseBase, SystemBase, WorkspaceSettings } from '../../contract/entities';
import { WindowBase, StoredWindowKind } from '../../contract/calendar-entities';
import { MeetingDecisionKind } from '../../contract/meetings-entities';
import { DeploymentResult, DeploymentSource } from '../../contract/outcomes-entities';
import { ReadinessState, SignoffAction } from '../../contract/readiness-entities';
import { ExecutionAction, StepFields, StepKind } from '../../contract/runbook-entities';

/**
 * How each domain entity maps onto its table: API field name → column, how its value is encoded, and the exact
 * values it may hold. The mutation path, remote apply, the readers and the rules that check every change arriving
 * from elsewhere all go through this one map, so a new field is declared once.
 */
export type Codec = 'text' | 'nullable-text' | 'json' | 'int' | 'bool' | 'real' | 'nullable-int';

export interface FieldSpec {
  column: string;
  codec: Codec;
  /** The values this field may hold; a change whose value does not fit it exactly is held, never written. */
  value: z.ZodType;
}

/**
 * Who must sign a write of the entity (docs/sync.md, "Signed records"):
 * - `person`: the person the record names (`personId`, else the change's author), with a key enrolled for them;
 * - `admin`: a workspace admin's key (people's identity and the workspace settings);
 * - `key`: device-key records, signed by the key itself (root, request) or by an admin (enrol, revoke);
 * - `device`: the writing device itself (chain seals).
 */
export type Signer = 'person' | 'admin' | 'key' | 'device';

export interface EntityTable {
  table: string;
  fields: Record<string, FieldSpec>;
  /**
   * Append-only records (sign-offs, step executions, checklist ticks, decisions) are inserted once and never
   * updated or deleted: an audit must be able to trust that what it reads is what was said. Sync treats them as a
   * grow-only set; their id is derived from their stamp (`recordId`), so a second write cannot reuse it.
   */
  appendOnly?: true;
  signedBy?: Signer;
}

/** Free text the UI caps lower; this bound only keeps a synced value from being absurd. */
const TEXT = z.string().max(100_000);
const REF = z.string().max(200);
const REFS = z.array(REF).max(1_000);
// Never empty: no writer sends an instant that is not known, and an empty window made every device's gate fail.
const INSTANT_TEXT = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'is not an instant like 2026-12-05T22:00:00.000Z');
const BY_CODEC = {
  text: TEXT,
  'nullable-text': TEXT.nullable(),
  json: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]),
  int: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  bool: z.boolean(),
  real: z.number().finite(),
  'nullable-int': z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).nullable(),
} as const satisfies Record<Codec, z.ZodType>;

/** A field: its column, its codec, and the schema of its values, whose type is also the type readers return for it. */
function f<C extends Codec>(column: string, codec: C): { column: string; codec: C; value: (typeof BY_CODEC)[C] };
function f<C extends Codec, S extends z.ZodType>(column: string, codec: C, value: S): { column: string; codec: C; value: S };
function f(column: string, codec: Codec, value: z.ZodType = BY_CODEC[codec]): FieldSpec {
  return { column, codec, value };
}

export const ENTITY_TABLES = {
  settings: {
    table: 'settings',
    signedBy: 'admin',
    fields: {
      name: f('name', 'text', WorkspaceSettings.shape.name),
      defaultTimeZone: f('default_time_zone', 'text', WorkspaceSettings.shape.defaultTimeZone),
      // Free text on purpose: a policy a newer version adds merges here, and is read as the stricter explicit policy.
      readinessPolicy: f('readiness_policy', 'text', z.string().max(40)),
    },
  },
  person: {
    table: 'people',
    signedBy: 'admin',
    fields: { name: f('name', 'text', PersonBase.shape.name), email: f('email', 'text', PersonBase.shape.email), roles: f('roles', 'json', PersonBase.shape.roles) },
  },
  system: {
    table: 'systems',
    fields: { name: f('name', 'text', SystemBase.shape.name), description: f('description', 'text'), dependsOn: f('depends_on', 'json', REFS) },
  },
  environment: {
    table: 'environments',
    fields: {
      name: f('name', 'text', EnvironmentBase.shape.name),
      description: f('description', 'text'),
      position: f('position', 'int', EnvironmentBase.shape.position),
      requiresMaintenanceWindow: f('requires_maintenance_window', 'bool'),
      isProduction: f('is_production', 'bool'),
    },
  },
  release: {
    table: 'releases',
    fields: {
      name: f('name', 'text', ReleaseBase.shape.name),
      version: f('version', 'text', ReleaseBase.shape.version),
      systemIds: f('system_ids', 'json', REFS),
      environmentIds: f('environment_ids', 'json', REFS),
      windowStart: f('window_start', 'text', INSTANT_TEXT),
      windowEnd: f('window_end', 'text', INSTANT_TEXT),
      timeZone: f('time_zone', 'text', ReleaseBase.shape.timeZone),
      status: f('status', 'text', ReleaseBase.shape.status),
      ownerId: f('owner_id', 'nullable-text', REF.nullable()),
      description: f('description', 'text'),
    },
  },
  // Readiness.
  signoff: {
    table: 'signoffs',
    appendOnly: true,
    signedBy: 'person',
    fields: {
      releaseId: f('release_id', 'text', REF),
      state: f('state', 'text', ReadinessState),
      action: f('action', 'text', SignoffAction),
      personId: f('person_id', 'text', REF),
      comment: f('comment', 'text'),
      waivedIssues: f('waived_issues', 'json', z.array(z.string().max(500)).max(200)),
      withdrawsId: f('withdraws_id', 'nullable-text', REF.nullable()),
      deviceId: f('device_id', 'text', REF),
    },
  },
  checklistTemplate: {
    table: 'checklist_templates',
    fields: {
      name: f('name', 'text'),
      state: f('state', 'text', ReadinessState),
      items: f('items', 'json', z.array(z.object({ title: z.string().max(200), required: z.boolean() }).strict()).max(200)),
    },
  },
  checklistItem: {
    table: 'checklist_items',
    fields: {
      releaseId: f('release_id', 'text', REF),
      templateId: f('template_id', 'nullable-text', REF.nullable()),
      state: f('state', 'text', ReadinessState),
      title: f('title', 'text'),
      required: f('required', 'bool'),
      position: f('position', 'int'),
    },
  },
  checklistTick: {
    table: 'checklist_ticks',
    appendOnly: true,
    signedBy: 'person',
    fields: {
      itemId: f('item_id', 'text', REF),
      releaseId: f('release_id', 'text', REF),
      ticked: f('ticked', 'bool'),
      personId: f('person_id', 'text', REF),
      evidence: f('evidence', 'text'),
      comment: f('comment', 'text'),
      deviceId: f('device_id', 'text', REF),
    },
  },
  checklistWaiver: {
    table: 'checklist_waivers',
    appendOnly: true,
    signedBy: 'person',
    fields: {
      itemId: f('item_id', 'text', REF),
      releaseId: f('release_id', 'text', REF),
      waived: f('waived', 'bool'),
      personId: f('person_id', 'text', REF),
      reason: f('reason', 'text'),
      deviceId: f('device_id', 'text', REF),
    },
  },
  readinessPolicy: {
    table: 'readiness_policies',
    fields: { deadlineHours: f('deadline_hours', 'int', z.number().int().min(0).max(24 * 365)) },
  },
  // Calendar.
  window: {
    table: 'windows',
    fields: {
      kind: f('kind', 'text', StoredWindowKind),
      name: f('name', 'text'),
      reason: f('reason', 'text'),
      slaNote: f('sla_note', 'text'),
      start: f('start_at', 'text', INSTANT_TEXT),
      end: f('end_at', 'text', INSTANT_TEXT),
      timeZone: f('time_zone', 'text', WindowBase.shape.timeZone),
      rrule: f('rrule', 'nullable-text'),
      exceptionDates: f('exception_dates', 'json', z.array(z.string().max(40)).max(2_000)),
      environmentIds: f('environment_ids', 'json', REFS),
      systemIds: f('system_ids', 'json', REFS),
    },
  },
  releaseNeed: {
    table: 'release_needs',
    fields: { releaseId: f('release_id', 'text', REF), needsReleaseId: f('needs_release_id', 'text', REF) },
  },
  collisionAcceptance: {
    table: 'collision_acceptances',
    fields: { collisionKey: f('collision_key', 'text'), reason: f('reason', 'text') },
  },
  // Coordination meetings.
  meeting: {
    table: 'meetings',
    fields: {
      title: f('title', 'text'),
      from: f('range_from', 'text', INSTANT_TEXT),
      to: f('range_to', 'text', INSTANT_TEXT),
      timeZone: f('time_zone', 'text', WindowBase.shape.timeZone),
      heldAt: f('held_at', 'text', INSTANT_TEXT),
      notes: f('notes', 'text'),
      decisions: f('decisions', 'text'),
    },
  },
  meetingAttendee: {
    table: 'meeting_attendees',
    fields: { meetingId: f('meeting_id', 'text', REF), personId: f('person_id', 'text', REF) },
  },
  meetingDecision: {
    table: 'meeting_decisions',
    appendOnly: true,
    signedBy: 'person',
    fields: {
      meetingId: f('meeting_id', 'text', REF),
      releaseId: f('release_id', 'text', REF),
      decision: f('decision', 'text', MeetingDecisionKind),
      note: f('note', 'text'),
      personId: f('person_id', 'text', REF),
      deviceId: f('device_id', 'text', REF),
    },
  },
  meetingEnvironmentCheck: {
    table: 'meeting_environment_checks',
    fields: { meetingId: f('meeting_id', 'text', REF), environmentId: f('environment_id', 'text', REF), prepared: f('prepared', 'bool'), note: f('note', 'text') },
  },
  meetingActionItem: {
    table: 'meeting_action_items',
    fields: {
      meetingId: f('meeting_id', 'text', REF),
      releaseId: f('release_id', 'nullable-text', REF.nullable()),
      title: f('title', 'text'),
      ownerId: f('owner_id', 'text', REF),
      dueDate: f('due_date', 'text', z.string().max(40)),
    },
  },
  meetingActionCompletion: {
    table: 'meeting_action_completions',
    appendOnly: true,
    signedBy: 'person',
    fields: {
      actionItemId: f('action_item_id', 'text', REF),
      meetingId: f('meeting_id', 'text', REF),
      done: f('done', 'bool'),
      personId: f('person_id', 'text', REF),
      deviceId: f('device_id', 'text', REF),
    },
  },
  // Release outcomes.
  deployment: {
    table: 'deployments',
    fields: {
      releaseId: f('release_id', 'text', REF),
      environmentId: f('environment_id', 'text', REF),
      deployedAt: f('deployed_at', 'text', INSTANT_TEXT),
      result: f('result', 'text', DeploymentResult),
      source: f('source', 'text', DeploymentSource),
      note: f('note', 'text'),
      rework: f('rework', 'bool'),
    },
  },
  incident: {
    table: 'incidents',
    fields: {
      deploymentId: f('deployment_id', 'text', REF),
      releaseId: f('release_id', 'text', REF),
      title: f('title', 'text'),
      reference: f('reference', 'text'),
      startedAt: f('started_at', 'text', INSTANT_TEXT),
      restoredAt: f('restored_at', 'nullable-text', INSTANT_TEXT.nullable()),
    },
  },
  releaseChange: {
    table: 'release_changes',
    fields: {
      releaseId: f('release_id', 'text', REF),
      sha: f('sha', 'text'),
      subject: f('subject', 'text'),
      author: f('author', 'text'),
      committedAt: f('committed_at', 'text'),
    },
  },
  postReleaseReview: {
    table: 'post_release_reviews',
    fields: {
      releaseId: f('release_id', 'text', REF),
      wentWell: f('went_well', 'text'),
      didNotGoWell: f('did_not_go_well', 'text'),
      actionItems: f('action_items', 'json', z.array(z.object({ text: z.string().max(2000), ownerId: REF.nullable(), done: z.boolean() }).strict()).max(200)),
      closedAt: f('closed_at', 'nullable-text'),
      closedBy: f('closed_by', 'nullable-text'),
    },
  },
  // Runbooks.
  runbook: {
    table: 'runbooks',
    fields: {
      name: f('name', 'text'),
      description: f('description', 'text'),
      releaseId: f('release_id', 'nullable-text', REF.nullable()),
      templateId: f('template_id', 'nullable-text', REF.nullable()),
    },
  },
  runbookStep: {
    table: 'runbook_steps',
    fields: {
      runbookId: f('runbook_id', 'text', REF),
      position: f('position', 'real'),
      title: f('title', 'text'),
      description: f('description', 'text'),
      command: f('command', 'text'),
      ownerPersonId: f('owner_person_id', 'nullable-text', REF.nullable()),
      ownerTeam: f('owner_team', 'text'),
      kind: f('kind', 'text', StepKind),
      section: f('section', 'text'),
      durationMinutes: f('duration_minutes', 'int', StepFields.shape.durationMinutes),
      dependsOn: f('depends_on', 'json', REFS),
      fixedStartOffsetMinutes: f('fixed_start_offset', 'nullable-int', StepFields.shape.fixedStartOffsetMinutes),
      externalRef: f('external_ref', 'text'),
      approverIds: f('approver_ids', 'json'),
      criteria: f('criteria', 'text'),
      pointOfNoReturn: f('point_of_no_return', 'bool'),
    },
  },
  stepExecution: {
    table: 'step_executions',
    appendOnly: true,
    signedBy: 'person',
    fields: {
      runbookId: f('runbook_id', 'text', REF),
      releaseId: f('release_id', 'text', REF),
      stepId: f('step_id', 'text', REF),
      action: f('action', 'text', ExecutionAction),
      reason: f('reason', 'text'),
      personId: f('person_id', 'text', REF),
      at: f('at', 'text', INSTANT_TEXT),
      deviceId: f('device_id', 'text', REF),
    },
  },
  // Sync conflict resolutions: a person's answer to a conflict, synced so every device agrees.
  conflictResolution: {
    table: 'conflict_resolutions',
    appendOnly: true,
    signedBy: 'person',
    fields: {
      conflictEntity: f('conflict_entity', 'text', REF),
      conflictRowId: f('conflict_row_id', 'text', REF),
      conflictField: f('conflict_field', 'text', REF),
      conflictHlc: f('conflict_hlc', 'text', REF),
      resolution: f('resolution', 'text', z.enum(['kept', 'restored'])),
    },
  },
  // Device keys (docs/sync.md, "Signed records"): the workspace's root key, requests to enrol a device's key for a
  // person, enrolments by an admin and revocations. Every device derives who may sign what from these records.
  deviceKey: {
    table: 'device_keys',
    appendOnly: true,
    signedBy: 'key',
    fields: {
      action: f('action', 'text', z.enum(['root', 'request', 'enrol', 'revoke'])),
      keyDeviceId: f('key_device_id', 'text', REF),
      publicKey: f('public_key', 'text', z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not an Ed25519 public key')),
      personId: f('person_id', 'text', REF),
      label: f('label', 'text', z.string().max(200)),
      /** For a revocation: records the key wrote up to this place in its chain stay valid; later ones do not. */
      throughSeq: f('through_seq', 'int', z.number().int().min(0)),
      reason: f('reason', 'text', z.string().max(2000)),
    },
  },
  // Chain seals: a device signs the head of its hash-chained change log each time it publishes (docs/sync.md).
  chainSeal: {
    table: 'chain_seals',
    appendOnly: true,
    signedBy: 'device',
    fields: {
      throughSeq: f('through_seq', 'int', z.number().int().min(1)),
      throughLink: f('through_link', 'text', z.string().regex(/^[0-9a-f]{64}$/)),
    },
  },
} as const satisfies Record<string, EntityTable>;

export type EntityName = keyof typeof ENTITY_TABLES;

type FieldsOf<E extends EntityName> = (typeof ENTITY_TABLES)[E]['fields'];

/** An entity's field names (camelCase, as the API has them). */
export type FieldName<E extends EntityName> = keyof FieldsOf<E> & string;

/** A row as the readers return it: every field decoded, typed by its schema above, plus id and times. */
export type RowOf<E extends EntityName> = E extends EntityName
  ? { id: string; createdAt: string; updatedAt: string } & {
      -readonly [K in FieldName<E>]: FieldsOf<E>[K] extends { value: infer S extends z.ZodType } ? z.infer<S> : never;
    }
  : never;
export const ENTITY_NAMES = Object.keys(ENTITY_TABLES) as EntityName[];

/** The pseudo-field a delete writes: deletes are tombstones that travel through the change log like any edit. */
export const DELETED_FIELD = '_deleted';

export function isAppendOnly(entity: EntityName): boolean {
  return (ENTITY_TABLES[entity] as EntityTable).appendOnly === true;
}

export function signerOf(entity: EntityName): Signer | undefined {
  return (ENTITY_TABLES[entity] as EntityTable).signedBy;
}

export function isEntityName(name: string): name is EntityName {
  return Object.prototype.hasOwnProperty.call(ENTITY_TABLES, name);
}

export function fieldSpec(entity: EntityName, field: string): FieldSpec | undefined {
  const fields: Record<string, FieldSpec> = ENTITY_TABLES[entity].fields;
  return Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
}
export function encodeValue(codec: Codec, value: unknown): string | number | null {
  switch (codec) {
    case 'text':
      return String(value ?? '');
    case 'nullable-text':
      return value === null || value === undefined ? null : String(value);
    case 'json':
      return JSON.stringify(value ?? []);
    case 'int':
      return Number(value ?? 0);
    case 'bool':
      return value ? 1 : 0;
    case 'real':
      return Number(value ?? 0);
    case 'nullable-int':
      return value === null || value === undefined ? null : Math.trunc(Number(value));
  }
}

export function decodeValue(codec: Codec, raw: unknown): unknown {
  switch (codec) {
    case 'text':
      return raw ?? '';
    case 'nullable-text':
      return raw ?? null;
    case 'json':
      return JSON.parse(String(raw ?? '[]'));
    case 'int':
      return Number(raw ?? 0);
    case 'bool':
      return raw === 1;
    case 'real':
      return Number(raw ?? 0);
    case 'nullable-int':
      return raw === null || raw === undefined ? null : Number(raw);
  }
}
