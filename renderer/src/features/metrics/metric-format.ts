import type { PerformanceBand } from '../../../../electron/contract/outcomes-entities';

export const BAND_COLORS: Record<PerformanceBand, string> = { elite: 'teal', high: 'blue', medium: 'yellow', low: 'red' };
export const BAND_LABELS: Record<PerformanceBand, string> = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };

/** Hours as a person reads them: "35 min", "5.5 h", "3.2 days". */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10} %`;
}

/** For chart axes, where space is short: "35 m", "5.5 h", "3.2 d". */
export function formatHoursShort(hours: number | null): string {
  return formatHours(hours).replace(' min', ' m').replace(' days', ' d');
}
