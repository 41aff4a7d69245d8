import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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
export class ScheduleStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  /** Schedules with their layers and rotation users, in one query; unknown or malformed ids are skipped. */
  async findWithLayers(ids: string[], em?: EntityManager): Promise<Schedule[]> {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (!valid.length) return [];
    return this.em(em)
      .getRepository(Schedule)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.layers', 'l')
      .leftJoinAndSelect('l.users', 'lu')
      .where('s.id = ANY(:ids::uuid[])', { ids: valid })
      .orderBy('l.position', 'ASC')
      .addOrderBy('lu.position', 'ASC')
      .getMany();
  }

  /** Overrides of these schedules, optionally only those overlapping [since, until), in creation order. */
  findOverrides(
    scheduleIds: string[],
    window: { since?: Date; until?: Date } = {},
    em?: EntityManager,
  ): Promise<ScheduleOverride[]> {
    if (!scheduleIds.length) return Promise.resolve([]);
    const qb = this.em(em)
      .getRepository(ScheduleOverride)
      .createQueryBuilder('o')
      .where('o.scheduleId = ANY(:ids::uuid[])', { ids: scheduleIds });
    if (window.since) qb.andWhere('o.endsAt > :since', { since: window.since });
    if (window.until) qb.andWhere('o.startsAt < :until', { until: window.until });
    return qb.orderBy('o.createdAt', 'ASC').addOrderBy('o.seq', 'ASC').getMany();
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
        users: [...(l.users ?? [])].sort((a, b) => a.position - b.position).map((u) => u.userId),
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
