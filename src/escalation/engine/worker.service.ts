import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Client } from 'pg';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DispatcherService } from '../../notifications/dispatcher.service';
import { WORK_CHANNEL } from '../../notifications/outbox.service';
import { HeartbeatsService } from '../../services/heartbeats.service';
import { EscalationEngineService } from './escalation-engine.service';

const HEARTBEAT_CHECK_MS = 10_000;

/**
 * The worker role's loop. New work wakes it at once through LISTEN/NOTIFY (the
 * NOTIFY is sent by the committing transaction); otherwise it sleeps exactly
 * until the next due timer or page, never longer than the safety poll. The
 * sleep is only a wake-up: all state is in the database.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private running = false;
  private loopDone: Promise<void> | null = null;
  private listener: Client | null = null;
  private wake: (() => void) | null = null;
  private woken = false;
  private lastHeartbeatCheck = 0;

  constructor(
    private readonly engine: EscalationEngineService,
    private readonly dispatcher: DispatcherService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly heartbeats?: HeartbeatsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.KLAXON_ROLE === 'api') return;
    await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen();
    this.loopDone = this.loop();
    this.logger.log({ role: this.config.KLAXON_ROLE }, 'worker started');
  }

  /** Stops taking new work, lets sends under way finish, hands back what it had claimed. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.poke();
    await this.loopDone;
    await this.dispatcher.drainAndRelease();
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /**
   * One pass over everything due now: expired claims, timers, pages, heartbeat
   * checks. Returns true when a batch was full (more may be due right away).
   */
  async tick(): Promise<boolean> {
    await this.dispatcher.recoverExpiredClaims();
    const timers = await this.engine.fireDueTimers();
    const pages = await this.dispatcher.dispatchDue();
    const now = this.clock.now().getTime();
    if (this.heartbeats && now - this.lastHeartbeatCheck >= HEARTBEAT_CHECK_MS) {
      this.lastHeartbeatCheck = now;
      await this.heartbeats.checkOverdue(this.clock.now());
    }
    return timers > 0 || pages > 0;
  }

  /** For tests: run ticks until nothing is due at the clock's current time. */
  async drain(maxTicks = 1000): Promise<void> {
    this.lastHeartbeatCheck = 0;
    for (let i = 0; i < maxTicks; i++) if (!(await this.tick())) return;
    throw new Error('worker did not become idle');
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        this.woken = false;
        if (await this.tick()) continue;
        const next = await this.engine.nextDueAt();
        const until = next ? next.getTime() - this.clock.now().getTime() : Infinity;
        await this.sleep(Math.max(0, Math.min(until, this.config.KLAXON_SAFETY_POLL_MS)));
      } catch (e) {
        this.logger.error({ err: e }, 'worker tick failed; retrying');
        await this.sleep(Math.min(1000, this.config.KLAXON_SAFETY_POLL_MS));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || !this.running || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private poke(): void {
    this.woken = true;
    this.wake?.();
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', () => this.poke());
    client.on('error', (e) => {
      this.logger.warn({ err: e.message }, 'LISTEN connection lost; reconnecting');
      this.listener = null;
      setTimeout(() => this.running && void this.listen().catch(() => undefined), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${WORK_CHANNEL}`);
      this.listener = client;
      this.poke(); // anything committed while we were not listening
    } catch (e) {
      this.logger.warn({ err: (e as Error).message }, 'could not LISTEN; relying on the safety poll');
      await client.end().catch(() => undefined);
      if (this.running) setTimeout(() => this.running && void this.listen().catch(() => undefined), 1000).unref();
    }
  }
}
