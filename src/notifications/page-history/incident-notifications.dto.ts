import { ApiProperty } from '@nestjs/swagger';
import { CHANNEL_TYPES, type ChannelType } from '../channels/notification-channel';
import { PAGE_STATUSES, type PageStatus } from './page-status';

export class PagedUserResponse {
  @ApiProperty({ description: 'the user paged', example: '3f0c8f0e-2d7b-4a53-9d3c-0b8f1f3b2a10' }) id: string;
  @ApiProperty({ nullable: true, type: String, description: 'the user’s name; null once the user is deleted', example: 'Ivan Petrov' })
  name: string | null;
}

export class PagedContactMethodResponse {
  @ApiProperty({ nullable: true, type: String, description: 'null once the contact method is deleted', example: '9b2d6c1e-5f4a-4e8b-8c7d-1a2b3c4d5e6f' })
  id: string | null;
  @ApiProperty({ enum: CHANNEL_TYPES, description: 'the kind of contact method', example: 'sms' }) type: ChannelType;
  @ApiProperty({
    description: 'the address paged; read-only keys see it masked (a phone number’s last four digits, an email’s first character and domain)',
    example: '+•••••••0123',
  })
  address: string;
}

export class IncidentNotificationResponse {
  @ApiProperty({ description: 'the page', format: 'uuid', example: 'c2a1e0b4-6d3f-4f7a-9a8b-2e1d0c9b8a7f' }) id: string;
  @ApiProperty({ description: 'its incident', format: 'uuid', example: 'e4b7a6c5-1d2e-4f3a-8b9c-0d1e2f3a4b5c' }) incidentId: string;
  @ApiProperty({ type: PagedUserResponse, nullable: true, description: 'null for a page to a channel rather than a person' })
  user: PagedUserResponse | null;
  @ApiProperty({ type: PagedContactMethodResponse, description: 'where the page went' }) contactMethod: PagedContactMethodResponse;
  @ApiProperty({ enum: CHANNEL_TYPES, description: 'the channel that sent it', example: 'sms' }) channel: ChannelType;
  @ApiProperty({
    enum: PAGE_STATUSES,
    example: 'deferred',
    description:
      'pending (waiting for its due time, or for a retry after a failed attempt), deferred (held back by the SMS/voice rate limit until `deferredUntil`), ' +
      'sending, sent, delivered (Twilio reported delivery, or an answered call), failed, skipped (channel not configured), ' +
      'cancelled (the incident was acknowledged or resolved first), bundled (folded into the message of page `bundledInto`)',
  })
  state: PageStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'why the page failed, was skipped, cancelled or bundled, or why the last attempt of a pending page failed',
    example: 'cancelled: incident acknowledged',
  })
  reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the last time the rate limit deferred the page to (kept once sent)', example: '2026-11-30T12:01:00.000Z' })
  deferredUntil: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'for a bundled page: the page whose message stood for it', example: null })
  bundledInto: string | null;
  @ApiProperty({ description: 'for a page that carried a bundle: how many other incidents its message stood for', example: 0 })
  bundledCount: number;
  @ApiProperty({ description: 'escalation level (0 = first) that paged', example: 0 }) level: number;
  @ApiProperty({ description: 'pass through the escalation policy (0 = first)', example: 0 }) loop: number;
  @ApiProperty({ description: 'calls to the provider so far (deferrals do not count)', example: 1 }) attempts: number;
  @ApiProperty({ nullable: true, type: String, description: 'who carried it: twilio, smtp or slack', example: 'twilio' }) provider: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the provider’s id: Twilio SID, SMTP message id, Slack ts', example: 'SM0123456789abcdef0123456789abcdef' })
  providerMessageId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the last status Twilio reported in its status callbacks, as Twilio spells it', example: 'delivered' })
  deliveryStatus: string | null;
  @ApiProperty({ description: 'when the page was planned', example: '2026-11-30T12:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'when it is (or was last) due to be sent', example: '2026-11-30T12:00:00.000Z' }) dueAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'when the provider accepted it', example: '2026-11-30T12:00:00.183Z' })
  sentAt: string | null;
  @ApiProperty({ description: 'the last change, a status callback included', example: '2026-11-30T12:00:02.000Z' }) updatedAt: string;
}

export class IncidentNotificationsPageResponse {
  @ApiProperty({ type: [IncidentNotificationResponse], description: 'newest first' }) items: IncidentNotificationResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as `cursor` for the next page; null on the last page', example: null })
  nextCursor: string | null;
}
