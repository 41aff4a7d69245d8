/**
 * The NOTIFY channel workers LISTEN on. A transaction that leaves work for
 * them (a new incident to claim, a page to send) notifies it; PostgreSQL
 * delivers the notification at commit, so a worker never wakes for work it
 * cannot see yet.
 */
export const WORK_CHANNEL = 'klaxon_work';

/**
 * The payload of a notification on WORK_CHANNEL: which of a worker's loops
 * the work is for. `timers`: new incidents to claim, timers to fire; `outbox`:
 * pages, Slack message updates and handoff messages to send; `webhooks`:
 * webhook deliveries. A worker wakes that loop alone; any other payload (an
 * older version's empty one) wakes every loop.
 */
export const WORK_KINDS = ['timers', 'outbox', 'webhooks'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export function isWorkKind(payload: string): payload is WorkKind {
  return (WORK_KINDS as readonly string[]).includes(payload);
}
