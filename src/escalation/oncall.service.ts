import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { CompiledSchedule, localIso, ON_CALL_HORIZON_MS } from '../schedules/resolution';
import { SchedulesService } from '../schedules/schedules.service';
import { UsersService } from '../users/users.service';
import { EscalationPolicy } from './escalation-policy.entity';
import { onCallForPolicy, TargetResolver, targetIdsByType } from './planner';
import { toUserSnapshot } from './target-directory';

export interface OnCallItem {
  escalationPolicyId: string;
  level: number;
  scheduleId: string | null;
  userId: string;
  userName: string | null;
  start: string | null;
  end: string | null;
  /** The schedule's zone, which startLocal/endLocal are in; null for a user named directly. */
  timeZone: string | null;
  startLocal: string | null;
  endLocal: string | null;
}

/** Who each escalation policy would page at an instant, level by level. */
@Injectable()
export class OnCallService {
  constructor(
    @InjectRepository(EscalationPolicy) private readonly policies: Repository<EscalationPolicy>,
    private readonly schedules: SchedulesService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async at(at: Date = this.clock.now()): Promise<{ at: string; items: OnCallItem[] }> {
    const policies = await this.policies.find({ order: { name: 'ASC' } });
    const targets = targetIdsByType(policies.flatMap((p) => p.levels));
    // Segment bounds reach up to a year either side of `at`: load the overrides of that span. One schedule
    // at a time, so that however many large schedules the policies name, each step is one schedule's work.
    const window = { since: new Date(at.getTime() - ON_CALL_HORIZON_MS), until: new Date(at.getTime() + ON_CALL_HORIZON_MS) };
    const snapshots = new Map<string, CompiledSchedule>();
    for (const id of targets.schedule) {
      for (const [loaded, snapshot] of await this.schedules.loadSnapshots([id], undefined, window)) snapshots.set(loaded, snapshot);
    }
    // Only users named as targets are looked up: whoever a schedule puts on call comes from the schedule
    // (loading every person of every rotation, with contact methods, held the event loop on large ones).
    const users = await this.users.loadSnapshots(targets.user);
    const ctx: TargetResolver = {
      getUser: (id) => {
        const user = users.get(id);
        return user ? toUserSnapshot(user) : undefined;
      },
      hasSchedule: (id) => snapshots.has(id),
      // A webhook puts nobody on call.
      getWebhook: () => undefined,
      // Rooms are not people on call: onCallForPolicy skips chat targets.
      getChatDestination: () => undefined,
      resolveSchedule: (id, t) => {
        const snapshot = snapshots.get(id);
        return snapshot ? this.schedules.onCallAt(snapshot, t) : null;
      },
    };
    const items: OnCallItem[] = [];
    for (const p of policies) {
      for (const e of onCallForPolicy(p, at, ctx)) {
        const snapshot = e.scheduleId ? snapshots.get(e.scheduleId) : undefined;
        const seg = snapshot ? await this.schedules.segmentAt(snapshot, at) : { start: null, end: null };
        const zone = snapshot?.zone.zoneName ?? null;
        items.push({
          escalationPolicyId: p.id,
          level: e.level,
          scheduleId: e.scheduleId,
          userId: e.userId,
          userName: null,
          start: seg.start?.toISOString() ?? null,
          end: seg.end?.toISOString() ?? null,
          timeZone: zone,
          startLocal: zone && seg.start ? localIso(seg.start, zone) : null,
          endLocal: zone && seg.end ? localIso(seg.end, zone) : null,
        });
      }
    }
    const names = await this.users.names([...new Set(items.map((i) => i.userId))]);
    for (const item of items) item.userName = names.get(item.userId) ?? null;
    return { at: at.toISOString(), items };
  }
}
