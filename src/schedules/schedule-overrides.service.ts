import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors';
import { UsersService } from '../users/users.service';
import { ScheduleOverride } from './schedule-override.entity';
import { Schedule } from './schedule.entity';
import { SchedulesRepository } from './schedules.repository';
import { SchedulesService } from './schedules.service';
import { CreateOverrideDto } from './schedules.dto';

/**
 * The most overrides one schedule may hold, past ones included (a rendering of
 * any window may need them): years of frequent cover. Creating one more is a
 * 409 naming the limit; deleting past overrides makes room.
 */
export const MAX_OVERRIDES_PER_SCHEDULE = 1_000;

/** Overrides: someone stands in for [start, end); the latest created wins where they overlap. */
@Injectable()
export class ScheduleOverridesService {
  constructor(
    private readonly store: SchedulesRepository,
    private readonly schedules: SchedulesService,
    private readonly users: UsersService,
  ) {}

  async create(scheduleId: string, dto: CreateOverrideDto): Promise<ScheduleOverride> {
    if (!(await this.schedules.existingIds([scheduleId])).length) throw new NotFoundError('schedule', scheduleId);
    const start = new Date(dto.start);
    const end = new Date(dto.end);
    const userId = dto.userId.toLowerCase();
    if (end.getTime() <= start.getTime()) throw ValidationError.field('end', 'must be after start');
    if ((await this.users.missingIds([userId])).length) throw ValidationError.field('userId', `unknown user id ${userId}`);
    return this.store.dataSource.transaction(async (em) => {
      // The schedule's row lock makes the count and the insert one step: concurrent creations cannot pass the cap together.
      const schedule = await em.getRepository(Schedule).findOne({ where: { id: scheduleId }, lock: { mode: 'pessimistic_write' } });
      if (!schedule) throw new NotFoundError('schedule', scheduleId);
      const repo = em.getRepository(ScheduleOverride);
      const count = await repo.count({ where: { scheduleId } });
      if (count >= MAX_OVERRIDES_PER_SCHEDULE) {
        throw new ConflictError(
          `schedule ${scheduleId} already has ${count} overrides, the most one schedule may hold (${MAX_OVERRIDES_PER_SCHEDULE}): delete past overrides first`,
          { limit: MAX_OVERRIDES_PER_SCHEDULE },
        );
      }
      const saved = await this.schedules.changing(em, scheduleId, 'override', () => repo.save({ scheduleId, userId, startsAt: start, endsAt: end }));
      return repo.findOneOrFail({ where: { id: saved.id } });
    });
  }

  /** Overrides overlapping [since, until) (either bound optional), by start. */
  async list(scheduleId: string, since?: Date, until?: Date): Promise<ScheduleOverride[]> {
    await this.schedules.find(scheduleId);
    if (since && until && since.getTime() >= until.getTime()) throw ValidationError.field('until', 'must be after since');
    const rows = await this.store.findOverrides([scheduleId], { since, until });
    return rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || Number(a.seq) - Number(b.seq));
  }

  /** Deleting an override restores what the layers (and older overrides) say. */
  async remove(scheduleId: string, overrideId: string): Promise<void> {
    await this.store.dataSource.transaction(async (em) => {
      const schedule = await em.getRepository(Schedule).findOne({ where: { id: scheduleId }, lock: { mode: 'pessimistic_write' } });
      if (!schedule) throw new NotFoundError('override', overrideId);
      await this.schedules.changing(em, scheduleId, 'override', async () => {
        const res = await em.getRepository(ScheduleOverride).delete({ id: overrideId, scheduleId });
        if (!res.affected) throw new NotFoundError('override', overrideId);
      });
    });
  }
}
