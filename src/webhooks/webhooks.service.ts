import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors';
import { OutboundSender } from '../common/outbound-http/outbound-sender';
import { Page, PageQuery } from '../common/pagination';
import { ServicesService } from '../services/services.service';
import type { CreateWebhookDto, UpdateWebhookDto } from './webhooks.dto';
import { DeliveryRow, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookReferences } from './webhook-references';
import { WebhookRow, WebhooksRepository } from './webhooks.repository';

/** Managing webhooks (docs/webhooks.md): the URL is checked against the address policy at every save. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveryRows: WebhookDeliveriesRepository,
    private readonly sender: OutboundSender,
    private readonly services: ServicesService,
    private readonly references: WebhookReferences,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Returns the webhook and its signing secret, which is never shown again. */
  async create(dto: CreateWebhookDto): Promise<{ webhook: WebhookRow; secret: string }> {
    await this.checkUrl(dto.url);
    await this.checkServices(dto.serviceIds ?? null);
    const secret = `whsec_${randomBytes(24).toString('hex')}`;
    const webhook = await this.webhooks.insert(
      { url: dto.url, secret, events: dto.events, serviceIds: dto.serviceIds ?? null, description: dto.description ?? null },
      this.clock.now(),
    );
    return { webhook, secret };
  }

  async get(id: string): Promise<WebhookRow> {
    const w = await this.webhooks.get(id);
    if (!w) throw new NotFoundError('webhook', id);
    return w;
  }

  list(query: PageQuery): Promise<Page<WebhookRow>> {
    return this.webhooks.list(query.limit ?? 50, query.cursor);
  }

  async update(id: string, dto: UpdateWebhookDto): Promise<WebhookRow> {
    await this.get(id);
    if (dto.url !== undefined) await this.checkUrl(dto.url);
    if (dto.serviceIds) await this.checkServices(dto.serviceIds);
    const w = await this.webhooks.update(id, dto, this.clock.now());
    if (!w) throw new NotFoundError('webhook', id);
    // Turned off by hand: what waits for a retry fails now, as when Klaxon disables it.
    if (dto.enabled === false) await this.deliveryRows.failPendingOf(id, 'webhook disabled');
    return w;
  }

  /** Refused with a 409 while an escalation policy pages the webhook. */
  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.webhooks.get(id, em))) throw new NotFoundError('webhook', id);
      await this.references.assertUnreferenced('webhook', id, em);
      await this.webhooks.delete(id, em);
    });
  }

  async deliveries(id: string, query: PageQuery): Promise<Page<DeliveryRow>> {
    await this.get(id);
    return this.deliveryRows.list(id, query.limit ?? 50, query.cursor);
  }

  /** Sends a delivery again now, with a new 24-hour retry window; 409 on a disabled webhook. */
  async redeliver(id: string, deliveryId: string): Promise<DeliveryRow> {
    const w = await this.get(id);
    if (!w.enabled) throw new ConflictError(`webhook ${id} is disabled: enable it first (PATCH enabled: true)`);
    if (!(await this.deliveryRows.redeliver(id, deliveryId, this.clock.now()))) throw new NotFoundError('delivery', deliveryId);
    const page = await this.deliveryRows.list(id, 1, undefined, deliveryId);
    return page.items[0];
  }

  /** For escalation policies: which of these ids are webhooks, and whether each is enabled. */
  states(ids: readonly string[], em?: Parameters<WebhooksRepository['states']>[1]) {
    return this.webhooks.states(ids, em);
  }

  private async checkUrl(url: string): Promise<void> {
    const refusal = await this.sender.refusal(url);
    if (refusal) throw ValidationError.field('url', refusal);
  }

  private async checkServices(ids: string[] | null): Promise<void> {
    if (!ids?.length) return;
    const missing = await this.services.missingIds(ids);
    if (missing.length) throw new ValidationError(missing.map((id) => ({ field: 'serviceIds', message: `no service ${id}` })));
  }
}
