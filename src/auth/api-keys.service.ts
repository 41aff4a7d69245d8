import { Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../common/secret-hash';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/errors';
import { ApiKey, ApiKeyRole } from './api-key.entity';
import { ApiKeysRepository, NewApiKey } from './api-keys.repository';

export interface Principal {
  /** api key id, or "env" for KLAXON_ADMIN_API_KEY; for a console session, its user's id or the key it was opened with. */
  id: string;
  name: string;
  role: ApiKeyRole;
  /** Set for a console session (cookie); absent for an API key. */
  session?: SessionFacts;
}

/** What a console session principal carries (docs/console.md); `user` is null for a session opened with an admin key. */
export interface SessionFacts {
  id: string;
  expiresAt: Date;
  csrfToken: string;
  user: { id: string; name: string; email: string; timeZone: string } | null;
}

/** How long a validated (or unknown) key is trusted without a query: revocation takes effect within it. */
const API_KEY_CACHE_TTL_MS = 5_000;

/** A new random key and what is stored of it. */
function newKey(name: string, role: ApiKeyRole): { key: string; row: NewApiKey } {
  const key = `klx_${randomBytes(24).toString('base64url')}`;
  return { key, row: { name, role, prefix: key.slice(0, 8), hash: sha256Hex(key) } };
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly envKeyHash: Buffer | null;
  /** A short cache so a busy client does not cost one query per request; revocation applies within its TTL. */
  private readonly cache = new LRUCache<string, { principal: Principal | null }>({ max: 10_000, ttl: API_KEY_CACHE_TTL_MS });
  /** The same for a console session opened with a key: whether its key still works, by key id. */
  private readonly activeById = new LRUCache<string, { active: boolean }>({ max: 10_000, ttl: API_KEY_CACHE_TTL_MS });

  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly clock: Clock,
    envAdminKey: string | undefined,
  ) {
    this.envKeyHash = envAdminKey ? Buffer.from(sha256Hex(envAdminKey), 'hex') : null;
  }

  async authenticate(rawKey: string): Promise<Principal | null> {
    const hash = sha256Hex(rawKey);
    if (this.envKeyHash && timingSafeEqual(this.envKeyHash, Buffer.from(hash, 'hex'))) {
      return { id: 'env', name: 'KLAXON_ADMIN_API_KEY', role: 'admin' };
    }
    const cached = this.cache.get(hash);
    if (cached) return cached.principal;
    const row = await this.keys.findActiveByHash(hash);
    const principal: Principal | null = row ? { id: row.id, name: row.name, role: row.role } : null;
    this.cache.set(hash, { principal });
    return principal;
  }

  /**
   * Whether the key with this principal id still works (a console session
   * opened with it ends when it is revoked): cached like `authenticate`, so a
   * session's requests cost no query for it; a revocation here applies at once.
   */
  async isActive(id: string): Promise<boolean> {
    if (id === 'env') return this.envKeyHash !== null;
    const cached = this.activeById.get(id);
    if (cached) return cached.active;
    const row = await this.keys.findById(id);
    const active = row !== null && row.revokedAt === null;
    this.activeById.set(id, { active });
    return active;
  }

  async create(name: string, role: ApiKeyRole): Promise<{ key: string; apiKey: ApiKey }> {
    const { key, row } = newKey(name, role);
    return { key, apiKey: await this.keys.insert(row) };
  }

  list(): Promise<ApiKey[]> {
    return this.keys.list();
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.keys.findById(id))) throw new NotFoundError('api key', id);
    await this.keys.markRevoked(id, this.clock.now());
    this.cache.clear();
    this.activeById.delete(id);
  }

  /**
   * With no KLAXON_ADMIN_API_KEY and no key in the database, create one admin
   * key and return it so the caller prints it once. Serialised with an advisory
   * lock so two instances starting together create one key.
   */
  async ensureBootstrapKey(): Promise<string | null> {
    if (this.envKeyHash) return null;
    const { key, row } = newKey('bootstrap admin', 'admin');
    if (!(await this.keys.insertIfNone(row))) return null;
    this.logger.log('created the first admin API key');
    return key;
  }
}
