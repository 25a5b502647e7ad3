import dayjs from 'dayjs';
import { WindowCreate } from '../../contract/calendar-entities';
import type { MutationWriter } from '../store/mutation-writer';
import { zonedTime } from './demo-releases';
import type { SeededRandom } from './seeded-random';

interface DemoWindowContext {
  productionId: string;
  today: string;
}

/**
 * The demo's maintenance and freeze windows. Production requires a maintenance window, so without these every demo
 * release would be an "outside maintenance" collision and the calendar's list would be noise. One nightly change
 * window per region the teams work in (their releases run 18:00 to at most 07:00 local time), and a year-end freeze
 * of production, so the calendar shows the freeze collisions a real December brings.
 */
export function writeDemoWindows(w: MutationWriter, random: SeededRandom, demo: DemoWindowContext): void {
  const firstDay = dayjs(demo.today).subtract(200, 'day');
  const nightly = (name: string, zone: string, endHour: number, slaNote: string) => ({
    kind: 'maintenance' as const,
    name,
    reason: 'Customers are told changes may happen in this window; nothing else may touch production.',
    slaNote,
    start: zonedTime(firstDay, 18, zone).iso,
    end: zonedTime(firstDay.add(1, 'day'), endHour, zone).iso,
    timeZone: zone,
    rrule: 'FREQ=DAILY',
    environmentIds: [demo.productionId],
  });
  const year = dayjs(demo.today).month() === 0 && dayjs(demo.today).date() < 5 ? dayjs(demo.today).year() - 1 : dayjs(demo.today).year();
  const windows = [
    nightly('EMEA nightly change window', 'Europe/Berlin', 8, 'Up to 30 minutes of downtime; status page updated 24 h ahead.'),
    nightly('India evening change window', 'Asia/Kolkata', 7, 'Customer support on standby in Bengaluru.'),
    nightly('Americas nightly change window', 'America/New_York', 7, 'No downtime allowed during US business hours.'),
    {
      kind: 'freeze' as const,
      name: 'Year-end change freeze',
      reason: 'Peak trading and reduced staffing over the holidays',
      start: zonedTime(dayjs(`${year}-12-21`), 0, 'Europe/Berlin').iso,
      end: zonedTime(dayjs(`${year + 1}-01-04`), 0, 'Europe/Berlin').iso,
      timeZone: 'Europe/Berlin',
      environmentIds: [demo.productionId],
    },
  ];
  for (const window of windows) w.insert('window', random.uuid(), WindowCreate.parse(window));
}
