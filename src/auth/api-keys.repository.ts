import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { ApiKey, ApiKeyRole } from './api-key.entity';

/** Advisory-lock id serialising the first-start admin key among instances. */
const BOOTSTRAP_LOCK = 0x6b6c78_01;

export interface NewApiKey {
  name: string;
  role: ApiKeyRole;
  prefix: string;
  hash: string;
}

/** The `api_keys` table, written only here. */
@Injectable()
export class ApiKeysRepository {
  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  findActiveByHash(hash: string): Promise<ApiKey | null> {
    return this.keys.findOne({ where: { hash, revokedAt: IsNull() } });
  }

  findById(id: string): Promise<ApiKey | null> {
    return this.keys.findOne({ where: { id } });
  }

  list(): Promise<ApiKey[]> {
    return this.keys.find({ order: { createdAt: 'ASC' } });
  }

  insert(key: NewApiKey): Promise<ApiKey> {
    return this.keys.save(this.keys.create({ ...key, revokedAt: null }));
  }

  async markRevoked(id: string, at: Date): Promise<void> {
    await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }

  /**
   * Inserts `key` only if the table is empty, under an advisory lock so that
   * instances starting together insert one; true when it was inserted.
   */
  insertIfNone(key: NewApiKey): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      if ((await em.getRepository(ApiKey).count()) > 0) return false;
      await em.getRepository(ApiKey).save({ ...key, revokedAt: null });
      return true;
    });
  }
}
