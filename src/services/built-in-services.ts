/**
 * The built-in "Direct pages" service (migration DirectPaging1796200000600):
 * incidents opened by hand for people, schedules or an escalation policy
 * belong to it. It has no escalation policy of its own (each of its incidents
 * carries the one-off policy it was opened with), it cannot be deleted, and
 * its name and policy cannot be changed; its other settings (Slack channel,
 * timers, description) are edited like any service's.
 */
export const DIRECT_PAGES_SERVICE_ID = '00000000-0000-4000-8000-0000000000d1';

export function isBuiltInService(id: string): boolean {
  return id.toLowerCase() === DIRECT_PAGES_SERVICE_ID;
}
