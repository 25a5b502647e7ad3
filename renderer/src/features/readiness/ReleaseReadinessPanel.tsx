import { Alert, Divider, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChecklistItemView, ReadinessStateView } from '../../../../electron/contract/readiness-entities';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { ActionDialog, type ActionDialogSpec } from './ActionDialog';
import { AuditTimeline } from './AuditTimeline';
import { ChecklistSection } from './ChecklistSection';
import { GateBadge } from './GateBadge';
import { ReadinessStateCard, type SignoffIntent } from './ReadinessStateCard';
import { useActingPerson } from './use-acting-person';
import { useReadinessStore } from './readiness-store';

/**
 * A release's readiness: the four states with Assert / Halt / Withdraw, its checklists and the back-trace audit.
 * Used in the release detail drawer (which shows the gate's answer at its top, beside the status: `withGate` false)
 * and from the readiness board.
 */
export function ReleaseReadinessPanel({ releaseId, withGate = true }: { releaseId: string; withGate?: boolean }) {
  const view = useReadinessStore((s) => s.views[releaseId]);
  const store = useReadinessStore();
  const { mayActOn, whoMayAct, mayTick, whyNoTick } = useActingPerson();
  const [dialog, setDialog] = useState<ActionDialogSpec | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    void store.loadRelease(releaseId).then((r) => setLoadError(r.ok ? null : r.error.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [releaseId]);

  if (loadError) return <Alert color="red" title="Could not load readiness">{loadError}</Alert>;
  if (!view) return <Loader size="sm" aria-label="Loading readiness" />;
  const name = `${view.release.name} ${view.release.version}`;
  const stateOf = (state: string) => view.states.find((s) => s.state === state)!;

  const openSignoff = (s: ReadinessStateView, intent: SignoffIntent) => {
    const done = (verb: string) => notifySaved(`${s.label} readiness ${verb} on ${name}.`);
    const specs: Record<SignoffIntent, ActionDialogSpec> = {
      assert: {
        title: `Assert ${s.label} readiness`,
        intro: `You state, as ${s.roleLabel.toLowerCase()}, that ${name} is ready on ${s.label.toLowerCase()} grounds. List any known issues you accept.`,
        submitLabel: 'Assert ready',
        submitColor: 'teal',
        textLabel: 'Comment',
        withWaivedIssues: true,
        onSubmit: async ({ text, waivedIssues }) => {
          const r = await store.signoff({ releaseId, state: s.state, action: 'assert', comment: text, waivedIssues });
          if (r.ok) done('asserted');
          return r;
        },
      },
      halt: {
        title: `Halt ${name} on ${s.label} readiness`,
        intro: 'A halt stops the release from going until you withdraw it. Everyone sees your name and reason on the board and in the pipeline gate.',
        submitLabel: 'Halt the release',
        submitColor: 'red',
        textLabel: 'Reason',
        textRequired: true,
        onSubmit: async ({ text }) => {
          const r = await store.signoff({ releaseId, state: s.state, action: 'halt', comment: text });
          if (r.ok) done('halted');
          return r;
        },
      },
      withdraw: {
        title: `Withdraw the ${s.status === 'halted' ? 'halt' : 'assertion'} of ${s.label} readiness`,
        intro: `${s.label} readiness goes back to not asserted (${view.gate.policy === 'presumptive' ? 'presumed ready' : 'pending'}). The earlier ${s.status === 'halted' ? 'halt' : 'assertion'} stays in the audit.`,
        submitLabel: 'Withdraw',
        textLabel: 'Comment',
        onSubmit: async ({ text }) => {
          const r = await store.signoff({ releaseId, state: s.state, action: 'withdraw', comment: text });
          if (r.ok) done('withdrawn');
          return r;
        },
      },
    };
    setDialog(specs[intent]);
  };

  const tickSpec = (item: ChecklistItemView): ActionDialogSpec => ({
    title: `Tick “${item.title}”`,
    intro: 'Your name and the time are recorded with the tick.',
    submitLabel: 'Tick',
    textLabel: 'Comment',
    withEvidence: true,
    onSubmit: ({ text, evidence }) => store.tick(releaseId, { itemId: item.id, ticked: true, comment: text, evidence }),
  });
  const waiveSpec = (item: ChecklistItemView): ActionDialogSpec => ({
    title: `Waive “${item.title}”`,
    intro: `A waived required item no longer blocks the assertion of ${stateOf(item.state).label} readiness. The waiver is kept in the audit.`,
    submitLabel: 'Waive',
    submitColor: 'violet',
    textLabel: 'Reason',
    textRequired: true,
    onSubmit: ({ text }) => store.waive(releaseId, { itemId: item.id, waived: true, reason: text }),
  });
  const direct = async (call: Promise<{ ok: boolean; error?: { message: string } }>, what: string) => {
    const r = await call;
    if (!r.ok) notifyFailed(`Could not ${what}`, r.error?.message ?? '');
  };

  return (
    <Stack gap="md" data-testid="readiness-panel">
      {withGate && <Group gap="sm" wrap="nowrap" align="flex-start">
        <div style={{ flexShrink: 0 }}>
          <GateBadge decision={view.gate.decision} />
        </div>
        <Stack gap={2}>
          <Text size="sm" data-testid="gate-summary">
            {view.gate.summary}
          </Text>
          <Text size="xs" c="dimmed" data-testid="gate-policy">
            {view.gate.lines[0]}
          </Text>
        </Stack>
      </Group>}
      {view.deadline.passed && view.deadline.overdueStates.length > 0 && (
        <Text size="xs" c="orange">
          The readiness deadline ({view.deadline.hours} h before the window) has passed.
        </Text>
      )}
      <Stack gap="xs">
        {view.states.map((s) => (
          <ReadinessStateCard
            key={s.state}
            view={s}
            policy={view.gate.policy}
            mayAct={mayActOn(s.state)}
            whoMayAct={whoMayAct(s)}
            onAction={(intent) => openSignoff(s, intent)}
          />
        ))}
      </Stack>
      <Divider label="Checklists" labelPosition="left" />
      <ChecklistSection
        items={view.checklist}
        mayWaive={mayActOn}
        whoMayWaive={(state) => whoMayAct(stateOf(state))}
        mayTick={mayTick}
        whyNoTick={whyNoTick}
        onTick={(item) => setDialog(tickSpec(item))}
        onUntick={(item) => direct(store.tick(releaseId, { itemId: item.id, ticked: false }), 'un-tick the item')}
        onWaive={(item) => setDialog(waiveSpec(item))}
        onLiftWaiver={(item) => direct(store.waive(releaseId, { itemId: item.id, waived: false }), 'lift the waiver')}
        onAddDefaults={() => direct(store.addDefaultChecklists(releaseId), 'add the default checklists')}
      />
      <Divider label="Back-trace audit" labelPosition="left" />
      <AuditTimeline releaseId={releaseId} />
      <ActionDialog spec={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}
