import type { Incident, RepeatBurst } from './incident.entity';

/**
 * A burst of repeated triggers as its timeline entry shows it. The burst is
 * counted on the incident's trigger alert (see RepeatBurst): a repeat adds to
 * that alert's occurrences and writes nothing else, so while the burst is
 * open its entry holds what its first repeat wrote, and readers render the
 * current count from the incident (liveBurstEntry). When the burst ends (a
 * change of status), the batch writes the entry's final text. No I/O.
 */
export interface BurstEntry {
  message: string;
  data: { count: number; firstAt: string; lastAt: string; source: string };
}

/** The incident's burst as its entry says it now, from the trigger alert's count and time; null when none is open. */
export function burstEntry(incident: Pick<Incident, 'repeatBurst' | 'triggerCount' | 'lastTriggerAt'>): BurstEntry | null {
  const burst: RepeatBurst | null = incident.repeatBurst;
  if (!burst) return null;
  const count = Math.max(1, (incident.triggerCount ?? burst.base + 1) - burst.base);
  const lastAt = incident.lastTriggerAt ? incident.lastTriggerAt.toISOString() : burst.firstAt;
  const data = { count, firstAt: burst.firstAt, lastAt, source: burst.source };
  return { message: repeatMessage(burst.actor.name ?? burst.source, data), data };
}

/** A timeline entry as readers show it: the open burst's entry with its current count, any other as stored. */
export function liveBurstEntry<E extends { id: string; message: string; data: Record<string, unknown> | null }>(
  entry: E,
  incident: Pick<Incident, 'repeatBurst' | 'triggerCount' | 'lastTriggerAt'>,
): E {
  if (entry.id !== incident.repeatBurst?.entryId) return entry;
  const live = burstEntry(incident);
  return live ? { ...entry, message: live.message, data: live.data } : entry;
}

/** When the incident last took an alert: the later of its row's time and its trigger alert's (a repeat writes only the latter). */
export function lastAlertTime(incident: Pick<Incident, 'lastAlertAt' | 'lastTriggerAt'>): Date {
  return later(incident.lastAlertAt, incident.lastTriggerAt);
}

/** When the incident last changed, a repeat included. */
export function lastUpdateTime(incident: Pick<Incident, 'updatedAt' | 'lastTriggerAt'>): Date {
  return later(incident.updatedAt, incident.lastTriggerAt);
}

function later(a: Date, b: Date | null | undefined): Date {
  return b && b.getTime() > a.getTime() ? b : a;
}

/** "Triggered again by Alertmanager 4,000 times between 10:02:03 and 10:17:45 UTC" (with the date when the burst spans days). */
export function repeatMessage(who: string, burst: { count: number; firstAt: string; lastAt: string }): string {
  const first = burst.firstAt.slice(0, 19).replace('T', ' ');
  const last = burst.lastAt.slice(0, 19).replace('T', ' ');
  const sameDay = first.slice(0, 10) === last.slice(0, 10);
  if (burst.count === 1) return `Triggered again by ${who} at ${first} UTC`;
  const to = sameDay ? last.slice(11) : last;
  return `Triggered again by ${who} ${burst.count.toLocaleString('en-US')} times between ${first} and ${to} UTC`;
}
