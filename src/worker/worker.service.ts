import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TimerClaimerService } from '../escalation/engine/timer-claimer.service';
import { DispatcherService } from '../notifications/dispatcher.service';
import { HandoffSenderService } from '../handoff/handoff-sender.service';
import { HandoffTimerClaimerService } from '../handoff/handoff-timer-claimer.service';
import { ChannelListener } from '../database/channel-listener.repository';
import { isWorkKind, WORK_CHANNEL, type WorkKind } from '../database/work-channel';
import { HeartbeatsService } from '../services/heartbeats.service';
import { IncidentOpeningsRepository } from '../incidents/incident-openings.repository';
import { WebhookDeliveryService } from '../webhooks/webhook-delivery.service';
import { Waker } from './waker';

const HEARTBEAT_CHECK_MS = 10_000;
const CLAIM_RECOVERY_MS = 1_000;

/**
 * The worker role's loop. New work wakes it at once through LISTEN/NOTIFY (the
 * NOTIFY is sent by the committing transaction; its payload names the loop
 * the work is for, work-channel.ts, and only that loop wakes); otherwise it
 * sleeps exactly until the next due timer or page, never longer than the
 * safety poll. The sleep is only a wake-up: all state is in the database.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly listener: ChannelListener;
  private readonly wakers = new Map<WorkKind, Waker>();
  private lastHeartbeatCheck = 0;
  private lastClaimRecovery = 0;

  constructor(
    private readonly timers: TimerClaimerService,
    private readonly openings: IncidentOpeningsRepository,
    private readonly dispatcher: DispatcherService,
    private readonly heartbeats: HeartbeatsService,
    private readonly handoffTimers: HandoffTimerClaimerService,
    private readonly handoffSender: HandoffSenderService,
    private readonly webhooks: WebhookDeliveryService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.listener = new ChannelListener({
      url: config.databaseUrl,
      channel: WORK_CHANNEL,
      logger: this.logger,
      purpose: 'worker wake-ups (the safety poll covers the gap)',
      onNotification: (payload) => (isWorkKind(payload) ? this.poke(payload) : this.pokeAll()),
      // Anything committed while this process was not listening.
      onListening: () => this.pokeAll(),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.KLAXON_ROLE === 'api') return;
    await this.start();
  }

  /** Before the database pool closes (TypeORM closes it in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /**
   * Three loops share the process: one fires timers (escalation steps, ack
   * timeouts, auto-resolve, heartbeat checks), one drains the outbox, one
   * sends outgoing webhook deliveries. Pages never wait behind a long batch
   * of timers or a slow webhook receiver, and the other way round.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.timers.armEngineTimers();
    await this.handoffTimers.armHorizon();
    await this.listener.start();
    this.loops = [
      this.loop('timers', () => this.timerPass(), () => earliest(this.timers.nextDueAt(), this.handoffTimers.nextDueAt())),
      this.loop('outbox', () => this.dispatchPass(), () => earliest(this.dispatcher.nextDueAt(), this.handoffSender.nextDueAt())),
      this.loop('webhooks', async () => (await this.webhooks.pass()) > 0, () => this.webhooks.nextDueAt()),
    ];
    this.logger.debug({ role: this.config.KLAXON_ROLE }, 'worker started');
  }

  /** Stops taking new work, lets sends under way finish, hands back what it had claimed. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.pokeAll();
    await Promise.all(this.loops);
    try {
      await this.dispatcher.drainAndRelease();
      await this.handoffSender.drainAndRelease();
    } catch (e) {
      // E.g. Ctrl-C also stopped the embedded PostgreSQL (same process group). Nothing is lost:
      // claims left behind are retried by the next worker after KLAXON_CLAIM_TIMEOUT_MS.
      this.logger.warn(
        { err: (e as Error).message, retryAfterMs: this.config.KLAXON_CLAIM_TIMEOUT_MS },
        'could not hand back claimed pages; another worker sends them once their claim expires',
      );
    }
    await this.listener.stop();
  }

  /** One pass of every loop. Returns true when any had work (more may be due right away). */
  async tick(): Promise<boolean> {
    const timers = await this.timerPass();
    const pages = await this.dispatchPass();
    const webhooks = (await this.webhooks.pass()) > 0;
    return timers || pages || webhooks;
  }

  /** For tests: run passes until nothing is due at the clock's current time. */
  async drain(maxTicks = 1000): Promise<void> {
    this.lastHeartbeatCheck = 0;
    this.lastClaimRecovery = 0;
    for (let i = 0; i < maxTicks; i++) if (!(await this.tick())) return;
    throw new Error('worker did not become idle');
  }

  private async timerPass(): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (now - this.lastHeartbeatCheck >= HEARTBEAT_CHECK_MS) {
      this.lastHeartbeatCheck = now;
      await this.heartbeats.checkOverdue(this.clock.now());
    }
    // New incidents first (one claim hands them to the engine, Slack and webhooks): their start
    // timers are due at once and fire in this same pass.
    const opened = await this.openings.claimOpened(this.clock.now());
    const fired = (await this.timers.fireDueTimers()) + (await this.handoffTimers.fireDue());
    // Pages a fired step or the claim (a Slack channel post) wrote are this worker's to send: wake its
    // outbox loop directly (no NOTIFY per step, whose commit-time lock serialises commits). Other
    // workers find them on their own next pass if this one dies first. (Webhook deliveries the claim
    // or a step queued wake the webhooks loops with their own NOTIFY.)
    if (fired > 0 || opened > 0) this.poke('outbox');
    return fired > 0 || opened > 0;
  }

  private async dispatchPass(): Promise<boolean> {
    const now = this.clock.now().getTime();
    // Claims only expire after KLAXON_CLAIM_TIMEOUT_MS: checking a few times a second is plenty.
    if (now - this.lastClaimRecovery >= CLAIM_RECOVERY_MS) {
      this.lastClaimRecovery = now;
      await this.dispatcher.recoverExpiredClaims();
      await this.handoffSender.recoverExpiredClaims();
    }
    const pages = await this.dispatcher.dispatchDue();
    const handoffs = await this.handoffSender.sendDue();
    return pages + handoffs > 0;
  }

  private async loop(name: WorkKind, pass: () => Promise<boolean>, nextDueAt: () => Promise<Date | null>): Promise<void> {
    const waker = new Waker();
    this.wakers.set(name, waker);
    try {
      while (this.running) {
        try {
          waker.reset();
          if (await pass()) continue;
          const next = await nextDueAt();
          const until = next ? next.getTime() - this.clock.now().getTime() : Infinity;
          await waker.sleep(Math.max(0, Math.min(until, this.config.KLAXON_SAFETY_POLL_MS)));
        } catch (e) {
          // While stopping, a pass cut short (the database stopping too) loses nothing: claims expire and are retried.
          if (!this.running) {
            this.logger.debug({ err: (e as Error).message, loop: name }, 'worker pass interrupted by shutdown');
            break;
          }
          this.logger.error({ err: e, loop: name }, 'worker pass failed; retrying');
          await waker.sleep(Math.min(1000, this.config.KLAXON_SAFETY_POLL_MS));
        }
      }
    } finally {
      this.wakers.delete(name);
    }
  }

  private poke(kind: WorkKind): void {
    this.wakers.get(kind)?.poke();
  }

  private pokeAll(): void {
    for (const w of this.wakers.values()) w.poke();
  }
}

/** The earlier of two due times (null: nothing due). */
async function earliest(a: Promise<Date | null>, b: Promise<Date | null>): Promise<Date | null> {
  const [x, y] = await Promise.all([a, b]);
  if (!x || !y) return x ?? y;
  return x.getTime() <= y.getTime() ? x : y;
}
