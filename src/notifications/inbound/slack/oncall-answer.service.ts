import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { SchedulesService } from '../../../schedules/schedules.service';
import { UsersService } from '../../../users/users.service';
import { OnCallLookupRepository, type PolicyLevel } from './oncall-lookup.repository';

/** `/oncall` with no name lists at most this many schedules. */
const MAX_SCHEDULES = 50;

/**
 * The `/oncall [service or schedule]` answer: for a service, who each level of its
 * escalation policy would page now; for a schedule, who is on call now; with no
 * name, every schedule. Names match case-insensitively.
 */
@Injectable()
export class OnCallAnswerService {
  constructor(
    private readonly lookup: OnCallLookupRepository,
    private readonly schedules: SchedulesService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async answer(text: string): Promise<string> {
    const name = text.trim();
    const now = this.clock.now();
    if (!name) {
      const all = await this.lookup.schedules(MAX_SCHEDULES);
      if (!all.length) return 'No schedules yet. Usage: `/oncall <service or schedule name>`';
      const who = await this.onCallBySchedule(all.map((s) => s.id), now);
      return ['*On call now*', ...all.map((s) => `• ${s.name}: ${who.get(s.id) ?? 'nobody'}`)].join('\n');
    }
    const service = await this.lookup.serviceNamed(name);
    if (service) return this.serviceAnswer(service.name, service.levels, now);
    const schedule = await this.lookup.scheduleNamed(name);
    if (schedule) return `*${schedule.name}*: ${(await this.onCallBySchedule([schedule.id], now)).get(schedule.id) ?? 'nobody'} is on call now`;
    return `No service or schedule is called "${name}". Usage: \`/oncall <service or schedule name>\``;
  }

  private async serviceAnswer(serviceName: string, levels: PolicyLevel[], now: Date): Promise<string> {
    const scheduleIds = levels.flatMap((l) => l.targets.filter((t) => t.type === 'schedule').map((t) => t.id));
    const bySchedule = await this.onCallBySchedule(scheduleIds, now);
    const userNames = await this.users.names(levels.flatMap((l) => l.targets.filter((t) => t.type === 'user').map((t) => t.id)));
    const lines = levels.map((level, i) => {
      const names = level.targets.map((t) => (t.type === 'user' ? userNames.get(t.id) : bySchedule.get(t.id)) ?? 'nobody');
      return `• Level ${i + 1}: ${[...new Set(names)].join(', ') || 'nobody'}`;
    });
    return [`*On call now for ${serviceName}*`, ...lines].join('\n');
  }

  /** Schedule id -> the on-call user's name now (absent: a gap). */
  private async onCallBySchedule(ids: string[], now: Date): Promise<Map<string, string>> {
    const snapshots = await this.schedules.loadSnapshots([...new Set(ids)]);
    const userBySchedule = new Map<string, string>();
    for (const [id, snapshot] of snapshots) {
      const userId = this.schedules.onCallAt(snapshot, now);
      if (userId) userBySchedule.set(id, userId);
    }
    const names = await this.users.names([...userBySchedule.values()]);
    return new Map([...userBySchedule].map(([id, userId]) => [id, names.get(userId) ?? 'unknown user']));
  }
}
