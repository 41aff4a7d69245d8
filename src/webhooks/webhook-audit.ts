import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { maskCredentialUrl } from '../common/credential-redaction';
import type { WebhookRow } from './webhooks.repository';

/** What Klaxon itself does to a webhook, in the audit log beside the changes people make. */
@Injectable()
export class WebhookAudit {
  constructor(private readonly audit: AuditService) {}

  /** A webhook disabled after 24 hours of failed deliveries; its URL masked like every other. */
  async disabled(w: WebhookRow): Promise<void> {
    await this.audit.record({
      principalId: 'system',
      principalName: 'Klaxon',
      principalRole: 'system',
      action: 'disable',
      resourceType: 'webhook',
      resourceId: w.id,
      subresourceId: null,
      method: 'SYSTEM',
      path: `/api/v1/webhooks/${w.id}`,
      status: 200,
      requestBody: { enabled: false, reason: w.disabledReason, failingSince: w.failingSince?.toISOString() ?? null, url: maskCredentialUrl(w.url, '***') },
      requestId: null,
    });
  }
}
