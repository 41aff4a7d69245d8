import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ChannelType } from './contact-method-type';

/** SQL on `users` and `contact_methods` that TypeORM's repositories do not express. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Display names by id (ids that are not users are absent). */
  async names(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.dataSource.query<{ id: string; name: string }[]>('SELECT id, name FROM users WHERE id = ANY($1::uuid[])', [unique]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** A digest of these users' names, computed by PostgreSQL (it changes when any of them is renamed). */
  async namesVersion(ids: string[]): Promise<string> {
    const rows = await this.dataSource.query<{ version: string }[]>(
      `SELECT md5(coalesce(string_agg(id::text || ':' || length(name) || ':' || name, ',' ORDER BY id), '')) AS version
         FROM users WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return rows[0].version;
  }

  /** Enables or disables every contact method of these types at this address, in the caller's transaction. */
  async setEnabledByAddress(em: EntityManager, types: readonly ChannelType[], address: string, enabled: boolean): Promise<void> {
    await em.query('UPDATE contact_methods SET enabled = $2 WHERE type = ANY($3::text[]) AND address = $1', [address, enabled, [...types]]);
  }
}
