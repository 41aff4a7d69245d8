import type { Logger } from '@nestjs/common';
import { maskAddress } from './contact-address.mask';
import type { DeliveryReport } from './notifications.repository';

/** Twilio's final statuses: SMS MessageStatus and voice CallStatus. Intermediate ones (queued, ringing...) have no line. */
const DELIVERED = new Set(['delivered', 'completed']);
const NOT_DELIVERED = new Set(['undelivered', 'failed', 'busy', 'no-answer', 'canceled']);

/** One line per page a provider reports delivered (info) or not delivered (warn: the person was not reached). */
export function logDeliveryReports(logger: Pick<Logger, 'log' | 'warn'>, reports: readonly DeliveryReport[]): void {
  for (const r of reports) {
    const fields = {
      incident: r.incidentNumber,
      incidentId: r.incidentId,
      notificationId: r.notificationId,
      userId: r.userId,
      channel: r.channel,
      to: maskAddress(r.channel, r.address),
      providerMessageId: r.providerMessageId,
      status: r.status,
    };
    if (DELIVERED.has(r.status)) logger.log(fields, 'page delivered');
    else if (NOT_DELIVERED.has(r.status)) logger.warn(fields, 'page not delivered');
  }
}
