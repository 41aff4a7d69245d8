import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { SchedulesService } from '../../../schedules/schedules.service';

interface LevelRow {
  delayMinutes: number;
  targets: { type: 'user' | 'schedule'; id: string }[];
}

/**
 * The `/oncall [service or schedule]` answer: for a service, who each level of its
 * escalation policy would page now; for a schedule, who is on call now; with no
 * name, every schedule. Names match case-insensitively.
 */
@Injectable()
export class OnCallAnswerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schedules: SchedulesService,
    private readonly clock: Clock,
  ) {}

  async answer(text: string): Promise<string> {
    const name = text.trim();
    const now = this.clock.now();
    if (!name) {
      const all: { id: string; name: string }[] = await this.dataSource.query(`SELECT id, name FROM schedules ORDER BY name LIMIT 50`);
      if (!all.length) return 'No schedules yet. Usage: `/oncall <service or schedule name>`';
      const who = await this.onCallBySchedule(all.map((s) => s.id), now);
      return ['*On call now*', ...all.map((s) => `• ${s.name}: ${who.get(s.id) ?? 'nobody'}`)].join('\n');
    }
    const [service]: { name: string; levels: LevelRow[] }[] = await this.dataSource.query(
      `SELECT s.name, p.levels FROM services s JOIN escalation_policies p ON p.id = s.escalation_policy_id
        WHERE lower(s.name) = lower($1) LIMIT 1`,
      [name],
    );
    if (service) return this.serviceAnswer(service.name, service.levels ?? [], now);
    const [schedule]: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM schedules WHERE lower(name) = lower($1) LIMIT 1`,
      [name],
    );
    if (schedule) return `*${schedule.name}*: ${(await this.onCallBySchedule([schedule.id], now)).get(schedule.id) ?? 'nobody'} is on call now`;
    return `No service or schedule is called "${name}". Usage: \`/oncall <service or schedule name>\``;
  }

  private async serviceAnswer(serviceName: string, levels: LevelRow[], now: Date): Promise<string> {
    const scheduleIds = levels.flatMap((l) => l.targets.filter((t) => t.type === 'schedule').map((t) => t.id));
    const bySchedule = await this.onCallBySchedule(scheduleIds, now);
    const userNames = await this.userNames(levels.flatMap((l) => l.targets.filter((t) => t.type === 'user').map((t) => t.id)));
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
    const names = await this.userNames([...userBySchedule.values()]);
    return new Map([...userBySchedule].map(([id, userId]) => [id, names.get(userId) ?? 'unknown user']));
  }

  private async userNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await this.dataSource.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [
      [...new Set(ids)],
    ]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
