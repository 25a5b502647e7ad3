import { Badge, Card, Group, SimpleGrid, Text, Tooltip } from '@mantine/core';
import type { MetricsSummary, PerformanceBand } from '../../../../electron/contract/outcomes-entities';
import { BAND_COLORS, BAND_LABELS, formatHours, formatRate } from './metric-format';

function BandBadge({ band, thresholds }: { band: PerformanceBand | null; thresholds: string }) {
  if (band === null) return <Badge variant="default" color="gray">No data</Badge>;
  return (
    <Tooltip label={`Performance band by ${thresholds}`}>
      <Badge color={BAND_COLORS[band]} variant="light">
        {BAND_LABELS[band]}
      </Badge>
    </Tooltip>
  );
}

function MetricCard({ title, value, detail, band, thresholds }: { title: string; value: string; detail: string; band: PerformanceBand | null; thresholds: string }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={`metric-${title}`}>
      <Text size="sm" c="dimmed" fw={500}>
        {title}
      </Text>
      <Group justify="space-between" align="center" wrap="nowrap" mt={4}>
        <Text fz={28} fw={600}>
          {value}
        </Text>
        <BandBadge band={band} thresholds={thresholds} />
      </Group>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Card>
  );
}

/** The four keys of the whole period, each with its DORA performance band. */
export function MetricCards({ summary, thresholds }: { summary: MetricsSummary; thresholds: string }) {
  const { deploymentFrequency: df, leadTime: lt, changeFailureRate: cfr, timeToRestore: ttr } = summary;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
      <MetricCard title="Deployment frequency" value={`${df.perWeek} / week`} detail={`${df.deployments} deployments reached production`} band={df.band} thresholds={thresholds} />
      <MetricCard title="Lead time for changes" value={formatHours(lt.medianHours)} detail={`median, commit to production, ${lt.changes} changes`} band={lt.band} thresholds={thresholds} />
      <MetricCard title="Change failure rate" value={formatRate(cfr.rate)} detail={`${cfr.failures} of ${cfr.deployments} production deployments failed`} band={cfr.band} thresholds={thresholds} />
      <MetricCard
        title="Time to restore service"
        value={formatHours(ttr.medianHours)}
        detail={`median of ${ttr.restored} restored incidents${ttr.open > 0 ? `; ${ttr.open} still open` : ''}`}
        band={ttr.band}
        thresholds={thresholds}
      />
    </SimpleGrid>
  );
}
