import {
  IconCalendarEvent,
  IconChartLine,
  IconListCheck,
  IconRocket,
  IconSettings,
  IconShieldCheck,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { lazy, type ComponentType } from 'react';
import { ReleasesPage } from '../features/releases/ReleasesPage';
import type { Screen } from './navigation-store';

/**
 * Every screen but the first one loads on first visit: charts, the calendar and the runbook views are large, and the
 * releases table should not wait for them at start-up (cold open is measured in `npm run bench`).
 */
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const RunbooksPage = lazy(() => import('../features/runbooks/RunbooksPage').then((m) => ({ default: m.RunbooksPage })));
const ReadinessPage = lazy(() => import('../features/readiness/ReadinessPage').then((m) => ({ default: m.ReadinessPage })));
const MeetingsPage = lazy(() => import('../features/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const MetricsPage = lazy(() => import('../features/metrics/MetricsPage').then((m) => ({ default: m.MetricsPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

export const SCREEN_DETAILS: Record<Screen, { label: string; icon: Icon; page: ComponentType }> = {
  releases: { label: 'Releases', icon: IconRocket, page: ReleasesPage },
  calendar: { label: 'Calendar', icon: IconCalendarEvent, page: CalendarPage },
  runbooks: { label: 'Runbooks', icon: IconListCheck, page: RunbooksPage },
  readiness: { label: 'Readiness', icon: IconShieldCheck, page: ReadinessPage },
  meetings: { label: 'Meetings', icon: IconUsersGroup, page: MeetingsPage },
  metrics: { label: 'Metrics', icon: IconChartLine, page: MetricsPage },
  settings: { label: 'Settings', icon: IconSettings, page: SettingsPage },
};
