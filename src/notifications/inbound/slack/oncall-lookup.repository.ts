import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** One level of an escalation policy, as stored in `escalation_policies.levels`. */
export interface PolicyLevel {
  delayMinutes: number;
  targets: { type: 'user' | 'schedule' | 'webhook'; id: string }[];
}

export interface NamedRow {
  id: string;
  name: string;
}

/**
 * Reads, never writes, other modules' tables for `/oncall`: `schedules` (schedules),
 * `services` (services) and `escalation_policies` (escalation); user names come from UsersService.
 * Names match case-insensitively.
 */
@Injectable()
export class OnCallLookupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The first `limit` schedules by name. */
  schedules(limit: number): Promise<NamedRow[]> {
    return this.dataSource.query<NamedRow[]>(`SELECT id, name FROM schedules ORDER BY name LIMIT $1`, [limit]);
  }

  async scheduleNamed(name: string): Promise<NamedRow | null> {
    const rows = await this.dataSource.query<NamedRow[]>(`SELECT id, name FROM schedules WHERE lower(name) = lower($1) LIMIT 1`, [name]);
    return rows[0] ?? null;
  }

  /** A service by name with the levels of its escalation policy (none for the built-in Direct pages service). */
  async serviceNamed(name: string): Promise<{ id: string; name: string; levels: PolicyLevel[] } | null> {
    const rows = await this.dataSource.query<{ id: string; name: string; levels: PolicyLevel[] | null }[]>(
      `SELECT s.id, s.name, p.levels FROM services s LEFT JOIN escalation_policies p ON p.id = s.escalation_policy_id
        WHERE lower(s.name) = lower($1) LIMIT 1`,
      [name],
    );
    return rows[0] ? { id: rows[0].id, name: rows[0].name, levels: rows[0].levels ?? [] } : null;
  }
}
