import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from '../../../common/parse-uuid.pipe';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { VOICE_DIGITS, renderVoiceResultTwiml, renderVoiceTwiml, spellDigits } from '../../channels/voice/voice-twiml.renderer';
import { loadIncidentInfos, toPageContent } from '../../incident-page.content';
import { IncidentActionsService, type ResponderAction, describeOutcome, personActor } from '../incident-actions.service';

export const VOICE_GATHER_PATH = '/twilio/voice/gather';

const DIGIT_ACTIONS: Record<string, ResponderAction> = {
  [VOICE_DIGITS.acknowledge]: 'acknowledge',
  [VOICE_DIGITS.resolve]: 'resolve',
  [VOICE_DIGITS.escalate]: 'escalate',
};

interface CallPage {
  incidentId: string;
  userId: string | null;
  address: string;
}

/**
 * The TwiML of a page call: read the incident (as it is when the callee answers)
 * and gather one digit; 4 acknowledges, 6 resolves, 5 escalates as the paged user,
 * any other digit reads the incident again. Each (CallSid, digit) acts once: a
 * replayed gather (Twilio's signature carries no time) is told so and changes nothing.
 */
@Injectable()
export class VoiceCallsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actions: IncidentActionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async answer(notificationId: string | undefined, prompt?: string): Promise<string> {
    const page = await this.page(notificationId);
    const incident = page && (await loadIncidentInfos(this.dataSource, [page.incidentId])).get(page.incidentId);
    if (!page || !incident) return renderVoiceResultTwiml('This Klaxon page is no longer available. Goodbye.');
    const base = this.config.PUBLIC_URL?.replace(/\/+$/, '') ?? '';
    const gatherActionUrl = `${base}${VOICE_GATHER_PATH}?notification=${encodeURIComponent(notificationId ?? '')}`;
    return renderVoiceTwiml(toPageContent(incident), { gatherActionUrl, prompt });
  }

  async gather(notificationId: string | undefined, callSid: string, digits: string | undefined): Promise<string> {
    const action = DIGIT_ACTIONS[digits ?? ''];
    if (!action) return this.answer(notificationId, 'Sorry, that is not an option. Press 4 to acknowledge, 6 to resolve, 5 to escalate.');
    const page = await this.page(notificationId);
    if (!page) return renderVoiceResultTwiml('This Klaxon page is no longer available. Goodbye.');
    const responder =
      (await this.actions.responderById(page.userId)) ?? (await this.actions.responderByContact(['voice', 'sms'], page.address));
    if (!responder) return renderVoiceResultTwiml('This number is not linked to a Klaxon user. Goodbye.');
    const receipt = { source: 'twilio-voice-gather', receiptId: `${callSid}:${digits}` } as const;
    const outcome = await this.actions.performOnce(receipt, page.incidentId, action, personActor(responder, 'voice'));
    if (!outcome) return renderVoiceResultTwiml('This answer was already received. Goodbye.');
    const label = outcome.incidentNumber ? `number ${spellDigits(outcome.incidentNumber)}` : '';
    return renderVoiceResultTwiml(`${describeOutcome(action, outcome, label)} Goodbye.`);
  }

  async recordCallStatus(notificationId: string | undefined, callSid: string | undefined, status: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET delivery_status = $3, updated_at = now()
        WHERE channel = 'voice' AND (id::text = $1 OR provider_message_id = $2)`,
      [notificationId ?? '', callSid ?? '', status.slice(0, 40)],
    );
  }

  private async page(notificationId: string | undefined): Promise<CallPage | null> {
    if (!isUuid(notificationId)) return null;
    const rows: { incident_id: string; user_id: string | null; address: string }[] = await this.dataSource.query(
      `SELECT incident_id, user_id, address FROM notifications WHERE id = $1 AND channel = 'voice'`,
      [notificationId],
    );
    return rows[0] ? { incidentId: rows[0].incident_id, userId: rows[0].user_id, address: rows[0].address } : null;
  }
}
