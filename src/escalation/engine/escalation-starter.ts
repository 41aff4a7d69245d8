import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IncidentOpeningListener, IncidentOpeningsRepository, OpenedIncident } from '../../incidents/incident-openings.repository';
import { EscalationStepKind } from './kinds/escalation-step.kind';
import type { DueTimer } from './timer-data';
import type { FiringTimer } from './timer-kind';
import { TimerIncidentsRepository } from './timer-incidents.repository';
import { TimerKinds } from './timer-kinds';
import { TimersRepository } from './timers.repository';

/**
 * How escalation starts: the incidents module claims new incidents once
 * (incident-openings.repository.ts) and hands each batch, in the claiming
 * transaction, to this listener. It fires each incident's first escalation
 * step there and then (`EscalationStepKind.fireBatch`, exactly what a `start`
 * timer firing would do, with the incident already locked by the claim), so
 * the first pages are written in the claim's commit; and it arms the
 * service's auto-resolve timer, due from the incident's opening (or from its
 * release, for one a maintenance window held).
 *
 * The first steps run inside a savepoint: if they fail (a policy the planner
 * cannot read, a lost connection mid-way), the savepoint is rolled back and
 * each incident gets a `start` timer instead, which the timer loop fires with
 * its usual retries and backoff. A claim never fails for its escalation, so
 * one bad incident never holds up the others.
 *
 * An incident resolved before the claim gets nothing; a suppressed one (an
 * event router's `suppress`) its auto-resolve timer and no escalation.
 * Registered at start in every role, like the lifecycle listener.
 */
@Injectable()
export class EscalationStarter implements OnModuleInit, IncidentOpeningListener {
  private readonly logger = new Logger('Escalation');

  constructor(
    private readonly openings: IncidentOpeningsRepository,
    private readonly timers: TimersRepository,
    private readonly incidents: TimerIncidentsRepository,
    private readonly kinds: TimerKinds,
    private readonly steps: EscalationStepKind,
  ) {}

  onModuleInit(): void {
    this.openings.registerListener(this);
  }

  async onIncidentsOpened(em: EntityManager, opened: readonly OpenedIncident[], now: Date): Promise<void> {
    const starting = opened.filter((o) => o.starts && o.status !== 'resolved');
    const started = await this.startNow(em, starting.filter((o) => !o.suppressed), now);
    await this.timers.insertStartTimers(
      em,
      starting.map((o) => ({ incidentId: o.id, serviceId: o.serviceId, startsFrom: o.startsFrom, escalates: !o.suppressed && !started })),
    );
  }

  /** Fires the first steps in a savepoint; true when they were written, false when the start timers must do it. */
  private async startNow(em: EntityManager, escalating: readonly OpenedIncident[], now: Date): Promise<boolean> {
    if (!escalating.length) return true;
    try {
      await em.transaction(async (savepoint) => {
        const incidents = await this.incidents.read(savepoint, escalating.map((o) => o.id));
        const firing: FiringTimer<'escalation'>[] = [];
        for (const o of escalating) {
          const incident = incidents.get(o.id);
          const timer: DueTimer<'escalation'> = { id: '', incidentId: o.id, dueAt: o.startsFrom, attempts: 0, kind: 'escalation', data: { input: 'start' } };
          if (incident && !this.kinds.isNoop(timer, incident)) firing.push({ timer, incident });
        }
        if (!firing.length) return;
        await this.timers.insert(savepoint, await this.steps.fireBatch(savepoint, firing, now));
      });
      return true;
    } catch (e) {
      this.logger.warn({ err: e, incidents: escalating.length }, 'could not start escalation with the claim; the start timers will');
      return false;
    }
  }
}
