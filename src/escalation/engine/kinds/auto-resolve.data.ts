import { z } from 'zod';

/**
 * The service's auto-resolve: one timer per incident, armed when the incident
 * opens. A repeated alert only moves `last_alert_at`; the timer re-arms
 * itself from it when it fires, so alerts cost no timer rows.
 */
export const autoResolveTimer = z.object({
  kind: z.literal('auto-resolve'),
  data: z.object({}),
});
