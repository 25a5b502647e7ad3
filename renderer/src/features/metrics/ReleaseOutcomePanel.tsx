import { Badge, Button, Checkbox, Divider, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { DEPLOYMENT_RESULT_LABELS, type DeploymentResult, type PostReleaseReview } from '../../../../electron/contract/outcomes-entities';
import { formatInstant } from '../../shared/dates';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { notifyWithUndo } from '../../shared/undo-notification';
import { useNameLookups } from '../workspace/use-name-lookups';
import { useMetricsStore } from './metrics-store';
import { RecordDeploymentModal } from './RecordDeploymentModal';

const RESULT_COLORS: Record<DeploymentResult, string> = { succeeded: 'teal', failed: 'red', 'rolled-back': 'orange', 'fixed-forward': 'yellow' };

/** In the release drawer: where and how the release was deployed, its incidents and changes, and its post-release review. */
export function ReleaseOutcomePanel({ releaseId }: { releaseId: string }) {
  const outcome = useMetricsStore((s) => s.outcomes[releaseId]);
  const loadOutcome = useMetricsStore((s) => s.loadOutcome);
  const removeDeployment = useMetricsStore((s) => s.removeDeployment);
  const restoreDeployment = useMetricsStore((s) => s.restoreDeployment);
  const restoreIncident = useMetricsStore((s) => s.restoreIncident);
  const names = useNameLookups();
  const [recording, setRecording] = useState(false);
  useEffect(() => void loadOutcome(releaseId), [releaseId, loadOutcome]);
  if (!outcome) return null;

  return (
    <Stack gap="sm" data-testid="release-outcome">
      <Divider label="Deployments" labelPosition="left" />
      {outcome.deployments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No deployment recorded yet. Record one when the release reaches an environment; pipelines can use release-desk record deployment.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} withRowBorders>
          <Table.Tbody>
            {outcome.deployments.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{names.environments.get(d.environmentId) ?? '?'}</Table.Td>
                <Table.Td>{formatInstant(d.deployedAt)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={RESULT_COLORS[d.result]}>
                    {DEPLOYMENT_RESULT_LABELS[d.result]}
                  </Badge>
                  {d.rework && (
                    <Badge size="sm" variant="outline" color="grape" ml={6} title="Not planned: made to fix a user-facing defect">
                      Rework
                    </Badge>
                  )}
                  {d.incidents.map((i) => (
                    <Group key={i.id} gap={6} mt={4} wrap="nowrap">
                      <Text size="xs" c={i.restoredAt ? 'dimmed' : 'red'}>
                        {i.title}: {i.restoredAt ? `restored after ${Math.round((Date.parse(i.restoredAt) - Date.parse(i.startedAt)) / 60_000)} min` : 'still open'}
                      </Text>
                      {!i.restoredAt && (
                        <Button size="compact-xs" variant="subtle" onClick={() => void restoreIncident(i.id, releaseId, new Date().toISOString())}>
                          Restored now
                        </Button>
                      )}
                    </Group>
                  ))}
                </Table.Td>
                <Table.Td w={60}>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={async () => {
                      const result = await removeDeployment(d.id, releaseId);
                      if (!result.ok) return notifyFailed('Could not delete the deployment', result.error.message);
                      notifyWithUndo('Deployment deleted', 'It no longer counts in the metrics; its history is kept.', async () => {
                        const back = await restoreDeployment(d.id, releaseId);
                        if (!back.ok) notifyFailed('Could not bring the deployment back', back.error.message);
                      });
                    }}
                  >
                    Delete
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {outcome.changes.length === 0 ? 'No changes imported (release-desk import git).' : `Carries ${outcome.changes.length} changes, oldest committed ${formatInstant(outcome.changes[0].committedAt)}.`}
        </Text>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRecording(true)}>
          Record deployment
        </Button>
      </Group>
      <RecordDeploymentModal opened={recording} onClose={() => setRecording(false)} releaseId={releaseId} />
      <Divider label="Post-release review" labelPosition="left" />
      <ReviewForm key={`${releaseId}:${outcome.review.closed}`} review={outcome.review} />
    </Stack>
  );
}

function ReviewForm({ review }: { review: PostReleaseReview }) {
  const saveReview = useMetricsStore((s) => s.saveReview);
  const closeReview = useMetricsStore((s) => s.closeReview);
  const [wentWell, setWentWell] = useState(review.wentWell);
  const [didNotGoWell, setDidNotGoWell] = useState(review.didNotGoWell);
  const [items, setItems] = useState(review.actionItems.map((i) => i.text).join('\n'));
  const [done, setDone] = useState(new Set(review.actionItems.filter((i) => i.done).map((i) => i.text)));
  const [error, setError] = useState<string | null>(null);
  const lines = items.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const owners = new Map(review.actionItems.map((i) => [i.text, i.ownerId]));
  const readOnly = review.closed;

  const save = async () => {
    const actionItems = lines.map((text) => ({ text, ownerId: owners.get(text) ?? null, done: done.has(text) }));
    const result = await saveReview({ releaseId: review.releaseId, wentWell, didNotGoWell, actionItems });
    setError(result.ok ? null : result.error.message);
    if (result.ok) notifySaved('Post-release review saved.');
    return result.ok;
  };

  return (
    <Stack gap="xs" data-testid="post-release-review">
      {readOnly && (
        <Text size="sm" c="dimmed">
          <IconLock size={14} /> Closed by {review.closedBy?.name} on {review.closedAt && formatInstant(review.closedAt)}.
        </Text>
      )}
      <Textarea label="What went well" autosize minRows={2} readOnly={readOnly} value={wentWell} onChange={(e) => setWentWell(e.currentTarget.value)} />
      <Textarea label="What did not go well" autosize minRows={2} readOnly={readOnly} value={didNotGoWell} onChange={(e) => setDidNotGoWell(e.currentTarget.value)} />
      <Textarea label="Action items" description="One per line" autosize minRows={2} readOnly={readOnly} value={items} onChange={(e) => setItems(e.currentTarget.value)} />
      {lines.length > 0 && (
        <Stack gap={2}>
          {lines.map((line) => (
            <Checkbox
              key={line}
              size="xs"
              label={line}
              disabled={readOnly}
              checked={done.has(line)}
              onChange={(e) => setDone((s) => (e.currentTarget.checked ? new Set([...s, line]) : new Set([...s].filter((t) => t !== line))))}
            />
          ))}
        </Stack>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {!readOnly && (
        <Group gap="xs">
          <Button size="xs" onClick={() => void save()}>
            Save review
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconLock size={14} />}
            onClick={async () => {
              if (!(await save())) return;
              const result = await closeReview(review.releaseId);
              setError(result.ok ? null : result.error.message);
            }}
          >
            Close review
          </Button>
          <Text size="xs" c="dimmed">
            Only a release coordinator may close it.
          </Text>
        </Group>
      )}
    </Stack>
  );
}
