import { z } from 'zod';
import { ById, method } from './define-method';
import { Id, Instant } from './entities';
import {
  Collision,
  CollisionsListInput,
  IcsImportInput,
  IcsImportPreview,
  InstantRange,
  NextFreeSlot,
  PlanningDraft,
  ReleaseNeeds,
  StoredWindowKind,
  Window,
  WindowCreate,
  WindowKind,
  WindowOccurrence,
  WindowPatch,
} from './calendar-entities';

const RequiredRange = z.object({ from: Instant, to: Instant });

/**
 * The release calendar (issue 3, docs/calendar.md). Spread into `apiContract`. Ranges are half-open [from, to) in
 * UTC instants; a window or collision is in a range when it overlaps it.
 */
export const calendarMethods = {
  'windows.list': method(
    InstantRange.extend({ kind: StoredWindowKind.optional(), environmentId: Id.optional() }).strict(),
    z.array(Window),
    'Maintenance and freeze windows (stored, not expanded), by start; with a range, those with an occurrence in it.',
  ),
  'windows.get': method(ById, Window, 'One maintenance or freeze window.'),
  'windows.create': method(WindowCreate.strict(), Window, 'Add a maintenance or freeze window, optionally recurring.'),
  'windows.update': method(z.object({ id: Id, changes: WindowPatch.strict() }).strict(), Window, 'Change a window.'),
  'windows.delete': method(ById, z.object({ id: Id }), 'Delete a window (kept in history).'),
  'windows.occurrences': method(
    RequiredRange.extend({ environmentId: Id.optional(), kinds: z.array(WindowKind).max(3).optional() }).strict(),
    z.array(WindowOccurrence),
    'What the calendar draws: release windows and every occurrence of maintenance and freeze windows in a range (at most 400 days).',
  ),

  'releaseNeeds.list': method(
    z.object({ releaseId: Id.optional() }).strict(),
    z.array(ReleaseNeeds),
    'Which releases need which others done first (one release, or all that need any).',
  ),
  'releaseNeeds.set': method(
    z.object({ releaseId: Id, needsReleaseIds: z.array(Id).max(200) }).strict(),
    ReleaseNeeds,
    'Set the releases a release needs finished before it starts; a dependency violation is a release planned before one it needs ends.',
  ),

  'collisions.list': method(
    CollisionsListInput,
    z.array(Collision),
    'Every collision overlapping a range (default: the span of all releases), by start; accepted ones are marked.',
  ),
  'collisions.preview': method(
    PlanningDraft,
    z.array(Collision),
    'The collisions a release would be in at these times, with these systems and environments ("what if", while dragging or filling in the form); writes nothing.',
  ),
  'collisions.nextFreeSlot': method(
    PlanningDraft,
    NextFreeSlot,
    'The earliest window of the same length on the same environments, from the chosen start (or now) on, with no collision; inside a maintenance window where an environment requires one. Writes nothing.',
  ),
  'collisions.accept': method(
    z.object({ key: z.string().min(1).max(1000), reason: z.string().trim().min(1, 'Reason is required').max(2000) }).strict(),
    Collision,
    'Accept a current collision with a reason (kept in the audit); it stays listed, marked accepted.',
  ),
  'collisions.unaccept': method(
    z.object({ key: z.string().min(1).max(1000) }).strict(),
    z.object({ key: z.string() }),
    'Withdraw the acceptance of a collision (kept in the audit).',
  ),

  'calendar.exportIcs': method(
    InstantRange.extend({ environmentId: Id.optional() }).strict(),
    z.object({ ics: z.string(), events: z.number().int() }),
    'The calendar (or a filtered part) as RFC 5545 iCalendar text: releases, maintenance and freeze windows.',
  ),
  'calendar.previewIcsImport': method(
    IcsImportInput,
    IcsImportPreview,
    'The windows an .ics file would create, or a clear error naming what is wrong; writes nothing.',
  ),
  'calendar.importIcs': method(
    IcsImportInput,
    z.object({ created: z.array(Window), warnings: z.array(z.string()) }),
    'Create freeze or maintenance windows from an .ics file: all of them, or none if anything is wrong.',
  ),
} as const;
