/**
 * Durations as release managers write them in their spreadsheets: "90" (minutes), "1h 30m", "1 h 30 min", "2h",
 * "45m", "01:30" (hours:minutes). The core stores whole minutes; this is only the form's reading of the text.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (/^\d+$/.test(t)) return Number(t);
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(t);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const parts = /^(?:(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?$/.exec(t);
  if (parts && (parts[1] || parts[2])) return Math.round(Number(parts[1] ?? 0) * 60) + Number(parts[2] ?? 0);
  return null;
}

/** "1 h 30 min", "45 min", "2 h", "0 min"; from two days on, days and hours ("19 d 18 h"): minutes are noise there. */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const m = Math.abs(Math.round(minutes));
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  if (hours >= 48) return hours % 24 === 0 ? `${sign}${hours / 24} d` : `${sign}${Math.floor(hours / 24)} d ${hours % 24} h`;
  if (hours === 0) return `${sign}${rest} min`;
  return rest === 0 ? `${sign}${hours} h` : `${sign}${hours} h ${rest} min`;
}
