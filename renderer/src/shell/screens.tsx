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
import type { ComponentType } from 'react';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { MetricsPage } from '../features/metrics/MetricsPage';
import { ReadinessPage } from '../features/readiness/ReadinessPage';
import { ReleasesPage } from '../features/releases/ReleasesPage';
import { RunbooksPage } from '../features/runbooks/RunbooksPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { Screen } from './navigation-store';

export const SCREEN_DETAILS: Record<Screen, { label: string; icon: Icon; page: ComponentType }> = {
  releases: { label: 'Releases', icon: IconRocket, page: ReleasesPage },
  calendar: { label: 'Calendar', icon: IconCalendarEvent, page: CalendarPage },
  runbooks: { label: 'Runbooks', icon: IconListCheck, page: RunbooksPage },
  readiness: { label: 'Readiness', icon: IconShieldCheck, page: ReadinessPage },
  meetings: { label: 'Meetings', icon: IconUsersGroup, page: MeetingsPage },
  metrics: { label: 'Metrics', icon: IconChartLine, page: MetricsPage },
  settings: { label: 'Settings', icon: IconSettings, page: SettingsPage },
};
