import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { groupBy } from '../common/group-by';
import { isUuid } from '../common/parse-uuid.pipe';
import { LayerSnapshot, ScheduleSnapshot } from './resolution';
import { ScheduleLayerUser } from './schedule-layer-user.entity';
import { ScheduleLayer } from './schedule-layer.entity';
import { ScheduleOverride } from './schedule-override.entity';
import { Schedule } from './schedule.entity';

/** A layer as the service hands it to the store: already validated and parsed. */
export type LayerRecord = LayerSnapshot;

/**
 * Every query the schedules module makes. `em` lets callers (the escalation
 * engine, deletes under a lock) read inside their own transaction.
 */
@Injectable()
export class SchedulesRepository {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /**
   * Schedules with their layers and rotation users, in two queries; unknown or
   * malformed ids are skipped. A layer's rotation slots (up to 500) come as one
   * comma-separated string: hydrating one joined row per slot through the ORM
   * held the event loop for hundreds of milliseconds on the largest schedules,
   * and parsing them as a PostgreSQL array for tens.
   */
  async findWithLayers(ids: string[], em?: EntityManager): Promise<Schedule[]> {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (!valid.length) return [];
    const schedules: ScheduleRow[] = await this.em(em).query(
      `SELECT id, name, time_zone, slack_channel_id, ical_token, created_at, updated_at FROM schedules WHERE id = ANY($1::uuid[])`,
      [valid],
    );
    if (!schedules.length) return [];
    const layers: LayerRow[] = await this.em(em).query(
      `SELECT l.id, l.schedule_id, l.position, l.name, l.starts_at, l.ends_at, l.rotation_unit, l.rotation_length,
              l.handoff_at, l.restrictions,
              (SELECT string_agg(lu.user_id::text, ',' ORDER BY lu.position) FROM schedule_layer_users lu WHERE lu.layer_id = l.id) AS users
         FROM schedule_layers l
        WHERE l.schedule_id = ANY($1::uuid[])
        ORDER BY l.schedule_id, l.position`,
      [schedules.map((row) => row.id)],
    );
    const layersOf = groupBy(layers, (row) => row.schedule_id);
    return schedules.map((row) =>
      Object.assign(new Schedule(), {
        id: row.id,
        name: row.name,
        timeZone: row.time_zone,
        slackChannelId: row.slack_channel_id,
        icalToken: row.ical_token,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        layers: (layersOf.get(row.id) ?? []).map(toLayer),
      }),
    );
  }

  /** The feed token of a schedule, or null when there is no such schedule: one small row, read before anything heavy. */
  async findIcalToken(id: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    const rows: { ical_token: string }[] = await this.dataSource.query('SELECT ical_token FROM schedules WHERE id = $1', [id]);
    return rows[0]?.ical_token ?? null;
  }

  /**
   * Overrides of these schedules, optionally only those overlapping [since,
   * until), in creation order. Read as plain rows (a schedule may hold a
   * thousand): the ORM's hydration of that many held the event loop too long.
   */
  async findOverrides(
    scheduleIds: string[],
    window: { since?: Date; until?: Date } = {},
    em?: EntityManager,
  ): Promise<ScheduleOverride[]> {
    if (!scheduleIds.length) return [];
    const params: unknown[] = [scheduleIds];
    let where = 'schedule_id = ANY($1::uuid[])';
    if (window.since) where += ` AND ends_at > $${params.push(window.since)}`;
    if (window.until) where += ` AND starts_at < $${params.push(window.until)}`;
    const rows: OverrideRow[] = await this.em(em).query(
      `SELECT id, schedule_id, user_id, starts_at, ends_at, created_at, seq::text AS seq
         FROM schedule_overrides WHERE ${where} ORDER BY created_at, seq`,
      params,
    );
    return rows.map((row) =>
      Object.assign(new ScheduleOverride(), {
        id: row.id,
        scheduleId: row.schedule_id,
        userId: row.user_id,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        createdAt: row.created_at,
        seq: row.seq,
      }),
    );
  }

  async existingIds(ids: string[]): Promise<string[]> {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (!valid.length) return [];
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM schedules WHERE id = ANY($1::uuid[])', [valid]);
    return rows.map((r) => r.id);
  }

  /** Schedules whose rotations name the user (for the 409 on deleting that user). */
  async schedulesInRotation(userId: string, em: EntityManager): Promise<{ id: string; name: string }[]> {
    return em.query(
      `SELECT DISTINCT s.id, s.name
         FROM schedule_layer_users lu
         JOIN schedule_layers l ON l.id = lu.layer_id
         JOIN schedules s ON s.id = l.schedule_id
        WHERE lu.user_id = $1
        ORDER BY s.name, s.id`,
      [userId],
    );
  }

