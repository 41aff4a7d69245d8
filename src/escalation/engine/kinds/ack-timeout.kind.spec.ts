import { timerPayloadSchema } from '../timer-data';
import type { TimerIncident } from '../timer-kind';
import { ackTimeoutTimer } from './ack-timeout.data';
import { isAckTimeoutNoop } from './ack-timeout.kind';

const ackedAt = new Date('2026-03-08T14:00:00.000Z');
const incident = (patch: Partial<TimerIncident> = {}): TimerIncident => ({
  id: 'incident-1',
  number: 1,
  status: 'acknowledged',
  level: 0,
  loop: 0,
  escalationEpoch: 0,
  escalationExhausted: false,
  levelReachedAt: null,
  policySnapshot: null,
  acknowledgedAt: ackedAt,
  lastAlertAt: null,
  escalationPolicyId: null,
  ackTimeoutMinutes: 30,
  autoResolveMinutes: null,
  ...patch,
});
const timer = (acknowledgedAt: string) =>
  ({ id: '1', incidentId: 'incident-1', dueAt: ackedAt, attempts: 0, kind: 'ack-timeout', data: { acknowledgedAt } }) as const;

describe('ack-timeout timer', () => {
  it('fires for the acknowledgement it was armed for', () => {
    expect(isAckTimeoutNoop(timer(ackedAt.toISOString()), incident())).toBe(false);
  });

  it('is a no-op once the incident is no longer acknowledged', () => {
    expect(isAckTimeoutNoop(timer(ackedAt.toISOString()), incident({ status: 'triggered', acknowledgedAt: null }))).toBe(true);
  });

  it('is a no-op for an earlier acknowledgement (a later one has its own timer)', () => {
    const later = new Date(ackedAt.getTime() + 60_000);
    expect(isAckTimeoutNoop(timer(ackedAt.toISOString()), incident({ acknowledgedAt: later }))).toBe(true);
  });

  it('data: the acknowledgement time as an ISO instant, nothing else', () => {
    expect(ackTimeoutTimer.parse({ kind: 'ack-timeout', data: { acknowledgedAt: ackedAt.toISOString() } })).toEqual({
      kind: 'ack-timeout',
      data: { acknowledgedAt: '2026-03-08T14:00:00.000Z' },
    });
    expect(timerPayloadSchema.safeParse({ kind: 'ack-timeout', data: {} }).success).toBe(false);
    expect(timerPayloadSchema.safeParse({ kind: 'ack-timeout', data: { acknowledgedAt: 'yesterday' } }).success).toBe(false);
  });
});
