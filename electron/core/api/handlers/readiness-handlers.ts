import { randomUUID } from 'node:crypto';
import { ApiFailure, invalidInput, notFound } from '../../../contract/api-result';
import { RELEASE_STATUS_LABELS, type Person, type Release, type ReleaseStatus } from '../../../contract/entities';
import {
  READINESS_STATE_LABELS,
  READINESS_STATES,
  type ChecklistItemView,
  type ChecklistTemplate,
  type ReadinessState,
} from '../../../contract/readiness-entities';
import {
  DEFAULT_TEMPLATES,
  auditCsv,
  blockingItems,
  forbiddenMessage,
  mayActOn,
  personNames,
  releaseAuditTimeline,
  withdrawTarget,
} from '../../domain/readiness';
import { hlcInstant } from '../../changes/change';
import { loadPeople, peopleNames } from '../../people/people-queries';
import type { HandlerContext, HandlerMap } from '../handler-context';
import { getPerson } from './people-handlers';
import {
  WORKSPACE_POLICY_ID,
  loadChecklist,
  loadChecklistFacts,
  loadDecisionFacts,
  loadDeadlinePolicy,
  loadReadiness,
  loadSignoffs,
  releasePolicyId,
} from './readiness-records';
import { requireExisting, requireUnique } from './references';
import { signingPerson } from './acting-person';
import { getRelease } from './releases-handlers';
import { loadExecutionAudit } from '../../runbooks/runbook-audit';
import { releaseStatusCheck } from './release-status-checks';

/** A local write may only name a release that exists here: the field at fault is named. */
function releaseForWrite(ctx: HandlerContext, releaseId: string): Release {
  requireExisting(ctx, 'release', [releaseId], 'releaseId');
  return getRelease(ctx, releaseId);
}

const FINISHED: readonly ReleaseStatus[] = ['released', 'rolled-back', 'aborted', 'cancelled'];

function refuseFinished(release: Release): void {
  if (FINISHED.includes(release.status)) {
    throw new ApiFailure(
      'conflict',
      `${release.name} ${release.version} is ${RELEASE_STATUS_LABELS[release.status]}: its readiness can no longer change.`,
    );
  }
}

function itemForWrite(ctx: HandlerContext, itemId: string) {
  requireExisting(ctx, 'checklistItem', [itemId], 'itemId');
  const row = ctx.store.reader.get('checklistItem', itemId)!;
  return { id: row.id, releaseId: String(row.releaseId), state: row.state as ReadinessState, title: String(row.title), required: Boolean(row.required) };
}

function itemView(ctx: HandlerContext, releaseId: string, itemId: string): ChecklistItemView {
  const view = loadChecklist(ctx, releaseId, loadPeople(ctx.store)).find((i) => i.id === itemId);
  if (!view) throw notFound('Checklist item', itemId);
  return view;
}

function listTemplates(ctx: HandlerContext): ChecklistTemplate[] {
  const order = (s: string) => READINESS_STATES.indexOf(s as ReadinessState);
  return ctx.store.reader.list('checklistTemplate', [{ by: 'name', nocase: true }])
    .map(({ id, name, state, items }) => ({ id, name, state, items }))
    .sort((a, b) => order(a.state) - order(b.state));
}

/** A release, even a deleted one: the audit of a deleted release must stay readable. */
function releaseForAudit(ctx: HandlerContext, releaseId: string): { id: string; name: string; version: string } {
  const row = ctx.store.reader.get('release', releaseId);
  if (row) return { id: row.id, name: String(row.name), version: String(row.version) };
  if (!ctx.store.reader.isDeleted('release', releaseId)) throw notFound('Release', releaseId);
  const last = (field: string) => String(ctx.store.history('release', releaseId).find((c) => c.field === field)?.value ?? '');
  return { id: releaseId, name: last('name'), version: last('version') };
}

/** The audit lists every signed record, those that count nowhere too (marked, with why): forgeries stay visible. */
function auditOf(ctx: HandlerContext, releaseId: string) {
  const signoffs = loadSignoffs(ctx, releaseId, 'all');
  const { items, ticks, waivers } = loadChecklistFacts(ctx, releaseId, 'all');
  const releaseChanges = ctx.store.history('release', releaseId).map((c) => ({ ...c, at: hlcInstant(c.hlc) }));
  const decisions = loadDecisionFacts(ctx, releaseId, 'all');
  const executions = loadExecutionAudit(ctx, releaseId);
  return releaseAuditTimeline({
    signoffs,
    ticks,
    waivers,
    items: items.map((i) => ({ ...i.written, id: i.facts.id, title: i.facts.title, state: i.facts.state })),
    releaseChanges,
    decisions,
    executions,
    names: peopleNames(ctx.store),
    referenceNames: { system: namesOf(ctx, 'system'), environment: namesOf(ctx, 'environment') },
    zone: ctx.viewerZone(),
  });
}

