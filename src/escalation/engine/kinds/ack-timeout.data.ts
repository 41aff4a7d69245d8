import { z } from 'zod';

/**
 * The service's acknowledgement timeout: armed when a person acknowledges
 * (for that acknowledgement, by its time), it puts the incident back to
 * triggered if it is still acknowledged by then; the incident module then
 * tells the engine, which restarts escalation.
 */
export const ackTimeoutTimer = z.object({
  kind: z.literal('ack-timeout'),
  data: z.object({ acknowledgedAt: z.iso.datetime() }),
});
