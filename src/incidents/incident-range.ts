import { ValidationError } from '../common/errors';
import type { IncidentRangeQuery } from './incident-reports.dto';

const DAY_MS = 86_400_000;
/** The range a query gets when it names no `since`. */
export const DEFAULT_RANGE_DAYS = 30;

/** [since, until) from the query: `until` defaults to now, `since` to DEFAULT_RANGE_DAYS before it; at most `maxDays` long when given. */
export function incidentRange(q: IncidentRangeQuery, now: Date, maxDays?: number): { since: Date; until: Date } {
  const until = q.until ? new Date(q.until) : now;
  const since = q.since ? new Date(q.since) : new Date(until.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (since >= until) throw ValidationError.field('since', 'must be before until');
  if (maxDays !== undefined && until.getTime() - since.getTime() > maxDays * DAY_MS) {
    throw ValidationError.field('since', `must be at most ${maxDays} days before until`);
  }
  return { since, until };
}
