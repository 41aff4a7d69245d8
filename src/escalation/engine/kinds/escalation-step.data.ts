import { z } from 'zod';

/** The step a `step-due` timer was armed for (the planner's StepRef). */
const stepRef = z.object({ epoch: z.number().int(), loop: z.number().int(), level: z.number().int() });

/**
 * An escalation step: the input the pure planner gets when it fires. `start`
 * when the incident opens; `step-due` when a level's delay is over, with the
 * step it was armed for; `ack-timeout` when the incident went back to
 * triggered; `manual-escalate` when a person asked for the next level now.
 */
export const escalationStepTimer = z.object({
  kind: z.literal('escalation'),
  data: z.discriminatedUnion('input', [
    z.object({ input: z.literal('start') }),
    z.object({ input: z.literal('step-due'), step: stepRef.optional() }),
    z.object({ input: z.literal('ack-timeout') }),
    z.object({ input: z.literal('manual-escalate') }),
  ]),
});
