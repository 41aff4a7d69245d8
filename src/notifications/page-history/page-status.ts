import type { ChannelType } from '../channels/notification-channel';
import type { NotificationState } from '../notification.entity';

/**
 * What the API says about a page. The outbox's own states, refined by what is
 * kept beside them: a pending page the rate limit handed back is `deferred`, a
 * cancelled one folded into another page's message is `bundled`, and a sent page
 * whose provider reported the outcome (Twilio's status callbacks) is
 * `delivered`, or `failed` when the carrier could not deliver it or a call went
 * unanswered.
 */
export type PageStatus = 'pending' | 'deferred' | 'sending' | 'sent' | 'delivered' | 'failed' | 'skipped' | 'cancelled' | 'bundled';
export const PAGE_STATUSES: readonly PageStatus[] = ['pending', 'deferred', 'sending', 'sent', 'delivered', 'failed', 'skipped', 'cancelled', 'bundled'];

export interface PageRecord {
  channel: ChannelType;
  state: NotificationState;
  dueAt: Date;
  deferredUntil: Date | null;
  bundledInto: string | null;
  deliveryStatus: string | null;
  error: string | null;
}

/** Twilio's final reports: MessageStatus for SMS, CallStatus for calls. */
const DELIVERED: Partial<Record<ChannelType, ReadonlySet<string>>> = {
  sms: new Set(['delivered', 'read']),
  voice: new Set(['completed']),
};
const UNDELIVERED: Partial<Record<ChannelType, ReadonlySet<string>>> = {
  sms: new Set(['undelivered', 'failed']),
  voice: new Set(['busy', 'no-answer', 'failed', 'canceled']),
};

/** The page's status and, for failed, skipped, cancelled, bundled and retried pages, why. */
export function pageStatus(p: PageRecord): { status: PageStatus; reason: string | null } {
  switch (p.state) {
    case 'pending':
      // A deferral sets due_at and deferred_until together; a later retry moves due_at on.
      return p.deferredUntil && p.deferredUntil.getTime() === p.dueAt.getTime()
        ? { status: 'deferred', reason: 'rate limit' }
        : { status: 'pending', reason: p.error };
    case 'sent': {
      const reported = p.deliveryStatus?.toLowerCase();
      if (reported && DELIVERED[p.channel]?.has(reported)) return { status: 'delivered', reason: null };
      if (reported && UNDELIVERED[p.channel]?.has(reported)) return { status: 'failed', reason: `Twilio reported ${reported}` };
      return { status: 'sent', reason: null };
    }
    case 'cancelled':
      return { status: p.bundledInto ? 'bundled' : 'cancelled', reason: p.error };
    case 'sending':
      return { status: 'sending', reason: null };
    case 'failed':
    case 'skipped':
      return { status: p.state, reason: p.error };
  }
}
