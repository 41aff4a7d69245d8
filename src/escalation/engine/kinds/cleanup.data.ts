import { z } from 'zod';

/**
 * The retention cleanup: one timer across every worker (a unique index), with
 * no incident. A run that leaves work re-arms it at once with what it has
 * deleted so far, so the run's totals and start time travel with the row and
 * its one log line can report the whole run.
 */
export const cleanupTimer = z.object({
  kind: z.literal('cleanup'),
  data: z.object({
    runStartedAt: z.string().datetime().optional(),
    deleted: z.record(z.string(), z.number().int().min(0)).optional(),
  }),
});
