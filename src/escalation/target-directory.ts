import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChatDestination } from '../chat/chat-destination.entity';
import { ChatDestinationsService } from '../chat/chat-destinations.service';
import { SchedulesService } from '../schedules/schedules.service';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { targetIdsByType } from './planner';
import type { ChatDestinationSnapshot, PolicyWarningContext, UserSnapshot } from './planner';

const DAY_MS = 24 * 60 * 60_000;

type Levels = readonly { readonly targets: readonly { readonly type: string; readonly id: string }[] }[];

export function toUserSnapshot(u: User): UserSnapshot {
  return {
    id: u.id,
    name: u.name,
    contactMethods: (u.contactMethods ?? []).map((c) => ({ id: c.id, type: c.type, address: c.address, enabled: c.enabled })),
    notificationRules: (u.notificationRules ?? []).map((r) => ({
      id: r.id,
      contactMethodId: r.contactMethodId,
      delayMinutes: r.delayMinutes,
    })),
  };
}

/** A room as the planner sees it: its webhook URL or Slack channel id is where the page goes. */
function toChatDestinationSnapshot(d: ChatDestination): ChatDestinationSnapshot {
  return { id: d.id, name: d.name, type: d.type, address: d.url ?? d.channelId ?? '', enabled: d.enabled };
}

/**
 * Preloads every user, schedule and chat destination a policy names, so the pure planner can
 * resolve targets without touching the database (one query per kind).
 */
@Injectable()
export class TargetDirectory {
  constructor(
    private readonly users: UsersService,
    private readonly schedules: SchedulesService,
    private readonly webhooks: WebhooksService,
    private readonly chatDestinations: ChatDestinationsService,
  ) {}

  /**
   * `around`: the instant the caller asks about; schedules are then loaded with
   * the overrides of [around - 1 day, around + 15 days) only, enough for paging
   * now and for the 7-day gap warnings.
   */
  async load(levels: Levels, em?: EntityManager, around?: Date): Promise<PolicyWarningContext> {
    const window = around ? { since: new Date(around.getTime() - DAY_MS), until: new Date(around.getTime() + 15 * DAY_MS) } : {};
    return this.loadWindow(levels, em, window);
  }

  /**
   * For a policy's warnings: schedules come with every override that has not
   * ended by `now`, however far ahead, so the users of future overrides are
   * checked too. The same three queries, whatever the number of overrides.
   */
  loadForWarnings(levels: Levels, now: Date): Promise<PolicyWarningContext> {
    return this.loadWindow(levels, undefined, { since: now });
  }

  /** One query for the schedules, one for their overrides in `window`, one for every user either names, one for webhooks, one for the rooms (when any). */
  private async loadWindow(
    levels: Levels,
    em: EntityManager | undefined,
    window: { since?: Date; until?: Date },
  ): Promise<PolicyWarningContext> {
    const { user: userIds, schedule: scheduleIds, webhook: webhookIds, chat: chatIds } = targetIdsByType(levels);
    const webhooks = await this.webhooks.states(webhookIds, em);
    const rooms = new Map((await this.chatDestinations.findMany(chatIds, em)).map((d) => [d.id, toChatDestinationSnapshot(d)]));
    const scheduleSnapshots = await this.schedules.loadSnapshots(scheduleIds, em, window);
    // Users reachable through a schedule are whoever it names: its rotations and its overrides.
    const usersBySchedule = new Map([...scheduleSnapshots].map(([id, s]) => [id, this.schedules.userIdsOf(s)]));
    const users = await this.users.loadSnapshots([...userIds, ...[...usersBySchedule.values()].flat()], em);
    const userSnapshots = new Map([...users.values()].map((u) => [u.id, toUserSnapshot(u)]));
    const schedules = this.schedules;
    return {
      getUser: (id) => userSnapshots.get(id),
      getWebhook: (id) => {
        const w = webhooks.get(id);
        return w ? { id, enabled: w.enabled, name: w.description } : undefined;
      },
      getChatDestination: (id) => rooms.get(id),
      hasSchedule: (id) => scheduleSnapshots.has(id),
      resolveSchedule: (id, at) => {
        const s = scheduleSnapshots.get(id);
        return s ? schedules.onCallAt(s, at) : null;
      },
      scheduleHasGap: (id, from, to) => {
        const s = scheduleSnapshots.get(id);
        return s ? schedules.hasGap(s, from, to) : true;
      },
      scheduleUserIds: (id) => usersBySchedule.get(id) ?? [],
    };
  }
}
