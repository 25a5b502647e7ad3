import { Anchor, Badge, Button, Checkbox, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { READINESS_STATE_LABELS, READINESS_STATES, type ChecklistItemView, type ReadinessState } from '../../../../electron/contract/readiness-entities';
import { formatInstant } from '../../shared/dates';

interface Props {
  items: ChecklistItemView[];
  mayWaive(state: ReadinessState): boolean;
  whoMayWaive(state: ReadinessState): string;
  /** Ticks are signed records: without a key for the "You are" person they would count nowhere. */
  mayTick: boolean;
  whyNoTick: string;
  onTick(item: ChecklistItemView): void;
  onUntick(item: ChecklistItemView): void;
  onWaive(item: ChecklistItemView): void;
  onLiftWaiver(item: ChecklistItemView): void;
  onAddDefaults(): void;
}

function ItemLine({ item, ...props }: Omit<Props, 'items' | 'onAddDefaults'> & { item: ChecklistItemView }) {
  const waiveAllowed = props.mayWaive(item.state);
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" data-testid="checklist-item">
      <Stack gap={0} style={{ minWidth: 0 }}>
        {/* A disabled input gets no pointer events: the wrapper carries the tooltip's hover. */}
        <Tooltip label={props.whyNoTick} disabled={props.mayTick} multiline maw={360} withArrow position="top-start">
          <div style={{ display: 'inline-block' }}>
            <Checkbox
              disabled={!props.mayTick}
              label={
                <Group gap={6}>
                  <span>{item.title}</span>
                  {item.required && !item.waived && (
                    <Badge size="xs" variant={item.blocking ? 'filled' : 'light'} color={item.blocking ? 'orange' : 'gray'} radius="sm" style={{ textTransform: 'none' }}>
                      {item.blocking ? 'required, blocking' : 'required'}
                    </Badge>
                  )}
                  {item.waived && (
                    <Badge size="xs" variant="light" color="violet" radius="sm" style={{ textTransform: 'none' }}>
                      waived
                    </Badge>
                  )}
                </Group>
              }
              checked={item.ticked}
              onChange={() => (item.ticked ? props.onUntick(item) : props.onTick(item))}
            />
          </div>
        </Tooltip>
        <Text size="xs" c="dimmed" pl={30}>
          {item.ticked && item.tickedBy && item.tickedAt && `Ticked by ${item.tickedBy.name}, ${formatInstant(item.tickedAt)}`}
          {item.ticked && item.evidence && (
            <>
              {' · '}
              <Anchor href={item.evidence} target="_blank" rel="noreferrer" size="xs">
                evidence
              </Anchor>
            </>
          )}
          {item.waived && item.waivedBy && ` Waived by ${item.waivedBy.name}: ${item.waiverReason}`}
        </Text>
      </Stack>
      {item.required && !item.ticked && (
        <Tooltip label={props.whoMayWaive(item.state)} disabled={waiveAllowed} multiline maw={320}>
          <span>
            <Button size="compact-xs" variant="subtle" color="violet" disabled={!waiveAllowed} onClick={() => (item.waived ? props.onLiftWaiver(item) : props.onWaive(item))}>
              {item.waived ? 'Lift waiver' : 'Waive'}
            </Button>
          </span>
        </Tooltip>
      )}
    </Group>
  );
}

/** The release's checklists, one group per readiness state; required items block that state's assertion. */
export function ChecklistSection({ items, onAddDefaults, ...props }: Props) {
  if (items.length === 0) {
    return (
      <Group justify="space-between" p="sm" style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 8 }}>
        <Text size="sm" c="dimmed">
          No checklist on this release yet. The defaults cover release notes, support training, the security scan and runbooks.
        </Text>
        <Button size="xs" variant="light" leftSection={<IconListCheck size={14} />} onClick={onAddDefaults}>
          Add default checklists
        </Button>
      </Group>
    );
  }
  const groups = READINESS_STATES.map((state) => ({ state, items: items.filter((i) => i.state === state) })).filter((g) => g.items.length > 0);
  return (
    <Stack gap="sm" data-testid="checklists">
      {groups.map((g) => (
        <Stack key={g.state} gap={6}>
          <Text size="sm" fw={600}>
            {READINESS_STATE_LABELS[g.state]}
          </Text>
          {g.items.map((item) => (
            <ItemLine key={item.id} item={item} {...props} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
