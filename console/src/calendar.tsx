import { dayKey, formatClock } from './format';

const QUARTER_MS = 15 * 60_000;

export interface CalendarShift {
  userId: string | null;
  start: Date;
  end: Date;
}

/** The local days of [from, until) in `zone`, each with the shift pieces that fall in it. */
export function Calendar({
  shifts,
  from,
  until,
  zone,
  name,
  view,
}: {
  shifts: CalendarShift[];
  from: Date;
  until: Date;
  zone: string;
  name: (userId: string | null) => string;
  view: 'week' | 'month';
}) {
  const columns: Array<{ key: string; label: string; pieces: Array<{ text: string; gap: boolean }> }> = [];
  const seen = new Map<string, (typeof columns)[number]>();
  // Step by 6 hours so that a 23- or 25-hour day (DST) is never skipped; keys merge the steps.
  for (let t = from.getTime(); t < until.getTime(); t += 6 * 3_600_000) {
    const d = new Date(t);
    const key = dayKey(d, zone);
    if (seen.has(key)) continue;
    const column = {
      key,
      label: new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone }).format(d),
      pieces: [] as Array<{ text: string; gap: boolean }>,
    };
    seen.set(key, column);
    columns.push(column);
  }
  for (const s of shifts) {
    for (let t = s.start.getTime(); t < s.end.getTime(); ) {
      const key = dayKey(new Date(t), zone);
      const column = seen.get(key);
      // The end of this piece: the shift's end or the next local midnight, found in quarter-hour steps
      // (every zone's midnight falls on a quarter hour of UTC).
      let end = t;
      do end = Math.min((Math.floor(end / QUARTER_MS) + 1) * QUARTER_MS, s.end.getTime());
      while (end < s.end.getTime() && dayKey(new Date(end), zone) === key);
      if (column) {
        const to = end >= s.end.getTime() ? formatClock(s.end, zone) : '24:00';
        column.pieces.push({ text: `${formatClock(new Date(t), zone)}–${to} ${name(s.userId)}`, gap: s.userId === null });
      }
      t = end;
    }
  }
  return (
    <div className={`calendar ${view}`} aria-label={`${view === 'week' ? 'Week' : 'Month'} calendar`} role="list">
      {columns.map((c) => (
        <div key={c.key} className="day" role="listitem">
          <h3>{c.label}</h3>
          <ul>
            {c.pieces.map((p, k) => (
              <li key={k} className={p.gap ? 'gap' : undefined}>
                {p.text}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
