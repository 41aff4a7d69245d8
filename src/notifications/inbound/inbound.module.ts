import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../../users/users.module';
import { IncidentsModule } from '../../incidents/incidents.module';
import { MaintenanceModule } from '../../maintenance/maintenance.module';
import { SchedulesModule } from '../../schedules/schedules.module';
import { UsedActionTokensRepository } from '../action-tokens/used-action-tokens.repository';
import { IncidentPagesRepository } from '../incident-pages.repository';
import { NotificationsModule } from '../notifications.module';
import { NotificationsRepository } from '../notifications.repository';
import { EmailActionsController } from './email-actions/email-actions.controller';
import { EmailActionsService } from './email-actions/email-actions.service';
import { IncidentActionsService } from './incident-actions.service';
import { IncidentLinkActionsService } from './incident-links/incident-link-actions.service';
import { IncidentLinkController } from './incident-links/incident-link.controller';
import { InboundReceipt } from './inbound-receipt.entity';
import { InboundReceiptsRepository } from './inbound-receipts.repository';
import { InboundRetention } from './inbound-retention';
import { RespondersRepository } from './responders.repository';
import { OnCallAnswerService } from './slack/oncall-answer.service';
import { OnCallLookupRepository } from './slack/oncall-lookup.repository';
import { PageCommandService } from './slack/page-command.service';
import { PageTargetsRepository } from './slack/page-targets.repository';
import { SlackEventsController } from './slack/slack-events.controller';
import { SlackEventsService } from './slack/slack-events.service';
import { SlackInteractionsService } from './slack/slack-interactions.service';
import { SlackLinkController } from './slack/slack-link.controller';
import { SlackUserLinker } from './slack/slack-user-linker';
import { SlackDirectory } from '../channels/slack/slack-directory';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { SmsHelpRepliesRepository } from './twilio/sms-help-replies.repository';
import { SmsHelpReply } from './twilio/sms-help-reply.entity';
import { SmsRepliesService } from './twilio/sms-replies.service';
import { TwilioSignatureGuard } from './twilio/twilio-signature.guard';
import { TwilioSmsController } from './twilio/twilio-sms.controller';
import { TwilioVoiceController } from './twilio/twilio-voice.controller';
import { VoiceCallsService } from './twilio/voice-calls.service';

/**
 * The answering half of the two-way channels: Twilio SMS and voice webhooks, email
 * action links and Slack interactions, each acting through IncidentsService. The
 * notifications repositories it uses are provided here (stateless), not exported
 * by NotificationsModule, so that no other module reaches them.
 */
@Module({
  imports: [IncidentsModule, MaintenanceModule, NotificationsModule, SchedulesModule, UsersModule, TypeOrmModule.forFeature([SmsHelpReply, InboundReceipt])],
  controllers: [TwilioSmsController, TwilioVoiceController, EmailActionsController, IncidentLinkController, SlackEventsController, SlackLinkController],
  providers: [
    InboundReceiptsRepository,
    NotificationsRepository,
    IncidentPagesRepository,
    UsedActionTokensRepository,
    RespondersRepository,
    SmsHelpRepliesRepository,
    InboundRetention,
    OnCallLookupRepository,
    IncidentActionsService,
    TwilioSignatureGuard,
    SmsRepliesService,
    VoiceCallsService,
    EmailActionsService,
    IncidentLinkActionsService,
    OnCallAnswerService,
    PageTargetsRepository,
    SlackUserLinker,
    {
      provide: SlackDirectory,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SlackDirectory({ botToken: config.SLACK_BOT_TOKEN, apiBaseUrl: config.SLACK_API_URL }),
    },
    PageCommandService,
    SlackInteractionsService,
    SlackEventsService,
  ],
})
export class InboundChannelsModule {}
