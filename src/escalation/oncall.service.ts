import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { SchedulesService } from '../schedules/schedules.service';
import { EscalationPolicy } from './escalation-policy.entity';
import { onCallForPolicy } from './planner';
import { TargetDirectory } from './target-directory';

export interface OnCallItem {
  escalationPolicyId: string;
  level: number;
  scheduleId: string | null;
  userId: string;
  start: string | null;
  end: string | null;
}

/** Who each escalation policy would page at an instant, level by level. */
@Injectable()
export class OnCallService {
  constructor(
    @InjectRepository(EscalationPolicy) private readonly policies: Repository<EscalationPolicy>,
    private readonly directory: TargetDirectory,
    private readonly schedules: SchedulesService,
    private readonly clock: Clock,
  ) {}

  async at(at: Date = this.clock.now()): Promise<{ at: string; items: OnCallItem[] }> {
    const policies = await this.policies.find({ order: { name: 'ASC' } });
    // Segment bounds reach up to a year either side of `at`: load the overrides of that span.
    const { ctx, schedules: snapshots } = await this.directory.loadWithSchedules(
      policies.flatMap((p) => p.levels),
      undefined,
      at,
      366,
    );
    const items: OnCallItem[] = [];
    for (const p of policies) {
      for (const e of onCallForPolicy(p, at, ctx)) {
        const snapshot = e.scheduleId ? snapshots.get(e.scheduleId) : undefined;
        const seg = snapshot ? this.schedules.segmentAt(snapshot, at) : { start: null, end: null };
        items.push({
          escalationPolicyId: p.id,
          level: e.level,
          scheduleId: e.scheduleId,
          userId: e.userId,
          start: seg.start?.toISOString() ?? null,
          end: seg.end?.toISOString() ?? null,
        });
      }
    }
    return { at: at.toISOString(), items };
  }
}
