import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { FieldError, NotFoundError, ValidationError } from '../common/errors';
import type { Page, PageQuery } from '../common/pagination';
import { ServiceReferences } from '../services/service-references';
import { EVENTS_V2_KEY_LENGTH, generateKey } from '../services/integration-keys';
import { ServicesService } from '../services/services.service';
import type { EventRouterHit } from './event-router-hit.entity';
import type { EventRouter } from './event-router.entity';
import { EventRoutersRepository } from './event-routers.repository';
import type { CreateEventRouterDto, UpdateEventRouterDto } from './event-routers.dto';
import { RouterHitCounter } from './router-hit-counter';
import { RouterHitsRepository } from './router-hits.repository';
import { compileRouter, CompiledRouter } from './rules/evaluate';
import { parseRouterRules, RouterRules, serviceMentions } from './rules/router-rules';

/** How long a key lookup (hit or miss) is trusted, as for integration keys: the ingest path skips the database within it. */
export const ROUTER_CACHE_TTL_MS = 5_000;
const ROUTER_CACHE_MAX_ENTRIES = 10_000;

/** A router as ingest uses it: the row and its rules compiled (once per version). */
export interface ResolvedRouter {
  router: EventRouter;
  compiled: CompiledRouter;
}

interface CacheEntry {
  resolved: ResolvedRouter | null;
}

@Injectable()
export class EventRoutersService implements OnModuleInit {
  /** Per process; a deleted router's key keeps working for up to the TTL on other instances, as integration keys do. */
  private readonly byKey = new LRUCache<string, CacheEntry>({ max: ROUTER_CACHE_MAX_ENTRIES, ttl: ROUTER_CACHE_TTL_MS });
  /** Compiled rules by router id, kept while the version is the same: a key lookup that expires does not recompile. */
  private readonly compiledById = new LRUCache<string, { version: number; compiled: CompiledRouter }>({ max: ROUTER_CACHE_MAX_ENTRIES });

  constructor(
    private readonly routers: EventRoutersRepository,
    private readonly hits: RouterHitsRepository,
    private readonly counter: RouterHitCounter,
    private readonly services: ServicesService,
    private readonly serviceReferences: ServiceReferences,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.serviceReferences.register((serviceId, em) => this.routers.routingTo(serviceId, em));
  }

  async create(dto: CreateEventRouterDto): Promise<EventRouter> {
    const rules = await this.validate({ rules: dto.rules, fallback: dto.fallback });
    return this.routers.create({
      name: dto.name.trim(),
      routingKey: generateKey(EVENTS_V2_KEY_LENGTH),
      rules: rules.rules,
      fallback: rules.fallback,
      rateLimitPerMinute: dto.rateLimitPerMinute ?? null,
    });
  }

  list(query: PageQuery): Promise<Page<EventRouter>> {
    return this.routers.list(query);
  }

  async get(id: string): Promise<EventRouter> {
    const router = await this.routers.findById(id);
    if (!router) throw new NotFoundError('event router', id);
    return router;
  }

  /** The router with its hit counts, after adding this process's pending counts (other instances' are up to ~2 s behind). */
  async getWithHits(id: string): Promise<{ router: EventRouter; hits: EventRouterHit[] }> {
    await this.counter.flush();
    const router = await this.get(id);
    return { router, hits: await this.hits.forVersion(router.id, router.version) };
  }

  async update(id: string, dto: UpdateEventRouterDto): Promise<EventRouter> {
    return this.dataSource.transaction(async (em) => {
      const router = await this.routers.findForUpdate(em, id);
      if (!router) throw new NotFoundError('event router', id);
      if (dto.name !== undefined) router.name = dto.name.trim();
      if (dto.rateLimitPerMinute !== undefined) router.rateLimitPerMinute = dto.rateLimitPerMinute ?? null;
      if (dto.rules !== undefined || dto.fallback !== undefined) {
        const rules = await this.validate({ rules: dto.rules ?? router.rules, fallback: dto.fallback ?? router.fallback });
        router.rules = rules.rules;
        router.fallback = rules.fallback;
        router.version += 1;
        await this.hits.dropOlderThan(em, router.id, router.version);
      }
      const saved = await this.routers.save(em, router);
      this.byKey.delete(saved.routingKey);
      return saved;
    });
  }

  async remove(id: string): Promise<void> {
    const router = await this.get(id);
    if (!(await this.routers.delete(id))) throw new NotFoundError('event router', id);
    this.byKey.delete(router.routingKey);
    this.compiledById.delete(router.id);
  }

  /** The router for a routing key, compiled, from a short-lived in-memory cache (the ingest hot path). */
  async findByKey(key: string): Promise<ResolvedRouter | null> {
    const cached = this.byKey.get(key);
    if (cached) return cached.resolved;
    const router = await this.routers.findByKey(key);
    const resolved = router ? { router, compiled: this.compiled(router) } : null;
    this.byKey.set(key, { resolved });
    return resolved;
  }

  /** A stored router's rules, compiled once per version. */
  compiled(router: EventRouter): CompiledRouter {
    const known = this.compiledById.get(router.id);
    if (known && known.version === router.version) return known.compiled;
    const compiled = compileRouter({ rules: router.rules, fallback: router.fallback });
    this.compiledById.set(router.id, { version: router.version, compiled });
    return compiled;
  }

  /** The rules' shape (pure parser), then that every service they route to exists; a 400 names each problem's rule. */
  private async validate(input: { rules: unknown; fallback: unknown }): Promise<RouterRules> {
    const parsed = parseRouterRules(input);
    if (!parsed.ok) throw new ValidationError(parsed.errors);
    const mentions = serviceMentions(parsed.value);
    const missing = new Set(await this.services.missingIds(mentions.map((m) => m.serviceId)));
    const errors: FieldError[] = mentions
      .filter((m) => missing.has(m.serviceId))
      .map((m) => ({ field: m.field, message: `${m.label}: no service has id ${m.serviceId}` }));
    if (errors.length) throw new ValidationError(errors);
    return parsed.value;
  }
}
