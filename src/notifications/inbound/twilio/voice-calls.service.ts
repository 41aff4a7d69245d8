import { Inject, Injectable, Logger } from '@nestjs/common';
import { isUuid } from '../../../common/parse-uuid.pipe';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { VOICE_DIGITS, renderVoiceResultTwiml, renderVoiceTwiml, spellDigits } from '../../channels/voice/voice-twiml.renderer';
import { toPageContent } from '../../incident-page.content';
import { logDeliveryReports } from '../../delivery-status.log';
import { IncidentPagesRepository } from '../../incident-pages.repository';
import { NotificationsRepository, type VoicePage } from '../../notifications.repository';
import { IncidentActionsService, type ResponderAction, describeOutcome, personActor } from '../incident-actions.service';

export const VOICE_GATHER_PATH = '/twilio/voice/gather';

const DIGIT_ACTIONS: Record<string, ResponderAction> = {
  [VOICE_DIGITS.acknowledge]: 'acknowledge',
  [VOICE_DIGITS.resolve]: 'resolve',
  [VOICE_DIGITS.escalate]: 'escalate',
};

/**
 * The TwiML of a page call: read the incident (as it is when the callee answers)
 * and gather one digit; 4 acknowledges, 6 resolves, 5 escalates as the paged user,
 * any other digit reads the incident again. Each (CallSid, digit) acts once: a
 * replayed gather (Twilio's signature carries no time) is told so and changes nothing.
 */
@Injectable()
export class VoiceCallsService {
  private readonly logger = new Logger(VoiceCallsService.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly incidentPages: IncidentPagesRepository,
    private readonly actions: IncidentActionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async answer(notificationId: string | undefined, prompt?: string): Promise<string> {
    const page = await this.page(notificationId);
    const incident = page && (await this.incidentPages.load([page.incidentId])).get(page.incidentId);
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
    logDeliveryReports(this.logger, await this.notifications.recordCallStatus(notificationId ?? '', callSid ?? '', status.slice(0, 40)));
  }

  private async page(notificationId: string | undefined): Promise<VoicePage | null> {
    if (!isUuid(notificationId)) return null;
    return this.notifications.findVoicePage(notificationId);
  }
}
