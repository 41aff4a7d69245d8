import { timerPayloadSchema } from '../timer-data';
import { autoResolveTimer } from './auto-resolve.data';
import { isAutoResolveNoop } from './auto-resolve.kind';

describe('auto-resolve timer', () => {
  it('is never a no-op on an open incident: firing resolves or re-arms it', () => {
    expect(isAutoResolveNoop()).toBe(false);
  });

  it('data: an empty object (the due time comes from last_alert_at when it fires)', () => {
    expect(autoResolveTimer.parse({ kind: 'auto-resolve', data: {} })).toEqual({ kind: 'auto-resolve', data: {} });
    expect(timerPayloadSchema.safeParse({ kind: 'auto-resolve', data: null }).success).toBe(false);
  });
});
