import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { Repository } from 'typeorm';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors';
import { isBuiltInService } from './built-in-services';
import { generateKey, keyLengthFor } from './integration-keys';
import { Integration } from './integration.entity';
import { CreateIntegrationDto } from './services.dto';
import { ServicesService } from './services.service';

/** How long a key lookup (hit or miss) is trusted: the ingest hot path skips the database within it. */
export const INTEGRATION_CACHE_TTL_MS = 5_000;
/** Keys remembered at most; the least recently used go first. */
const INTEGRATION_CACHE_MAX_ENTRIES = 10_000;
export const DEFAULT_GRAFANA_SIGNATURE_HEADER = 'X-Grafana-Alerting-Signature';

/** A lookup's answer, a miss (null) included. */
interface CacheEntry {
  integration: Integration | null;
}

@Injectable()
export class IntegrationsService {
  /**
   * Per process. A deleted integration keeps working for up to the TTL on the
   * other instances; that is the price of a lookup-free hot path.
   */
  private readonly cache = new LRUCache<string, CacheEntry>({ max: INTEGRATION_CACHE_MAX_ENTRIES, ttl: INTEGRATION_CACHE_TTL_MS });

  constructor(
    @InjectRepository(Integration) private readonly integrations: Repository<Integration>,
    private readonly services: ServicesService,
  ) {}

  async create(serviceId: string, dto: CreateIntegrationDto): Promise<Integration> {
    await this.services.get(serviceId);
    if (isBuiltInService(serviceId)) {
      throw new ConflictError('the Direct pages service takes no integrations: it has no escalation policy to page with (page people directly instead)');
    }
    const grafanaOnly = (['signingSecret', 'signatureHeader', 'timestampHeader'] as const).filter(
      (f) => dto[f] !== undefined && dto.type !== 'grafana',
    );
    if (grafanaOnly.length) {
      throw new ValidationError(grafanaOnly.map((field) => ({ field, message: 'is only for grafana integrations' })));
    }
    const signed = dto.signingSecret !== undefined;
    // A header without a secret means the caller meant to sign: refuse it rather than create an unsigned integration.
    const unsignedHeaders = (['signatureHeader', 'timestampHeader'] as const).filter((f) => dto[f] !== undefined && !signed);
    if (unsignedHeaders.length) {
      throw new ValidationError(
        unsignedHeaders.map((field) => ({ field, message: 'needs signingSecret: without a secret requests are not signed' })),
      );
    }
    const saved = await this.integrations.save(
      this.integrations.create({
        serviceId,
        type: dto.type,
        name: dto.name?.trim() ?? null,
        key: generateKey(keyLengthFor(dto.type)),
        signingSecret: dto.signingSecret ?? null,
        signatureHeader: signed ? (dto.signatureHeader ?? DEFAULT_GRAFANA_SIGNATURE_HEADER) : null,
        timestampHeader: signed ? (dto.timestampHeader ?? null) : null,
        rateLimitPerMinute: dto.rateLimitPerMinute ?? null,
      }),
    );
    this.cache.delete(saved.key);
    return saved;
  }

  list(serviceId: string): Promise<Integration[]> {
    return this.integrations.find({ where: { serviceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async remove(serviceId: string, id: string): Promise<void> {
    const integration = await this.integrations.findOne({ where: { id, serviceId } });
    if (!integration) throw new NotFoundError('integration', id);
    await this.integrations.delete({ id });
    this.cache.delete(integration.key);
  }

  /** The integration (with its service) for a key, from a short-lived in-memory cache. */
  async findByKey(key: string): Promise<Integration | null> {
    const cached = this.cache.get(key);
    if (cached) return cached.integration;
    const integration = await this.integrations.findOne({ where: { key }, relations: { service: true } });
    this.cache.set(key, { integration });
    return integration;
  }
}
