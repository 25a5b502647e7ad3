import { z } from 'zod';
import { Id } from './entities';
import { Empty, method } from './define-method';
import {
  AuditExport,
  AuditExportInput,
  ChecklistInstantiateInput,
  ChecklistItemView,
  ChecklistTemplate,
  ChecklistTemplateCreate,
  ChecklistTickInput,
  ChecklistWaiveInput,
  DeadlineView,
  GateInput,
  GateView,
  ReadinessBoardInput,
  ReadinessBoardRow,
  ReadinessDeadlineInput,
  ReadinessView,
  ReleaseAuditEntry,
  SignoffInput,
} from './readiness-entities';

const ByRelease = z.object({ releaseId: Id }).strict();

/**
 * Readiness sign-offs, checklists and the back-trace audit (issue 5). Spread into `apiContract`.
 * Acting person: every write is made by the person chosen on this device, or by `asPersonId` when given (the CLI's
 * --as). The role check happens in the core either way.
 */
export const readinessMethods = {
  'readiness.get': method(
    ByRelease,
    ReadinessView,
    "One release: its four readiness states, the gate's answer under the workspace policy (go, halted, pending), deadline and checklist.",
  ),
  'readiness.board': method(
    ReadinessBoardInput,
    z.array(ReadinessBoardRow),
    'Releases whose window overlaps a date range, by window start, each against the four readiness states.',
  ),
  'readiness.signoff': method(
    SignoffInput,
    ReadinessView,
    'Assert, halt or withdraw one readiness state. Only a person holding its empowered role may; a halt needs a reason.',
  ),
  'readiness.gate': method(
    GateInput,
    GateView,
    'The pipeline gate under the workspace policy: may this release go (0), is it halted (3) or pending (4); requireAll demands all four assertions.',
  ),
  'readiness.setDeadline': method(
    ReadinessDeadlineInput,
    DeadlineView.pick({ hours: true, source: true }),
    'How many hours before the window start readiness is due, for one release or the workspace default.',
  ),

  'checklists.templates.list': method(Empty, z.array(ChecklistTemplate), 'Checklist templates, by state then name.'),
  'checklists.templates.create': method(ChecklistTemplateCreate, ChecklistTemplate, 'Add a checklist template for one readiness state.'),
  'checklists.templates.seedDefaults': method(
    Empty,
    z.array(ChecklistTemplate),
    'Add the default template of each readiness state that has none yet; returns every template.',
  ),
  'checklists.instantiate': method(
    ChecklistInstantiateInput,
    z.array(ChecklistItemView),
    "Copy a template's items onto a release; returns the release's whole checklist.",
  ),
  'checklists.tick': method(ChecklistTickInput, ChecklistItemView, 'Tick (or un-tick) a checklist item, with optional evidence link.'),
  'checklists.waive': method(
    ChecklistWaiveInput,
    ChecklistItemView,
    "Waive (or lift the waiver of) a required item, with a reason. Only the state's empowered role may.",
  ),

  'audit.release': method(
    ByRelease,
    z.array(ReleaseAuditEntry),
    'Back-trace audit of a release, newest first: sign-offs, waivers, ticks and changes to the release itself.',
  ),
  'audit.releaseExport': method(AuditExportInput, AuditExport, 'The back-trace audit of a release as a CSV or JSON file.'),
} as const;