  /** Schedules whose rotations name the user, or that hold an override of the user ending after `since`. */
  async scheduleIdsOfUser(em: EntityManager, userId: string, since: Date): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT l.schedule_id AS id FROM schedule_layer_users lu JOIN schedule_layers l ON l.id = lu.layer_id WHERE lu.user_id = $1
       UNION
       SELECT o.schedule_id FROM schedule_overrides o WHERE o.user_id = $1 AND o.ends_at > $2`,
      [userId, since],
    );
    return rows.map((r) => r.id);
  }

  /** Locks these schedules' rows in id order, in the caller's transaction; returns the ids that exist. */
  async lockRows(em: EntityManager, ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await em.query('SELECT id FROM schedules WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [[...ids]]);
    return rows.map((r) => r.id);
  }

  /** Every schedule's id. */
  async allIds(em: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await em.query('SELECT id FROM schedules ORDER BY id');
    return rows.map((r) => r.id);
  }

  /** Replaces every layer of a schedule (PUT semantics); the caller owns the transaction. */
  async replaceLayers(em: EntityManager, scheduleId: string, layers: LayerRecord[]): Promise<void> {
    await em.getRepository(ScheduleLayer).delete({ scheduleId });
    for (const [position, layer] of layers.entries()) {
      const saved = await em.getRepository(ScheduleLayer).save({
        scheduleId,
        position,
        name: layer.name,
        startsAt: layer.start,
        endsAt: layer.end,
        rotationUnit: layer.rotation.unit,
        rotationLength: layer.rotation.length,
        handoffAt: layer.rotation.handoff,
        restrictions: layer.restrictions,
      });
      if (layer.users.length) {
        await em
          .getRepository(ScheduleLayerUser)
          .insert(layer.users.map((userId, i) => ({ layerId: saved.id, position: i, userId })));
      }
    }
  }
}

interface ScheduleRow {
  id: string;
  name: string;
  time_zone: string;
  slack_channel_id: string | null;
  ical_token: string;
  created_at: Date;
  updated_at: Date;
}

interface OverrideRow {
  id: string;
  schedule_id: string;
  user_id: string;
  starts_at: Date;
  ends_at: Date;
  created_at: Date;
  seq: string;
}

interface LayerRow {
  id: string;
  schedule_id: string;
  position: number;
  name: string;
  starts_at: Date;
  ends_at: Date | null;
  rotation_unit: ScheduleLayer['rotationUnit'];
  rotation_length: number;
  handoff_at: Date;
  restrictions: ScheduleLayer['restrictions'];
  /** Comma-separated user ids in rotation order; null when the layer has none. */
  users: string | null;
}

function toLayer(row: LayerRow): ScheduleLayer {
  return Object.assign(new ScheduleLayer(), {
    id: row.id,
    scheduleId: row.schedule_id,
    position: row.position,
    name: row.name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    rotationUnit: row.rotation_unit,
    rotationLength: row.rotation_length,
    handoffAt: row.handoff_at,
    restrictions: row.restrictions,
    users: (row.users ? row.users.split(',') : []).map((userId, position) => rotationSlot(row.id, position, userId)),
  });
}

/**
 * The resolver's picture of a stored schedule. Override ids become their
 * zero-padded insertion sequence: the resolver breaks `createdAt` ties on the
 * greater id, and `seq` is the true creation order (createdAt is in ms).
 */
export function toSnapshot(schedule: Schedule, overrides: ScheduleOverride[]): ScheduleSnapshot {
  return {
    timeZone: schedule.timeZone,
    layers: [...(schedule.layers ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((l) => ({
        name: l.name,
        start: l.startsAt,
        end: l.endsAt,
        rotation: { unit: l.rotationUnit, length: l.rotationLength, handoff: l.handoffAt },
        users: inPositionOrder(l.users ?? []).map((u) => u.userId),
        restrictions: l.restrictions,
      })),
    overrides: overrides.map((o) => ({
      id: o.seq.padStart(20, '0'),
      userId: o.userId,
      start: o.startsAt,
      end: o.endsAt,
      createdAt: o.createdAt,
    })),
  };
}

/** One object per slot (a schedule may hold 10,000, read on every rendering). */
function rotationSlot(layerId: string, position: number, userId: string): ScheduleLayerUser {
  const slot = new ScheduleLayerUser();
  slot.layerId = layerId;
  slot.position = position;
  slot.userId = userId;
  return slot;
}

/** Rotation slots by position; the store already reads them in that order, so sorting is the exception. */
function inPositionOrder(slots: ScheduleLayerUser[]): ScheduleLayerUser[] {
  for (let i = 1; i < slots.length; i++) {
    if (slots[i - 1].position > slots[i].position) return [...slots].sort((a, b) => a.position - b.position);
  }
  return slots;
}
