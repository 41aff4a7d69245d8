import { timerPayloadSchema } from './timer-data';

describe('timer data: one discriminated union on kind', () => {
  it('reads every kind as the engine writes it', () => {
    const rows = [
      { kind: 'escalation', data: { input: 'start' } },
      { kind: 'escalation', data: { input: 'step-due', step: { epoch: 1, loop: 0, level: 2 } } },
      { kind: 'escalation', data: { input: 'step-due' } },
      { kind: 'escalation', data: { input: 'ack-timeout' } },
      { kind: 'escalation', data: { input: 'manual-escalate' } },
      { kind: 'ack-timeout', data: { acknowledgedAt: '2026-03-08T14:00:00.000Z' } },
      { kind: 'auto-resolve', data: {} },
      { kind: 'cleanup', data: {} },
      { kind: 'cleanup', data: { runStartedAt: '2026-03-08T14:00:00.000Z', deleted: { incidents: 500, audit_log: 3 } } },
    ];
    for (const row of rows) expect(timerPayloadSchema.parse(row)).toEqual(row);
  });

  it("refuses an unknown kind, and one kind's data under another kind", () => {
    expect(timerPayloadSchema.safeParse({ kind: 'heartbeat', data: {} }).success).toBe(false);
    expect(timerPayloadSchema.safeParse({ kind: 'escalation', data: { acknowledgedAt: '2026-03-08T14:00:00.000Z' } }).success).toBe(false);
    expect(timerPayloadSchema.safeParse({ kind: 'escalation', data: {} }).success).toBe(false);
    expect(timerPayloadSchema.safeParse({ kind: 'cleanup', data: { deleted: { incidents: -1 } } }).success).toBe(false);
  });
});
