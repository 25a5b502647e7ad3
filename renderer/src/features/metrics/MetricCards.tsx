import { Badge, Card, Group, SimpleGrid, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
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

interface CardProps {
  title: string;
  value: string;
  detail: string;
  /** undefined: a figure DORA publishes no bands for. */
  band?: PerformanceBand | null;
  thresholds: string;
}

/** One figure of the Metrics screen: a title (with a badge beside it, if any), the value large, what it counts. */
export function FigureCard({ title, value, detail, badge, testId }: { title: string; value: string; detail: string; badge?: ReactNode; testId: string }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text size="sm" c="dimmed" fw={500}>
          {title}
        </Text>
        {/* The title wraps; the badge keeps its whole word. */}
        {badge && <div style={{ flexShrink: 0 }}>{badge}</div>}
      </Group>
      <Text fz={28} fw={600} mt={4} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Card>
  );
}

function MetricCard({ title, value, detail, band, thresholds }: CardProps) {
  const badge =
    band === undefined ? (
      <Tooltip label="DORA publishes no performance bands for rework rate" multiline maw={260}>
        <Badge variant="outline" color="gray">
          No bands
        </Badge>
      </Tooltip>
    ) : (
      <BandBadge band={band} thresholds={thresholds} />
    );
  return <FigureCard title={title} value={value} detail={detail} badge={badge} testId={`metric-${title}`} />;
}

/** The four keys of the whole period, each with its DORA performance band, and the rework rate (no bands). */
export function MetricCards({ summary, thresholds }: { summary: MetricsSummary; thresholds: string }) {
  const { deploymentFrequency: df, leadTime: lt, changeFailureRate: cfr, failedDeploymentRecoveryTime: fdrt, reworkRate: rr } = summary;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md">
      <MetricCard title="Deployment frequency" value={`${df.perWeek} / week`} detail={`${df.deployments} deployments reached production`} band={df.band} thresholds={thresholds} />
      <MetricCard title="Lead time for changes" value={formatHours(lt.medianHours)} detail={`median, commit to production, ${lt.changes} changes`} band={lt.band} thresholds={thresholds} />
      <MetricCard title="Change failure rate" value={formatRate(cfr.rate)} detail={`${cfr.failures} of ${cfr.deployments} production deployments failed`} band={cfr.band} thresholds={thresholds} />
      <MetricCard
        title="Failed deployment recovery time"
        value={formatHours(fdrt.medianHours)}
        detail={`median of ${fdrt.restored} restored incidents${fdrt.open > 0 ? `; ${fdrt.open} still open` : ''}`}
        band={fdrt.band}
        thresholds={thresholds}
      />
      <MetricCard
        title="Rework rate"
        value={formatRate(rr.rate)}
        detail={`${rr.rework} of ${rr.deployments} production deployments were unplanned fixes of a user-facing defect`}
        thresholds={thresholds}
      />
    </SimpleGrid>
  );
}
