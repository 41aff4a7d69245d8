import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface PageTargetRow {
  id: string;
  name: string;
}

/** At most this many matches of one kind are read: two already make the name ambiguous. */
const MAX_MATCHES = 3;

/**
 * Reads, never writes, other modules' tables for `/page`: `users` and
 * `contact_methods` (users), `schedules` (schedules) and `services`
 * (services). Names and emails match case-insensitively.
 */
@Injectable()
export class PageTargetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The users whose email or name is `name`. */
  usersNamed(name: string): Promise<PageTargetRow[]> {
    return this.dataSource.query<PageTargetRow[]>(
      `SELECT id, name FROM users WHERE lower(email) = lower($1) OR lower(name) = lower($1) ORDER BY created_at, id LIMIT $2`,
      [name, MAX_MATCHES],
    );
  }

  /** The user whose `slack` contact method holds this Slack user id (the oldest such method). */
  async userBySlackId(slackUserId: string): Promise<PageTargetRow | null> {
    const rows = await this.dataSource.query<PageTargetRow[]>(
      `SELECT u.id, u.name FROM contact_methods cm JOIN users u ON u.id = cm.user_id
        WHERE cm.type = 'slack' AND cm.address = $1 ORDER BY cm.created_at LIMIT 1`,
      [slackUserId],
    );
    return rows[0] ?? null;
  }

  schedulesNamed(name: string): Promise<PageTargetRow[]> {
    return this.dataSource.query<PageTargetRow[]>(`SELECT id, name FROM schedules WHERE lower(name) = lower($1) LIMIT $2`, [name, MAX_MATCHES]);
  }

  servicesNamed(name: string): Promise<PageTargetRow[]> {
    return this.dataSource.query<PageTargetRow[]>(`SELECT id, name FROM services WHERE lower(name) = lower($1) LIMIT $2`, [name, MAX_MATCHES]);
  }
}
