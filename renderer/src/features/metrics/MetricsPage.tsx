import '@mantine/charts/styles.css';
import { Alert, Button, Code, Group, Loader, Stack, Text } from '@mantine/core';
import { IconChartLine, IconDownload, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { EmptyCard } from '../../shared/EmptyCard';
import { notifyFailed } from '../../shared/notify';
import { PageHeader } from '../../shared/PageHeader';
import { useReleasesStore } from '../releases/releases-store';
import { BreakdownTable } from './BreakdownTable';
import { ImportCsvModal } from './ImportCsvModal';
import { BandsYearControl } from './BandsYearControl';
import { MetricCards } from './MetricCards';
import { MetricsFiltersBar } from './MetricsFiltersBar';
import { MetricsExplanation } from './MetricsExplanation';
import { ReleaseManagementCards } from './ReleaseManagementCards';
import { useMetricsStore } from './metrics-store';
import { RecordDeploymentModal } from './RecordDeploymentModal';
import { TrendCharts } from './TrendCharts';

export function MetricsPage() {
  const view = useMetricsStore((s) => s.view);
  const loading = useMetricsStore((s) => s.loading);
  const loadError = useMetricsStore((s) => s.loadError);
  const load = useMetricsStore((s) => s.load);
  const exportCsv = useMetricsStore((s) => s.exportCsv);
  const releasesLoaded = useReleasesStore((s) => s.loaded);
  const loadReleases = useReleasesStore((s) => s.load);
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    void load();
    if (!releasesLoaded) void loadReleases();
  }, [load, releasesLoaded, loadReleases]);

  const empty = view !== null && view.summary.changeFailureRate.deployments === 0 && view.summary.deploymentFrequency.deployments === 0;
  // A no-go or an abort records no deployment: the release manager's figures show even when DORA has none.
  const management = view?.releaseManagement;
  const managed = management !== undefined && (management.outcomes.length > 0 || management.noGos > 0 || management.collisionsAccepted > 0 || Object.values(management.haltsByState).some((n) => n > 0));
  return (
    <Stack gap="md">
      <PageHeader
        title="Metrics"
        description={
          view
            ? `DORA's four keys and rework rate on ${view.environments.join(', ') || 'no production environment'}, and the release manager's figures, ${view.from} to ${view.to} (your days, ${view.timeZone}).`
            : "DORA's four keys and rework rate, computed from your deployment records, and the release manager's figures."
        }
        actions={
          <>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>
              Record deployment
            </Button>
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
              Import CSV
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              disabled={!view}
              onClick={async () => {
                const result = await exportCsv();
                if (!result.ok) notifyFailed('Could not export the figures', result.error.message);
              }}
            >
              Export CSV
            </Button>
          </>
        }
      />
      <MetricsFiltersBar />
      {loadError && (
        <Alert color="red" variant="light" role="alert">
          {loadError}
        </Alert>
      )}
      {!view && loading && <Loader size="sm" />}
      {view && empty && (
        <EmptyCard
          icon={<IconChartLine size={32} />}
          title="No deployments in this period"
          description="Record one with Record deployment (or from a release's detail panel), import a CSV file, or let your pipeline record it:"
          testId="metrics-empty"
        >
          <Code block mt="xs" ta="left" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            release-desk record deployment --release NAME@VERSION --environment production --result succeeded --at 2026-12-05T23:10:00+01:00
          </Code>
          <Text size="sm" mt="xs" c="dimmed">
            Or choose a longer period above.
          </Text>
        </EmptyCard>
      )}
      {view && (!empty || managed) && (
        <Stack gap="md" style={{ opacity: loading ? 0.6 : 1 }}>
          {!empty && (
            <>
              <BandsYearControl thresholds={view.thresholds} />
              <MetricCards summary={view.summary} thresholds={view.thresholds} />
            </>
          )}
          <ReleaseManagementCards figures={view.releaseManagement} />
          {!empty && (
            <>
              <TrendCharts view={view} />
              <BreakdownTable view={view} />
            </>
          )}
          <MetricsExplanation zone={view.timeZone} thresholds={view.thresholds} />
        </Stack>
      )}
      <Group>
        <RecordDeploymentModal opened={recording} onClose={() => setRecording(false)} />
        <ImportCsvModal opened={importing} onClose={() => setImporting(false)} />
      </Group>
    </Stack>
  );
}
