/**
 * How each domain entity maps onto its table: API field name → column and how its value is encoded. The mutation
 * path, remote apply and the readers all go through this one map, so a new field is declared once.
 */
export type Codec = 'text' | 'nullable-text' | 'json' | 'int' | 'bool' | 'real' | 'nullable-int';

export interface FieldSpec {
  column: string;
  codec: Codec;
}

export interface EntityTable {
  table: string;
  fields: Record<string, FieldSpec>;
  /**
   * Append-only records (sign-offs, step executions, checklist ticks, decisions) are inserted once and never
   * updated or deleted: an audit must be able to trust that what it reads is what was said. Sync treats them as a
   * grow-only set.
   */
  appendOnly?: true;
}

const f = (column: string, codec: Codec): FieldSpec => ({ column, codec });

export const ENTITY_TABLES = {
  settings: {
    table: 'settings',
    fields: { name: f('name', 'text'), defaultTimeZone: f('default_time_zone', 'text'), readinessPolicy: f('readiness_policy', 'text') },
  },
  person: {
    table: 'people',
    fields: { name: f('name', 'text'), email: f('email', 'text'), roles: f('roles', 'json') },
  },
  system: {
    table: 'systems',
    fields: { name: f('name', 'text'), description: f('description', 'text'), dependsOn: f('depends_on', 'json') },
  },
  environment: {
    table: 'environments',
    fields: {
      name: f('name', 'text'),
      description: f('description', 'text'),
      position: f('position', 'int'),
      requiresMaintenanceWindow: f('requires_maintenance_window', 'bool'),
      isProduction: f('is_production', 'bool'),
    },
  },
  release: {
    table: 'releases',
    fields: {
      name: f('name', 'text'),
      version: f('version', 'text'),
      systemIds: f('system_ids', 'json'),
      environmentIds: f('environment_ids', 'json'),
      windowStart: f('window_start', 'text'),
      windowEnd: f('window_end', 'text'),
      timeZone: f('time_zone', 'text'),
      status: f('status', 'text'),
      ownerId: f('owner_id', 'nullable-text'),
      description: f('description', 'text'),
    },
  },
  // Readiness.
  signoff: {
    table: 'signoffs',
    appendOnly: true,
    fields: {
      releaseId: f('release_id', 'text'),
      state: f('state', 'text'),
      action: f('action', 'text'),
      personId: f('person_id', 'text'),
      comment: f('comment', 'text'),
      waivedIssues: f('waived_issues', 'json'),
      withdrawsId: f('withdraws_id', 'nullable-text'),
      deviceId: f('device_id', 'text'),
    },
  },
  checklistTemplate: {
    table: 'checklist_templates',
    fields: { name: f('name', 'text'), state: f('state', 'text'), items: f('items', 'json') },
  },
  checklistItem: {
    table: 'checklist_items',
    fields: {
      releaseId: f('release_id', 'text'),
      templateId: f('template_id', 'nullable-text'),
      state: f('state', 'text'),
      title: f('title', 'text'),
      required: f('required', 'bool'),
      position: f('position', 'int'),
    },
  },
  checklistTick: {
    table: 'checklist_ticks',
    appendOnly: true,
    fields: {
      itemId: f('item_id', 'text'),
      releaseId: f('release_id', 'text'),
      ticked: f('ticked', 'bool'),
      personId: f('person_id', 'text'),
      evidence: f('evidence', 'text'),
      comment: f('comment', 'text'),
      deviceId: f('device_id', 'text'),
    },
  },
  checklistWaiver: {
    table: 'checklist_waivers',
    appendOnly: true,
    fields: {
      itemId: f('item_id', 'text'),
      releaseId: f('release_id', 'text'),
      waived: f('waived', 'bool'),
      personId: f('person_id', 'text'),
      reason: f('reason', 'text'),
      deviceId: f('device_id', 'text'),
    },
  },
  readinessPolicy: {
    table: 'readiness_policies',
    fields: { deadlineHours: f('deadline_hours', 'int') },
  },
  // Calendar.
  window: {
    table: 'windows',
    fields: {
      kind: f('kind', 'text'),
      name: f('name', 'text'),
      reason: f('reason', 'text'),
      slaNote: f('sla_note', 'text'),
      start: f('start_at', 'text'),
      end: f('end_at', 'text'),
      timeZone: f('time_zone', 'text'),
      rrule: f('rrule', 'nullable-text'),
      exceptionDates: f('exception_dates', 'json'),
      environmentIds: f('environment_ids', 'json'),
      systemIds: f('system_ids', 'json'),
    },
  },
  releaseNeed: {
    table: 'release_needs',
    fields: { releaseId: f('release_id', 'text'), needsReleaseId: f('needs_release_id', 'text') },
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
      from: f('range_from', 'text'),
      to: f('range_to', 'text'),
      timeZone: f('time_zone', 'text'),
      notes: f('notes', 'text'),
    },
  },
  meetingAttendee: {
    table: 'meeting_attendees',
    fields: { meetingId: f('meeting_id', 'text'), personId: f('person_id', 'text') },
  },
  meetingDecision: {
    table: 'meeting_decisions',
    appendOnly: true,
    fields: {
      meetingId: f('meeting_id', 'text'),
      releaseId: f('release_id', 'text'),
      decision: f('decision', 'text'),
      note: f('note', 'text'),
      personId: f('person_id', 'text'),
      deviceId: f('device_id', 'text'),
    },
  },
  meetingEnvironmentCheck: {
    table: 'meeting_environment_checks',
    fields: { meetingId: f('meeting_id', 'text'), environmentId: f('environment_id', 'text'), prepared: f('prepared', 'bool'), note: f('note', 'text') },
  },
  meetingActionItem: {
    table: 'meeting_action_items',
    fields: {
      meetingId: f('meeting_id', 'text'),
      releaseId: f('release_id', 'nullable-text'),
      title: f('title', 'text'),
      ownerId: f('owner_id', 'text'),
      dueDate: f('due_date', 'text'),
    },
  },
  meetingActionCompletion: {
    table: 'meeting_action_completions',
    appendOnly: true,
    fields: {
      actionItemId: f('action_item_id', 'text'),
      meetingId: f('meeting_id', 'text'),
      done: f('done', 'bool'),
      personId: f('person_id', 'text'),
      deviceId: f('device_id', 'text'),
    },
  },
  // Release outcomes.
  deployment: {
    table: 'deployments',
    fields: {
      releaseId: f('release_id', 'text'),
      environmentId: f('environment_id', 'text'),
      deployedAt: f('deployed_at', 'text'),
      result: f('result', 'text'),
      source: f('source', 'text'),
      note: f('note', 'text'),
      rework: f('rework', 'bool'),
    },
  },
  incident: {
    table: 'incidents',
    fields: {
      deploymentId: f('deployment_id', 'text'),
      releaseId: f('release_id', 'text'),
      title: f('title', 'text'),
      reference: f('reference', 'text'),
      startedAt: f('started_at', 'text'),
      restoredAt: f('restored_at', 'nullable-text'),
    },
  },
  releaseChange: {
    table: 'release_changes',
    fields: {
      releaseId: f('release_id', 'text'),
      sha: f('sha', 'text'),
      subject: f('subject', 'text'),
      author: f('author', 'text'),
      committedAt: f('committed_at', 'text'),
    },
  },
  postReleaseReview: {
    table: 'post_release_reviews',
    fields: {
      releaseId: f('release_id', 'text'),
      wentWell: f('went_well', 'text'),
      didNotGoWell: f('did_not_go_well', 'text'),
      actionItems: f('action_items', 'json'),
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
      releaseId: f('release_id', 'nullable-text'),
      templateId: f('template_id', 'nullable-text'),
    },
  },
  runbookStep: {
    table: 'runbook_steps',
    fields: {
      runbookId: f('runbook_id', 'text'),
      position: f('position', 'real'),
      title: f('title', 'text'),
      description: f('description', 'text'),
      command: f('command', 'text'),
      ownerPersonId: f('owner_person_id', 'nullable-text'),
      ownerTeam: f('owner_team', 'text'),
      kind: f('kind', 'text'),
      section: f('section', 'text'),
      durationMinutes: f('duration_minutes', 'int'),
      dependsOn: f('depends_on', 'json'),
      fixedStartOffsetMinutes: f('fixed_start_offset', 'nullable-int'),
      externalRef: f('external_ref', 'text'),
    },
  },
  stepExecution: {
    table: 'step_executions',
    appendOnly: true,
    fields: {
      runbookId: f('runbook_id', 'text'),
      releaseId: f('release_id', 'text'),
      stepId: f('step_id', 'text'),
      action: f('action', 'text'),
      reason: f('reason', 'text'),
      personId: f('person_id', 'text'),
      at: f('at', 'text'),
      deviceId: f('device_id', 'text'),
    },
  },
  // Sync conflict resolutions: a person's answer to a conflict, synced so every device agrees.
  conflictResolution: {
    table: 'conflict_resolutions',
    appendOnly: true,
    fields: {
      conflictEntity: f('conflict_entity', 'text'),
      conflictRowId: f('conflict_row_id', 'text'),
      conflictField: f('conflict_field', 'text'),
      conflictHlc: f('conflict_hlc', 'text'),
      resolution: f('resolution', 'text'),
    },
  },
} as const satisfies Record<string, EntityTable>;

export type EntityName = keyof typeof ENTITY_TABLES;
export const ENTITY_NAMES = Object.keys(ENTITY_TABLES) as EntityName[];

/** The pseudo-field a delete writes: deletes are tombstones that travel through the change log like any edit. */
export const DELETED_FIELD = '_deleted';

export function isAppendOnly(entity: EntityName): boolean {
  return (ENTITY_TABLES[entity] as EntityTable).appendOnly === true;
}

export function isEntityName(name: string): name is EntityName {
  return Object.prototype.hasOwnProperty.call(ENTITY_TABLES, name);
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
