import { Anchor, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';

/** One definition: the figure in bold, then how it is counted. */
const Term = ({ name, children }: { name: string; children: React.ReactNode }) => (
  <List.Item>
    <Text span fw={600}>
      {name}
    </Text>
    {' — '}
    {children}
  </List.Item>
);

/**
 * How every figure on the Metrics screen is counted, in the app itself: a person reading the figures should not
 * need the source tree (docs/metrics.md says the same for developers).
 */
export function MetricsExplanation({ zone, thresholds }: { zone: string; thresholds: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Text size="xs" c="dimmed">
        Days in {zone}. Teams are release owners.{' '}
        <Anchor component="button" type="button" size="xs" onClick={() => setOpened(true)} data-testid="metrics-explanation-link">
          How these figures are counted
        </Anchor>
      </Text>
      <Modal opened={opened} onClose={() => setOpened(false)} title="How the figures are counted" size="xl">
        <Stack gap="md">
          <Text size="sm">
            Every figure counts what happened inside the period: whole days from the first to the last, both included, in your time zone
            ({zone}). The trend is by week (Monday to Sunday) or by calendar month, each clipped to the period.
          </Text>
          <Title order={3} fz="h5">
            DORA&apos;s four keys and rework rate
          </Title>
          <Text size="sm">
            Definitions as in DORA&apos;s reports and its Four Keys project. &ldquo;Production&rdquo; is every environment marked
            Production, or the environment chosen in the filter. Performance bands: {thresholds}.
          </Text>
          <List size="sm" spacing={6}>
            <Term name="Deployment frequency">deployments to production that succeeded (or were fixed forward), per week.</Term>
            <Term name="Lead time for changes">
              the median time from a change&apos;s commit to the first deployment of its release to production after it. Changes come
              from the release&apos;s commits (release-desk import git).
            </Term>
            <Term name="Change failure rate">
              production deployments that failed, were rolled back or fixed forward, or are linked to an incident, out of all
              production deployments.
            </Term>
            <Term name="Failed deployment recovery time">
              the median time from an incident&apos;s start to its restore, for incidents of production deployments. Incidents still
              open are counted apart.
            </Term>
            <Term name="Rework rate">production deployments recorded as rework (unplanned, fixing a user-facing defect), out of all. DORA publishes no bands for it.</Term>
          </List>
          <Title order={3} fz="h5">
            Release management
          </Title>
          <Text size="sm">
            How each release ended, and when, is read from the best record there is: its runbook&apos;s execution when one ran (the
            time of its last step), else its last production deployment, else the moment its status became Released, Rolled back or
            Aborted. Rehearsals are left out.
          </Text>
          <List size="sm" spacing={6}>
            <Term name="On time">of the releases released in the period, the share that finished inside their window (between its start and its end).</Term>
            <Term name="No-gos">no-go decisions recorded in runbooks in the period, an abort included (a no-go before the cutover point).</Term>
            <Term name="Aborts">releases that ended aborted: stopped before the cutover point, nothing deployed.</Term>
            <Term name="Rollbacks">releases that ended rolled back after a no-go.</Term>
            <Term name="Runbook time, actual against planned">
              for runbook executions that ended in the period, the median of the actual time from the first step&apos;s start to the
              last record, against the median planned time from the plan&apos;s start to its end.
            </Term>
            <Term name="Halts">halts recorded in the period by each readiness state&apos;s empowered role; only signed records that verify count.</Term>
            <Term name="Collisions accepted">collisions someone accepted, with a reason, in the period.</Term>
          </List>
          <Text size="sm" c="dimmed">
            The filters apply to both: a system keeps the releases that change it, an owner the releases they own, an environment the
            releases that book it. Deployments of deleted releases drop out with the release.
          </Text>
        </Stack>
      </Modal>
    </>
  );
}
