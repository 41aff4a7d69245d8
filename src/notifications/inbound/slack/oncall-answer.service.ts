import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock } from '../../../common/clock';
import { MaintenanceWindowsRepository } from '../../../maintenance/maintenance-windows.repository';
import { ON_CALL_HORIZON_MS } from '../../../schedules/resolution';
import { SchedulesService } from '../../../schedules/schedules.service';
import { UsersService } from '../../../users/users.service';
import { OnCallLookupRepository, type PolicyLevel } from './oncall-lookup.repository';

/** `/oncall` with no name lists at most this many schedules. */
const MAX_SCHEDULES = 50;

/**
 * "until <time>" as a Slack date token: Slack shows it in each reader's own time zone;
 * clients that cannot read the token show the fallback, the time in the schedule's zone.
 */
function slackUntil(end: Date | null, timeZone: string): string {
  if (!end) return 'for more than a year';
  const fallback = DateTime.fromJSDate(end, { zone: timeZone }).toFormat('ccc d LLL HH:mm ZZZZ');
  return `until <!date^${Math.floor(end.getTime() / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}

/**
 * The `/oncall [service or schedule]` answer: for a service, who each level of its
 * escalation policy would page now; for a schedule, who is on call now; with no
 * name, every schedule. Names match case-insensitively. Whoever a schedule puts on
 * call is shown with the end of their shift (the next handoff); a user the policy
 * names directly is on call for as long as it does.
 */
@Injectable()
export class OnCallAnswerService {
  constructor(
    private readonly lookup: OnCallLookupRepository,
    private readonly schedules: SchedulesService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly maintenance: MaintenanceWindowsRepository,
  ) {}

  async answer(text: string): Promise<string> {
    const name = text.trim();
    const now = this.clock.now();
    if (!name) {
      const all = await this.lookup.schedules(MAX_SCHEDULES);
      if (!all.length) return 'No schedules yet. Usage: `/oncall <service or schedule name>`';
      const who = await this.onCallBySchedule(all.map((s) => s.id), now);
      return ['*On call now*', ...all.map((s) => `• ${s.name}: ${label(who.get(s.id))}`)].join('\n');
    }
    const service = await this.lookup.serviceNamed(name);
    if (service) {
      const answer = await this.serviceAnswer(service.name, service.levels, now);
      const cover = (await this.maintenance.coverOf([service.id], now)).get(service.id);
      if (!cover) return answer;
      const until = slackUntil(cover.until, 'UTC');
      return `${answer}\n:construction: In maintenance ${until}: new incidents of ${service.name} page nobody until then`;
    }
    const schedule = await this.lookup.scheduleNamed(name);
    if (schedule) {
      const who = (await this.onCallBySchedule([schedule.id], now)).get(schedule.id);
      return `*${schedule.name}*: ${who ? `${who.name} is on call now, ${who.until}` : 'nobody is on call now'}`;
    }
    return `No service or schedule is called "${name}". Usage: \`/oncall <service or schedule name>\``;
  }

  private async serviceAnswer(serviceName: string, levels: PolicyLevel[], now: Date): Promise<string> {
    if (!levels.length) return `*${serviceName}* has no escalation policy: each of its incidents pages whoever it was opened for (\`/page\`).`;
    const scheduleIds = levels.flatMap((l) => l.targets.filter((t) => t.type === 'schedule').map((t) => t.id));
    const bySchedule = await this.onCallBySchedule(scheduleIds, now);
    const userNames = await this.users.names(levels.flatMap((l) => l.targets.filter((t) => t.type === 'user').map((t) => t.id)));
    const lines = levels.map((level, i) => {
      const names = level.targets.map((t) => {
        if (t.type === 'schedule') return label(bySchedule.get(t.id));
        if (t.type === 'webhook') return 'a webhook (an automation is paged)';
        const name = userNames.get(t.id);
        return name ? `${name} (named in the policy)` : 'nobody';
      });
      return `• Level ${i + 1}: ${[...new Set(names)].join(', ') || 'nobody'}`;
    });
    return [`*On call now for ${serviceName}*`, ...lines].join('\n');
  }

  /** Schedule id -> the on-call user's name now and until when (absent: a gap). */
  private async onCallBySchedule(ids: string[], now: Date): Promise<Map<string, OnCallNow>> {
    // Shift ends are looked for up to a year ahead: only the overrides of that span matter.
    const window = { since: new Date(now.getTime() - ON_CALL_HORIZON_MS), until: new Date(now.getTime() + ON_CALL_HORIZON_MS) };
    const snapshots = await this.schedules.loadSnapshots([...new Set(ids)], undefined, window);
    const bySchedule = new Map<string, { userId: string; until: string }>();
    for (const [id, snapshot] of snapshots) {
      const segment = await this.schedules.segmentAt(snapshot, now);
      if (segment.userId) bySchedule.set(id, { userId: segment.userId, until: slackUntil(segment.end, snapshot.zone.zoneName) });
    }
    const names = await this.users.names([...bySchedule.values()].map((s) => s.userId));
    return new Map([...bySchedule].map(([id, s]) => [id, { name: names.get(s.userId) ?? 'unknown user', until: s.until }]));
  }
}

interface OnCallNow {
  name: string;
  until: string;
}

const label = (who: OnCallNow | undefined): string => (who ? `${who.name} ${who.until}` : 'nobody');
