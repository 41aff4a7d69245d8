import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IncidentsQueryService } from '../../../incidents/incidents-query.service';
import { UsersService } from '../../../users/users.service';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../../common/clock';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { logDeliveryReports } from '../../delivery-status.log';
import { NotificationsRepository } from '../../notifications.repository';
import { IncidentActionsService, type Responder, describeOutcome, personActor } from '../incident-actions.service';
import { SmsHelpRepliesRepository } from './sms-help-replies.repository';
import { SMS_HELP_TEXT, type SmsCommand, parseSmsReply } from './sms-reply.parser';

const PHONE_TYPES = ['sms', 'voice'] as const;

export interface InboundSms {
  messageSid: string;
  from: string;
  body: string;
}

/** Who answered and which incident they mean, looked up before the transaction that acts. */
interface ActionTarget {
  responder: Responder | null;
  incidentId: string | null;
}

/**
 * Inbound SMS: acts on the incident a reply names (or the latest one paged to the
 * number), honours STOP/START, and answers unknown texts with help at most
 * KLAXON_SMS_HELP_REPLY_LIMIT times until a valid reply. Returns the one SMS to
 * answer with, or null for silence.
 *
 * Twilio's signature carries no time, so a captured request stays valid forever:
 * each MessageSid is acted on once. Its receipt and every write of the reply
 * (action, STOP/START, help count) commit in one transaction; a replay is silence.
 */
@Injectable()
export class SmsRepliesService {
  private readonly logger = new Logger(SmsRepliesService.name);
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly helpReplies: SmsHelpRepliesRepository,
    private readonly actions: IncidentActionsService,
    private readonly incidents: IncidentsQueryService,
    private readonly clock: Clock,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(sms: InboundSms): Promise<string | null> {
    const command = parseSmsReply(sms.body);
    const target = command.kind === 'action' ? await this.target(sms.from, command) : null;
    return this.dataSource.transaction(async (em) => {
      if (!(await this.actions.claimReceipt(em, { source: 'twilio-sms', receiptId: sms.messageSid }))) return null;
      return this.reply(em, sms.from, command, target);
    });
  }

  private async reply(em: EntityManager, from: string, command: SmsCommand, target: ActionTarget | null): Promise<string | null> {
    if (command.kind === 'stop' || command.kind === 'start') {
      await this.setEnabled(em, from, command.kind === 'start');
      await this.resetHelp(em, from);
      // Twilio answers STOP itself (and blocks further texts); START gets our confirmation.
      return command.kind === 'start' ? 'Klaxon: pages to this number are enabled again.' : null;
    }
    if (command.kind === 'unknown' || !target) return this.help(em, from);
    if (!target.responder) return this.help(em, from, 'Klaxon: this number is not linked to a Klaxon user.');
    await this.resetHelp(em, from);
    const label = command.incidentNumber ? `#${command.incidentNumber}` : 'latest';
    if (!target.incidentId) return command.incidentNumber ? `Klaxon: incident ${label} not found.` : 'Klaxon: no page was sent to this number.';
    const outcome = await this.actions.performIn(em, target.incidentId, command.action, personActor(target.responder, 'sms'));
    const numberLabel = outcome.incidentNumber ? `#${outcome.incidentNumber}` : label;
    return `Klaxon: ${describeOutcome(command.action, outcome, numberLabel)}`;
  }

  private async target(from: string, command: Extract<SmsCommand, { kind: 'action' }>): Promise<ActionTarget> {
    const responder = await this.actions.responderByContact([...PHONE_TYPES], from);
    if (!responder) return { responder, incidentId: null };
    const incidentId = command.incidentNumber
      ? await this.incidents.idByNumber(command.incidentNumber)
      : await this.notifications.latestIncidentPagedToPhone(from);
    return { responder, incidentId };
  }

  /** Records a delivery status callback on the page it belongs to; false when no page has that id. */
  async recordDeliveryStatus(providerMessageId: string, status: string): Promise<boolean> {
    const reports = await this.notifications.recordDeliveryStatus(providerMessageId, status.slice(0, 40));
    logDeliveryReports(this.logger, reports);
    return reports.length > 0;
  }

  private setEnabled(em: EntityManager, address: string, enabled: boolean): Promise<void> {
    return this.users.setPhoneEnabledByAddress(em, PHONE_TYPES, address, enabled);
  }

  /** Counts the help text atomically (concurrent texts from one number cannot pass the cap). */
  private async help(em: EntityManager, address: string, text: string = SMS_HELP_TEXT): Promise<string | null> {
    const limit = this.config.KLAXON_SMS_HELP_REPLY_LIMIT;
    const count = await this.helpReplies.countOne(em, address, this.clock.now(), limit);
    return count !== null && count <= limit ? text : null;
  }

  private async resetHelp(em: EntityManager, address: string): Promise<void> {
    return this.helpReplies.reset(em, address);
  }
}
