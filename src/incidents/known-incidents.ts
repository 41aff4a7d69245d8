import { LRUCache } from 'lru-cache';
import { isOpen } from './domain/incident-state';
import type { LoadedIncident } from './incident-batch-decision';
import { commandKey, type IncidentCommand, incidentKey } from './incident-commands';
import { Incident } from './incident.entity';

/** Open incidents remembered per process; an alert storm past this many keys loads the rest as before. */
const KNOWN_INCIDENTS_MAX = 10_000;
/**
 * A key whose remembered version is found moved on this many times, each
 * within `CONTENDED_MS` of the last, is not remembered until that long has
 * passed without another miss: another process writes it too. (A worker
 * moves a new incident's row on once or twice as it starts its escalation.)
 */
const CONTENDED_AFTER_MISSES = 3;
const CONTENDED_MS = 30_000;

/** An incident row's version: the `xmin` of its current row version (the id of the transaction that wrote it last). */
interface IncidentVersion {
  id: string;
  version: string;
}

/** A batch whose incidents are all known: their copies to decide on, and the versions the write must still find. */
export interface KnownBatch {
  loaded: LoadedIncident[];
  versions: IncidentVersion[];
}

interface Known {
  incident: Incident;
  version: string;
}

/**
 * The open incidents this process wrote last, with the version (`xmin`) of
 * the row it left, so that a batch of plain repeated triggers can be decided
 * without the load's round trip: the write then carries each incident's
 * version and changes nothing unless every row still has it (another process,
 * a worker's escalation step or a person changed it since: the batch is then
 * run the usual way, with the load). A wrong or stale entry can only cost
 * that extra round trip, never a wrong write. Only state the batch path
 * itself committed is remembered, never state from a caller's transaction
 * (which may change the row again before it commits).
 *
 * A repeat within an open burst writes only its alert (RepeatBurst), so it
 * leaves the row's version alone: api replicas behind a balancer that take
 * the same repeats keep their copies good. Whatever else keeps moving a row
 * on (a burst started or ended from another process, a busy worker), a key
 * whose version is found moved on again and again is not remembered for a
 * while, and its batches take the usual two round trips rather than three.
 */
export class KnownIncidents {
  private readonly byKey = new LRUCache<string, Known>({ max: KNOWN_INCIDENTS_MAX });
  /** Misses per key, each resetting the key's time to live. */
  private readonly misses: LRUCache<string, number>;

  constructor(contendedMs = CONTENDED_MS) {
    this.misses = new LRUCache<string, number>({ max: KNOWN_INCIDENTS_MAX, ttl: contendedMs });
  }

  /**
   * The batch as known incidents when every command is a trigger without a
   * group of alerts for an open incident remembered here (the only commands
   * that decide from the incident row alone and set nothing off); null
   * otherwise. The copies are the decision's to change.
   */
  forRepeats(commands: readonly IncidentCommand[]): KnownBatch | null {
    const copies = new Map<Known, LoadedIncident>();
    for (const c of commands) {
      if (c.kind !== 'event' || c.event.action !== 'trigger' || c.event.alerts) return null;
      const known = this.byKey.get(commandKey(c));
      if (!known) return null;
      if (!copies.has(known)) {
        copies.set(known, { incident: Object.assign(new Incident(), known.incident), created: false, knownAlerts: new Map() });
      }
    }
    const versions = [...copies.keys()].map((k) => ({ id: k.incident.id, version: k.version }));
    return { loaded: [...copies.values()], versions };
  }

  /** The state a committed batch left, each incident with its row's version; resolved incidents are forgotten. */
  remember(incidents: readonly { incident: Incident; version: string }[]): void {
    for (const { incident, version } of incidents) {
      const key = incidentKey(incident.serviceId, incident.dedupKey);
      const contended = (this.misses.get(key) ?? 0) >= CONTENDED_AFTER_MISSES;
      if (isOpen(incident.status) && !contended) this.byKey.set(key, { incident: Object.assign(new Incident(), incident), version });
      else this.byKey.delete(key);
    }
  }

  /** Forgets the keys of a batch whose write failed, or (`missed`) found another version: those misses are counted. */
  forgetKeys(commands: readonly IncidentCommand[], missed = false): void {
    for (const c of commands) {
      if (c.kind !== 'event') continue;
      const key = commandKey(c);
      this.byKey.delete(key);
      if (missed) this.misses.set(key, (this.misses.get(key) ?? 0) + 1);
    }
  }

  /** Forgets incidents whose row may change again before its transaction commits. */
  forget(incidents: readonly LoadedIncident[]): void {
    for (const { incident } of incidents) this.byKey.delete(incidentKey(incident.serviceId, incident.dedupKey));
  }
}
