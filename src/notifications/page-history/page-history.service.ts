import { Injectable } from '@nestjs/common';
import type { Page, PageQuery } from '../../common/pagination';
import { IncidentsService } from '../../incidents/incidents.service';
import { UsersService } from '../../users/users.service';
import type { Notification } from '../notification.entity';
import { NotificationsRepository } from '../notifications.repository';
import { maskAddress } from '../contact-address.mask';
import type { IncidentNotificationResponse } from './incident-notifications.dto';
import { pageStatus } from './page-status';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** Every page of an incident, as the API shows it. */
@Injectable()
export class PageHistoryService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly incidents: IncidentsService,
    private readonly users: UsersService,
  ) {}

  /** A 404 for an incident that does not exist; addresses masked unless `revealAddresses`. */
  async ofIncident(incidentId: string, query: PageQuery, revealAddresses: boolean): Promise<Page<IncidentNotificationResponse>> {
    await this.incidents.get(incidentId);
    const page = await this.notifications.pagesOfIncident(incidentId, query);
    const names = await this.users.names([...new Set(page.items.flatMap((n) => (n.userId ? [n.userId] : [])))]);
    return {
      items: page.items.map((n) => toResponse(n, names, revealAddresses)),
      nextCursor: page.nextCursor,
    };
  }
}

function toResponse(n: Notification, names: Map<string, string>, revealAddresses: boolean): IncidentNotificationResponse {
  const { status, reason } = pageStatus(n);
  return {
    id: n.id,
    incidentId: n.incidentId,
    user: n.userId ? { id: n.userId, name: names.get(n.userId) ?? null } : null,
    contactMethod: { id: n.contactMethodId, type: n.channel, address: revealAddresses ? n.address : maskAddress(n.channel, n.address) },
    channel: n.channel,
    state: status,
    reason,
    deferredUntil: iso(n.deferredUntil),
    bundledInto: n.bundledInto,
    bundledCount: n.bundledCount,
    level: n.level,
    loop: n.loop,
    attempts: n.attempts,
    provider: n.provider,
    providerMessageId: n.providerMessageId,
    deliveryStatus: n.deliveryStatus,
    createdAt: n.createdAt.toISOString(),
    dueAt: n.dueAt.toISOString(),
    sentAt: iso(n.sentAt),
    updatedAt: n.updatedAt.toISOString(),
  };
}
