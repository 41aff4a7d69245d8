import { ZoneOffsetTable, zoneOffsetTable } from './zone-offset-table';

/**
 * An instant as ISO-8601 wall time in a zone, with that zone's offset at the
 * instant: 2026-03-08T03:00:00.000-04:00. The offset is rounded to the minute,
 * as ISO-8601 offsets are written (only local mean times before ~1900 had seconds).
 */
export function localIso(instant: Date | number, zone: ZoneOffsetTable | string): string {
  const table = typeof zone === 'string' ? zoneOffsetTable(zone) : zone;
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const offsetMin = Math.round(table.offsetAt(ms) / 60_000);
  const wall = new Date(ms + offsetMin * 60_000).toISOString().slice(0, -1);
  const abs = Math.abs(offsetMin);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${wall}${offsetMin < 0 ? '-' : '+'}${hh}:${mm}`;
}
