import { Badge, Button, Grid, Group, Loader, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatInstant } from '../../shared/dates';
import { EmptyCard } from '../../shared/EmptyCard';
import { PageHeader } from '../../shared/PageHeader';
import { MeetingDetail } from './MeetingDetail';
import { NewMeetingModal } from './NewMeetingModal';
import { useMeetingsStore } from './meetings-store';

export function MeetingsPage() {
  const { list, loaded, openId, view, loadList, open } = useMeetingsStore();
  const [creating, setCreating] = useState(false);
  useEffect(() => void loadList(), [loadList]);
  useEffect(() => {
    if (openId && list.some((m) => m.id === openId)) void open(openId);
    else if (!openId && list.length > 0) void open(list[0].id);
    // Only when the list changes: opening is what the user does by clicking.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.length]);

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New meeting
    </Button>
  );

  return (
    <>
      <PageHeader title="Meetings" description="The release coordination meeting: readiness, collisions and environments of the coming releases; decisions and action items." actions={newButton} />
      {loaded && list.length === 0 ? (
        <EmptyCard
          icon={<IconUsersGroup size={32} />}
          title="No coordination meeting yet"
          description="Create one for the coming days: its agenda lists every release with a window in that range, with its readiness and collisions."
        >
          {newButton}
        </EmptyCard>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <ScrollArea.Autosize mah="calc(100vh - 180px)">
              <Stack gap={4} data-testid="meetings-list">
                {list.map((m) => (
                  <NavLink
                    key={m.id}
                    component="button"
                    active={m.id === openId}
                    onClick={() => open(m.id)}
                    label={m.title}
                    description={
                      <>
                        <Text size="xs" c="dimmed" span>
                          {formatInstant(m.heldAt || m.from)} · {m.releaseCount} releases
                        </Text>
                        <Group gap={4} mt={2}>
                          <Badge size="xs" variant="light" radius="sm" style={{ textTransform: 'none' }}>
                            {m.decidedCount}/{m.releaseCount} decided
                          </Badge>
                          {m.openActionCount > 0 && (
                            <Badge size="xs" variant="light" color="orange" radius="sm" style={{ textTransform: 'none' }}>
                              {m.openActionCount} open actions
                            </Badge>
                          )}
                        </Group>
                      </>
                    }
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>{view ? <MeetingDetail view={view} /> : openId && <Loader size="sm" />}</Grid.Col>
        </Grid>
      )}
      <NewMeetingModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
