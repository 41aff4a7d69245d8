import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Changed } from '../database/changed-rows';
import type { HandoffType } from './core';

/** A handoff rule: tell this contact method of the user's handoffs, `advanceMinutes` ahead. */
export interface HandoffRule {
  id: string;
  userId: string;
  contactMethodId: string;
  handoffType: HandoffType;
  advanceMinutes: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A rule with what firing it needs: the contact method and the user's zone. */
export interface HandoffRuleTarget extends HandoffRule {
  channel: string;
  address: string;
  enabled: boolean;
  timeZone: string;
}

interface RuleRow {
  id: string;
  user_id: string;
  contact_method_id: string;
  handoff_type: HandoffType;
  advance_minutes: number;
  created_at: Date;
  updated_at: Date;
}

interface TargetRow extends RuleRow {
  type: string;
  address: string;
  enabled: boolean;
  time_zone: string;
}

const COLUMNS = 'r.id, r.user_id, r.contact_method_id, r.handoff_type, r.advance_minutes, r.created_at, r.updated_at';

function toRule(r: RuleRow): HandoffRule {
  return {
    id: r.id,
    userId: r.user_id,
    contactMethodId: r.contact_method_id,
    handoffType: r.handoff_type,
    advanceMinutes: r.advance_minutes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Every statement on `handoff_rules`. */
@Injectable()
export class HandoffRulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, rule: Pick<HandoffRule, 'userId' | 'contactMethodId' | 'handoffType' | 'advanceMinutes'>, now: Date): Promise<HandoffRule> {
    const rows: RuleRow[] = await em.query(
      `INSERT INTO handoff_rules AS r (user_id, contact_method_id, handoff_type, advance_minutes, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5) RETURNING ${COLUMNS}`,
      [rule.userId, rule.contactMethodId, rule.handoffType, rule.advanceMinutes, now],
    );
    return toRule(rows[0]);
  }

  async list(userId: string): Promise<HandoffRule[]> {
    const rows: RuleRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM handoff_rules r WHERE r.user_id = $1 ORDER BY r.created_at, r.id`,
      [userId],
    );
    return rows.map(toRule);
  }

  async get(userId: string, id: string, em: EntityManager = this.dataSource.manager): Promise<HandoffRule | null> {
    const rows: RuleRow[] = await em.query(`SELECT ${COLUMNS} FROM handoff_rules r WHERE r.user_id = $1 AND r.id = $2`, [userId, id]);
    return rows[0] ? toRule(rows[0]) : null;
  }

  async update(em: EntityManager, rule: HandoffRule, now: Date): Promise<HandoffRule> {
    const [rows] = await em.query<Changed<RuleRow>>(
      `UPDATE handoff_rules r SET contact_method_id = $2, handoff_type = $3, advance_minutes = $4, updated_at = $5
        WHERE r.id = $1 RETURNING ${COLUMNS}`,
      [rule.id, rule.contactMethodId, rule.handoffType, rule.advanceMinutes, now],
    );
    return toRule(rows[0]);
  }

  async delete(em: EntityManager, userId: string, id: string): Promise<boolean> {
    const [, n] = await em.query<Changed<never>>('DELETE FROM handoff_rules WHERE user_id = $1 AND id = $2', [userId, id]);
    return n > 0;
  }

  /** The rules of these users (for planning a schedule's timers). */
  async ofUsers(em: EntityManager, userIds: readonly string[]): Promise<HandoffRule[]> {
    if (!userIds.length) return [];
    const rows: RuleRow[] = await em.query(`SELECT ${COLUMNS} FROM handoff_rules r WHERE r.user_id = ANY($1::uuid[]) ORDER BY r.id`, [[...userIds]]);
    return rows.map(toRule);
  }

  /** A rule with its contact method and the user's zone, for firing its timer; null when gone. */
  async target(em: EntityManager, id: string): Promise<HandoffRuleTarget | null> {
    const rows: TargetRow[] = await em.query(
      `SELECT ${COLUMNS}, cm.type, cm.address, cm.enabled, u.time_zone
         FROM handoff_rules r
         JOIN contact_methods cm ON cm.id = r.contact_method_id
         JOIN users u ON u.id = r.user_id
        WHERE r.id = $1`,
      [id],
    );
    const r = rows[0];
    return r ? { ...toRule(r), channel: r.type, address: r.address, enabled: r.enabled, timeZone: r.time_zone } : null;
  }
}
