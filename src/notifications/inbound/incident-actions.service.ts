import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { isUuid } from '../../common/parse-uuid.pipe';
import type { IncidentActionType } from '../../incidents/domain/incident-state';
import type { Actor } from '../../incidents/incident-lifecycle';
import { IncidentsService } from '../../incidents/incidents.service';
import type { ChannelType } from '../channels/notification-channel';
import { type InboundReceiptKey, InboundReceiptsRepository } from './inbound-receipts.repository';
import { type Responder, RespondersRepository } from './responders.repository';

export type { Responder } from './responders.repository';

export type ResponderAction = Extract<IncidentActionType, 'acknowledge' | 'resolve' | 'escalate'>;

export interface ActionOutcome {
  /** done: the state changed; unchanged: idempotent repeat; conflict: not allowed now (e.g. ack after resolve). */
  kind: 'done' | 'unchanged' | 'conflict' | 'not-found';
  incidentNumber?: number;
  status?: string;
  title?: string;
}

class RollBack extends Error {
  constructor(readonly outcome: ActionOutcome) {
    super('roll back');
  }
}

/**
 * What every two-way channel does with a person's answer: find who they are, then
 * run the action through IncidentsService in one transaction (so the engine's
 * listener stops escalation and the Slack listener queues message updates with it).
 */
@Injectable()
export class IncidentActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly receipts: InboundReceiptsRepository,
    private readonly responders: RespondersRepository,
    private readonly clock: Clock,
  ) {}

  async responderByContact(types: ChannelType[], address: string): Promise<Responder | null> {
    return this.responders.byContact(types, address);
  }

  async responderById(userId: string | null): Promise<Responder | null> {
    if (!userId) return null;
    return this.responders.byId(userId);
  }

  /**
   * Runs the action; `before` runs first in the same transaction (e.g. marking a
   * link token used) and is rolled back with it when the action conflicts.
   */
  async perform(
    incidentId: string,
    action: ResponderAction,
    actor: Actor,
    before?: (em: EntityManager) => Promise<void>,
  ): Promise<ActionOutcome> {
    try {
      return await this.dataSource.transaction(async (em) => {
        if (before) await before(em);
        const outcome = await this.performIn(em, incidentId, action, actor);
        if (outcome.kind === 'conflict' || outcome.kind === 'not-found') throw new RollBack(outcome);
        return outcome;
      });
    } catch (e) {
      if (e instanceof RollBack) return e.outcome;
      throw e;
    }
  }

  /**
   * Runs the action once per inbound receipt (an SMS's MessageSid, a Slack press):
   * the receipt and the action commit together, so of two deliveries of one signed
   * request exactly one acts. A refused action keeps its receipt: a replay is
   * refused even if the incident has changed since. Null: already received.
   */
  performOnce(receipt: InboundReceiptKey, incidentId: string, action: ResponderAction, actor: Actor): Promise<ActionOutcome | null> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.claimReceipt(em, receipt))) return null;
      return this.performIn(em, incidentId, action, actor);
    });
  }

  /** Records an inbound receipt in the caller's transaction; false: already received (a replay). */
  claimReceipt(em: EntityManager, receipt: InboundReceiptKey): Promise<boolean> {
    return this.receipts.claim(em, receipt, this.clock.now());
  }

  /** The action in the caller's transaction; a conflict or an unknown incident changes nothing. */
  async performIn(em: EntityManager, incidentId: string, action: ResponderAction, actor: Actor): Promise<ActionOutcome> {
    const result = isUuid(incidentId) ? await this.incidents.actIn(em, incidentId, action, actor) : null;
    if (result?.kind !== 'act') return { kind: 'not-found' };
    const { incident, transition } = result;
    return {
      kind: transition.outcome === 'changed' ? 'done' : transition.outcome === 'noop' ? 'unchanged' : 'conflict',
      incidentNumber: Number(incident.number),
      status: incident.status,
      title: incident.title,
    };
  }
}

export function personActor(responder: Responder, channel: Actor['channel']): Actor {
  return { type: 'user', id: responder.userId, name: responder.name, channel };
}

const PAST: Record<ResponderAction, string> = { acknowledge: 'acknowledged', resolve: 'resolved', escalate: 'escalated' };

/** One short sentence for SMS, voice and Slack answers. */
export function describeOutcome(action: ResponderAction, o: ActionOutcome, numberLabel: string): string {
  switch (o.kind) {
    case 'not-found':
      return `Incident ${numberLabel} not found.`;
    case 'conflict':
      return `Incident ${numberLabel} is ${o.status}; it cannot be ${PAST[action]}.`;
    case 'unchanged':
      return `Incident ${numberLabel} is already ${o.status}.`;
    case 'done':
      return `Incident ${numberLabel} ${PAST[action]}.`;
  }
}
