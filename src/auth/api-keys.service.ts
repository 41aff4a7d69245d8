import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/errors';
import { ApiKey, ApiKeyRole } from './api-key.entity';

export interface Principal {
  /** api key id, or "env" for KLAXON_ADMIN_API_KEY. */
  id: string;
  name: string;
  role: ApiKeyRole;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Advisory-lock id serialising the first-start admin key among instances. */
const BOOTSTRAP_LOCK = 0x6b6c78_01;

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly envKeyHash: Buffer | null;
  /** A short cache so a busy client does not cost one query per request; revocation applies within its TTL. */
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();
  private static readonly CACHE_TTL_MS = 5_000;

  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    envAdminKey: string | undefined,
  ) {
    this.envKeyHash = envAdminKey ? Buffer.from(hashApiKey(envAdminKey), 'hex') : null;
  }

  async authenticate(rawKey: string): Promise<Principal | null> {
    const hash = hashApiKey(rawKey);
    if (this.envKeyHash && timingSafeEqual(this.envKeyHash, Buffer.from(hash, 'hex'))) {
      return { id: 'env', name: 'KLAXON_ADMIN_API_KEY', role: 'admin' };
    }
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) return cached.principal;
    const row = await this.keys.findOne({ where: { hash, revokedAt: IsNull() } });
    const principal: Principal | null = row ? { id: row.id, name: row.name, role: row.role } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { principal, until: now + ApiKeysService.CACHE_TTL_MS });
    return principal;
  }

  async create(name: string, role: ApiKeyRole): Promise<{ key: string; apiKey: ApiKey }> {
    const key = `klx_${randomBytes(24).toString('base64url')}`;
    const apiKey = await this.keys.save(
      this.keys.create({ name, role, prefix: key.slice(0, 8), hash: hashApiKey(key), revokedAt: null }),
    );
    return { key, apiKey };
  }

  list(): Promise<ApiKey[]> {
    return this.keys.find({ order: { createdAt: 'ASC' } });
  }

  async revoke(id: string): Promise<void> {
    const row = await this.keys.findOne({ where: { id } });
    if (!row) throw new NotFoundError('api key', id);
    if (!row.revokedAt) await this.keys.update({ id }, { revokedAt: this.clock.now() });
    this.cache.clear();
  }

  /**
   * With no KLAXON_ADMIN_API_KEY and no key in the database, create one admin
   * key and return it so the caller prints it once. Serialised with an advisory
   * lock so two instances starting together create one key.
   */
  async ensureBootstrapKey(): Promise<string | null> {
    if (this.envKeyHash) return null;
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      const count = await em.getRepository(ApiKey).count();
      if (count > 0) return null;
      const key = `klx_${randomBytes(24).toString('base64url')}`;
      await em.getRepository(ApiKey).save({
        name: 'bootstrap admin',
        role: 'admin' as const,
        prefix: key.slice(0, 8),
        hash: hashApiKey(key),
        revokedAt: null,
      });
      this.logger.log('created the first admin API key');
      return key;
    });
  }
}
