import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IncidentWriteQueue } from '../incidents/incident-write-queue';
import { IncidentsService, type TimelineInput } from '../incidents/incidents.service';
import { pageTarget } from './channel-labels';
import { maskAddress } from './contact-address.mask';
import type { NotificationState } from './notification.entity';
import { type ClaimedPage, NotificationsRepository } from './notifications.repository';

/** At most this many outcomes in one transaction (a dispatch pass claims at most 50 pages). */
const MAX_OUTCOME_BATCH = 100;
/** Outcome batches in flight at once: the others wait, and grow, while these run. */
const MAX_OUTCOME_BATCHES_IN_FLIGHT = 2;

/** What a send attempt came to, besides the new state. */
export interface SendOutcome {
  provider?: string;
  providerMessageId?: string | null;
  error?: string;
  retryAt?: Date;
}

/** A claimed page's outcome, to record at `at`. */
export interface FinishedPage {
  row: ClaimedPage;
  state: NotificationState;
  outcome: SendOutcome;
  at: Date;
}

/**
 * Records page outcomes in batches (IncidentWriteQueue): every outcome that
 * finished while the previous batch ran, or in the same event-loop turn, is
 * written in one transaction: one UPDATE of the notifications (those still
 * `sending`), one INSERT of the timeline entries of the rows it updated. Each
 * caller is answered after that commit; if a batch fails, its outcomes are
 * written one by one, so one bad row fails alone.
 */
@Injectable()
export class PageOutcomesWriter implements OnModuleDestroy {
  private readonly logger = new Logger(PageOutcomesWriter.name);
  private readonly queue: IncidentWriteQueue<FinishedPage, boolean>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly incidents: IncidentsService,
  ) {
    this.queue = new IncidentWriteQueue((pages) => this.write(pages), {
      maxCommands: MAX_OUTCOME_BATCH,
      maxInFlight: MAX_OUTCOME_BATCHES_IN_FLIGHT,
      onBatchFailed: (err, n) => this.logger.warn({ err, pages: n }, 'page outcome batch failed; writing its outcomes one by one'),
    });
  }

  /** Resolves after the commit that holds the outcome: false when another worker had taken the row over (its outcome wins). */
  async record(page: FinishedPage): Promise<boolean> {
    const [recorded] = await this.queue.submit([page]);
    return recorded;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.drained();
  }

  private write(pages: FinishedPage[]): Promise<boolean[]> {
    return this.dataSource.transaction(async (em) => {
      const updated = await this.notifications.recordOutcomes(
        em,
        pages.map(({ row, state, outcome: o, at }) => ({
          id: row.id,
          state,
          provider: o.provider ?? null,
          providerMessageId: o.providerMessageId ?? null,
          error: o.error ?? null,
          at,
          retryAt: o.retryAt ?? null,
        })),
      );
      await this.incidents.appendTimelineMany(em, pages.filter((p) => updated.has(p.row.id)).map(timelineEntry));
      return pages.map((p) => updated.has(p.row.id));
    });
  }
}

/** The `notification` timeline entry of a recorded outcome. */
function timelineEntry({ row, state, outcome: o, at }: FinishedPage): TimelineInput & { incidentId: string } {
  const outcome = state === 'pending' ? 'retrying' : state;
  const what = pageTarget(row.channel, row.address);
  const message =
    state === 'sent'
      ? `${what}: sent${o.providerMessageId ? ` (${o.provider} ${o.providerMessageId})` : ''}`
      : state === 'pending'
        ? `${what}: attempt ${row.attempts} failed (${o.error}); retrying at ${o.retryAt!.toISOString()}`
        : `${what}: ${state}${o.error ? ` (${o.error})` : ''}`;
  return {
    incidentId: row.incidentId,
    type: 'notification',
    message,
    at,
    actor: { type: 'system', channel: 'system', name: 'dispatcher' },
    data: {
      notificationId: row.id,
      userId: row.userId,
      level: row.level,
      loop: row.loop,
      contactMethodId: row.contactMethodId,
      channel: row.channel,
      provider: o.provider ?? null,
      address: maskAddress(row.channel, row.address),
      outcome,
      attempt: row.attempts,
      providerMessageId: o.providerMessageId ?? null,
      error: o.error ?? null,
    },
  };
}
