import { z } from 'zod';

/**
 * The end of a maintenance window (docs/maintenance.md): no incident. Armed
 * for the window's end whenever a window is created, its end moved, or it is
 * ended early; `sweep` marks the second pass a little after the end, which
 * releases an incident whose opening committed just after the first pass.
 */
export const maintenanceEndTimer = z.object({
  kind: z.literal('maintenance-end'),
  data: z.object({
    windowId: z.string().uuid(),
    sweep: z.boolean().optional(),
  }),
});