function namesOf(ctx: HandlerContext, entity: 'system' | 'environment'): Map<string, string> {
  return new Map(ctx.store.reader.list(entity).map((row) => [row.id, String(row.name)]));
}

export const readinessHandlers = {
  'readiness.get': (ctx, { releaseId }) => loadReadiness(ctx, getRelease(ctx, releaseId)),

  'readiness.board': (ctx, { from, to }) => {
    const now = new Date().toISOString();
    const releases = ctx.store.reader.list('release', ['windowStart', { by: 'name', nocase: true }]);
    const people = loadPeople(ctx.store);
    return releases
      .filter((r) => Date.parse(r.windowStart) < Date.parse(to) && Date.parse(r.windowEnd) > Date.parse(from))
      .map((r) => {
        const view = loadReadiness(ctx, r, { now, everyone: people });
        const states = view.states.map(({ state, label, status, by, at, comment, overdue, word, note, attention }) => ({ state, label, status, by, at, comment, overdue, word, note, attention }));
        const { mismatches } = releaseStatusCheck(ctx, r, view.gate, people);
        return { release: view.release, states, gate: view.gate, deadline: view.deadline, mismatches };
      });
  },

  'readiness.signoff': (ctx, input) => {
    const release = releaseForWrite(ctx, input.releaseId);
    const person = signingPerson(ctx, input.asPersonId, 'signing off');
    if (!mayActOn(person.roles, input.state)) throw new ApiFailure('forbidden', forbiddenMessage(person.name, input.state, input.action));
    refuseFinished(release);
    let withdrawsId: string | null = null;
    if (input.action === 'withdraw') {
      const target = withdrawTarget(loadSignoffs(ctx, release.id), input.state, input.withdrawsId);
      if (!target.ok) throw invalidInput('withdrawsId', target.message);
      withdrawsId = target.record.id;
    }
    if (input.action === 'assert') {
      const blocking = blockingItems(loadChecklist(ctx, release.id, loadPeople(ctx.store)), input.state);
      if (blocking.length > 0) {
        throw new ApiFailure(
          'conflict',
          `${READINESS_STATE_LABELS[input.state]} readiness cannot be asserted while ${blocking.length} required checklist item(s) are neither ticked nor waived: ${blocking.join('; ')}.`,
        );
      }
    }
    const { releaseId, state, action, comment, waivedIssues } = input;
    ctx.store.mutate(person.id, (w) =>
      w.append('signoff', { releaseId, state, action, personId: person.id, comment, waivedIssues, withdrawsId, deviceId: ctx.store.deviceId }),
    );
    return loadReadiness(ctx, release);
  },

  'readiness.gate': (ctx, { releaseId, requireAll }) => {
    // Under another root nothing the team signed verifies, so every halt would vanish: a pipeline must not read "go".
    const rewritten = ctx.store.rootChanged;
    if (rewritten) {
      throw new ApiFailure('conflict', `The gate does not answer for this workspace: its root key is ${rewritten.found ?? 'missing'}, but this device first knew it as ${rewritten.pinned}, so the workspace file was rewritten. Check it with release-desk verify.`);
    }
    const release = getRelease(ctx, releaseId);
    const view = loadReadiness(ctx, release, { requireAll });
    const states = view.states.map(({ checklist: _checklist, empowered: _empowered, ...state }) => state);
    const all = loadSignoffs(ctx, release.id, 'all');
    const names = peopleNames(ctx.store);
    const signoffs = all.map((s) => ({
      state: s.state,
      action: s.action,
      personId: s.personId,
      by: names.name(s.personId),
      at: s.at,
      verified: s.trust?.verified ?? true,
      reason: s.trust?.reason ?? null,
    }));
    // Records that did not verify never move the decision; a pipeline log names them, so a forgery is seen.
    const ignored = signoffs.filter((s) => !s.verified);
    const notCounted = ignored.map((s) => `  Not counted: a ${s.action} of ${READINESS_STATE_LABELS[s.state]} "by" ${s.by} at ${s.at}: ${s.reason}.`);
    const lines = [...view.gate.lines, ...(notCounted.length ? [`${ignored.length} sign-off(s) did not verify and count nowhere:`, ...notCounted] : [])];
    return { ...view.gate, lines, releaseId: release.id, name: release.name, version: release.version, states, signoffs };
  },

  'readiness.setDeadline': (ctx, { releaseId, hours }) => {
    if (releaseId !== null) requireExisting(ctx, 'release', [releaseId], 'releaseId');
    const id = releaseId === null ? WORKSPACE_POLICY_ID : releasePolicyId(releaseId);
    const { reader } = ctx.store;
    ctx.store.mutate(ctx.author(), (w) => {
      if (hours === null) {
        if (reader.get('readinessPolicy', id)) w.delete('readinessPolicy', id);
      } else if (reader.get('readinessPolicy', id)) {
        w.update('readinessPolicy', id, { deadlineHours: hours });
      } else if (reader.isDeleted('readinessPolicy', id)) {
        w.restore('readinessPolicy', id);
        w.update('readinessPolicy', id, { deadlineHours: hours });
      } else {
        w.insert('readinessPolicy', id, { deadlineHours: hours });
      }
    });
    const { hours: effective, source } = loadDeadlinePolicy(ctx, releaseId);
    return { hours: effective, source };
  },

  'checklists.templates.list': (ctx) => listTemplates(ctx),

  'checklists.templates.create': (ctx, fields) => {
    requireUnique(ctx, 'checklistTemplate', 'name', fields.name);
    const id = randomUUID();
    ctx.store.mutate(ctx.author(), (w) => w.insert('checklistTemplate', id, fields));
    return listTemplates(ctx).find((t) => t.id === id)!;
  },

  'checklists.templates.seedDefaults': (ctx) => {
    const { reader } = ctx.store;
    const covered = new Set(listTemplates(ctx).map((t) => t.state));
    const missing = READINESS_STATES.map((s) => DEFAULT_TEMPLATES[s]).filter(
      (t) => !covered.has(t.state) && !reader.get('checklistTemplate', t.id) && !reader.isDeleted('checklistTemplate', t.id),
    );
    if (missing.length > 0) {
      ctx.store.mutate(ctx.author(), (w) => missing.forEach(({ id, name, state, items }) => w.insert('checklistTemplate', id, { name, state, items })));
    }
    return listTemplates(ctx);
  },

  'checklists.instantiate': (ctx, { releaseId, templateId }) => {
    const release = releaseForWrite(ctx, releaseId);
    requireExisting(ctx, 'checklistTemplate', [templateId], 'templateId');
    refuseFinished(release);
    const template = listTemplates(ctx).find((t) => t.id === templateId)!;
    const existing = ctx.store.reader.findEqual('checklistItem', 'releaseId', releaseId);
    if (existing.some((i) => i.templateId === templateId)) {
      throw new ApiFailure('conflict', `The checklist ${template.name} is already on ${release.name} ${release.version}.`);
    }
    const start = existing.filter((i) => i.state === template.state).reduce((max, i) => Math.max(max, Number(i.position) + 1), 0);
    ctx.store.mutate(ctx.author(), (w) =>
      template.items.forEach((item, index) =>
        w.insert('checklistItem', randomUUID(), { releaseId, templateId, state: template.state, title: item.title, required: item.required, position: start + index }),
      ),
    );
    return loadChecklist(ctx, releaseId, loadPeople(ctx.store));
  },

  'checklists.tick': (ctx, { itemId, ticked, evidence, comment, asPersonId }) => {
    const item = itemForWrite(ctx, itemId);
    const person = signingPerson(ctx, asPersonId, 'ticking a checklist item');
    refuseFinished(getRelease(ctx, item.releaseId));
    ctx.store.mutate(person.id, (w) =>
      w.append('checklistTick', { itemId, releaseId: item.releaseId, ticked, personId: person.id, evidence, comment, deviceId: ctx.store.deviceId }),
    );
    return itemView(ctx, item.releaseId, itemId);
  },

  'checklists.waive': (ctx, { itemId, waived, reason, asPersonId }) => {
    const item = itemForWrite(ctx, itemId);
    const person = signingPerson(ctx, asPersonId, 'waiving a checklist item');
    if (!mayActOn(person.roles, item.state)) throw new ApiFailure('forbidden', forbiddenMessage(person.name, item.state, 'waive'));
    if (!item.required) throw invalidInput('itemId', `"${item.title}" is not required, so there is nothing to waive.`);
    refuseFinished(getRelease(ctx, item.releaseId));
    ctx.store.mutate(person.id, (w) =>
      w.append('checklistWaiver', { itemId, releaseId: item.releaseId, waived, personId: person.id, reason, deviceId: ctx.store.deviceId }),
    );
    return itemView(ctx, item.releaseId, itemId);
  },

  'audit.release': (ctx, { releaseId }) => {
    releaseForAudit(ctx, releaseId);
    return auditOf(ctx, releaseId);
  },

  'audit.releaseExport': (ctx, { releaseId, format }) => {
    const release = releaseForAudit(ctx, releaseId);
    const entries = auditOf(ctx, releaseId);
    const base = `${release.name}-${release.version}-audit`.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'release-audit';
    if (format === 'csv') return { fileName: `${base}.csv`, mimeType: 'text/csv', content: auditCsv(entries) };
    const document = { release, exportedAt: new Date().toISOString(), entries };
    return { fileName: `${base}.json`, mimeType: 'application/json', content: `${JSON.stringify(document, null, 2)}\n` };
  },
} satisfies HandlerMap<
  | 'readiness.get'
  | 'readiness.board'
  | 'readiness.signoff'
  | 'readiness.gate'
  | 'readiness.setDeadline'
  | 'checklists.templates.list'
  | 'checklists.templates.create'
  | 'checklists.templates.seedDefaults'
  | 'checklists.instantiate'
  | 'checklists.tick'
  | 'checklists.waive'
  | 'audit.release'
  | 'audit.releaseExport'
>;
