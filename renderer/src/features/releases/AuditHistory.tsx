import { Alert, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { formatInstant, fromNow } from '../../shared/dates';
import { useNameLookups } from '../workspace/use-name-lookups';
import { groupAuditEntries } from './audit-format';
import { useReleasesStore } from './releases-store';

/** Who changed what on a release and when, newest first: the back-trace after an incident. */
export function AuditHistory({ releaseId }: { releaseId: string }) {
  const entries = useReleasesStore((s) => s.history[releaseId]);
  const error = useReleasesStore((s) => s.historyError);
  const loadHistory = useReleasesStore((s) => s.loadHistory);
  const names = useNameLookups();
  const events = useMemo(() => (entries ? groupAuditEntries(entries, names) : []), [entries, names]);

  useEffect(() => {
    void loadHistory(releaseId);
  }, [releaseId, loadHistory]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!entries) return <Loader size="sm" aria-label="Loading history" />;

  return (
    <Timeline bulletSize={22} lineWidth={2} data-testid="release-history" active={-1}>
      {events.map((event, index) => {
        const created = index === events.length - 1 && event.changes.every((c) => c.isInitial);
        // A delete or its undo is one event of its own: say it as a verb, not as a field changing.
        const tombstone = event.changes.length === 1 && event.changes[0].field === '_deleted' ? event.changes[0] : null;
        const verb = created ? 'planned this release' : tombstone ? (tombstone.to === 'yes' ? 'deleted this release' : 'restored this release') : 'changed';
        return (
          <Timeline.Item
            key={event.key}
            bullet={<IconHistory size={12} />}
            title={
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={600}>
                  {event.authorName}
                </Text>
                <Text size="sm" c="dimmed">
                  {verb}
                </Text>
              </Group>
            }
          >
            <Text size="xs" c="dimmed" title={formatInstant(event.at)}>
              {fromNow(event.at)} · {formatInstant(event.at)}
            </Text>
            {!created && !tombstone && (
              <Stack gap={2} mt={4}>
                {event.changes.map((change) => (
                  <Text size="sm" key={change.field} data-testid="history-change">
                    <Text span fw={500}>
                      {change.label}
                    </Text>
                    {': '}
                    {change.isInitial ? (
                      <>set to {change.to}</>
                    ) : (
                      <>
                        <Text span c="dimmed">
                          {change.from}
                        </Text>
                        {' → '}
                        {change.to}
                      </>
                    )}
                  </Text>
                ))}
              </Stack>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
