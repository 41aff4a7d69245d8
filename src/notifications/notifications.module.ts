import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboundSender } from '../common/outbound-http/outbound-sender';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { IncidentsModule } from '../incidents/incidents.module';
import { UsersModule } from '../users/users.module';
import { ChannelType, NotificationChannel } from './channels/notification-channel';
import { SmtpEmailChannel } from './channels/email/smtp-email.channel';
import { ChatWebhookChannel } from './channels/chat-webhook/chat-webhook.channel';
import { chatWebhookPoster } from './channels/chat-webhook/chat-webhook-poster';
import { renderMattermostMessage } from './channels/mattermost/mattermost-message.renderer';
import { SlackChatChannel } from './channels/slack/slack-chat.channel';
import { SlackRoomChannel } from './channels/slack/slack-room.channel';
import { renderTeamsMessage } from './channels/teams/teams-card.renderer';
import { TwilioSmsChannel } from './channels/sms/twilio-sms.channel';
import { TwilioVoiceChannel } from './channels/voice/twilio-voice.channel';
import { ActionTokenService } from './action-tokens/action-token.service';
import { IncidentLink } from './action-tokens/incident-link.entity';
import { IncidentLinksRepository } from './action-tokens/incident-links.repository';
import { IncidentLinksService } from './action-tokens/incident-links.service';
import { KlaxonSetting } from './action-tokens/klaxon-setting.entity';
import { KlaxonSettingsRepository } from './action-tokens/klaxon-settings.repository';
import { UsedActionToken } from './action-tokens/used-action-token.entity';
import { UsedActionTokensRepository } from './action-tokens/used-action-tokens.repository';
import { ChannelRegistry, MapChannelRegistry } from './channel-registry';
import { DirectPagerHook } from './direct-pager.hook';
import { DispatcherService } from './dispatcher.service';
import { IncidentPagesRepository } from './incident-pages.repository';
import { Notification } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsRetention } from './notifications-retention';
import { OutboxService } from './outbox.service';
import { PageOutcomesWriter } from './page-outcomes.writer';
import { IncidentNotificationsController } from './page-history/incident-notifications.controller';
import { PageHistoryService } from './page-history/page-history.service';
import { NotificationsRateLimitRepository } from './rate-limit/notifications-rate-limit.repository';
import { PageRateLimiterService } from './rate-limit/page-rate-limiter.service';
import { SlackChannelAnnouncer } from './slack-updates/slack-channel-announcer';
import { SlackChannelAnnouncerRepository } from './slack-updates/slack-channel-announcer.repository';
import { PageOutboxRepository } from './page-outbox.repository';
import { SlackIncidentListener } from './slack-updates/slack-incident.listener';
import { SlackMessageUpdate } from './slack-updates/slack-message-update.entity';
import { SlackMessageUpdaterService } from './slack-updates/slack-message-updater.service';
import { SlackMessageUpdatesRepository } from './slack-updates/slack-message-updates.repository';

/** Where Twilio posts SMS delivery status (MessageStatus) for the notification it belongs to. */
export const SMS_STATUS_PATH = '/twilio/sms/status';

/**
 * The real channels for the configured providers; a channel without credentials is left out (pages skipped).
 * Teams and Mattermost post through `sender`, the one way out to a URL a user gave.
 */
export function channelsFromConfig(config: AppConfig, sender: OutboundSender): Map<ChannelType, NotificationChannel> {
  const channels = new Map<ChannelType, NotificationChannel>();
  const twilio = {
    accountSid: config.TWILIO_ACCOUNT_SID,
    authToken: config.TWILIO_AUTH_TOKEN,
    from: config.TWILIO_FROM,
    apiBaseUrl: config.TWILIO_API_URL,
  };
  const publicUrl = config.PUBLIC_URL?.replace(/\/+$/, '');
  const slack = new SlackChatChannel({ botToken: config.SLACK_BOT_TOKEN, apiBaseUrl: config.SLACK_API_URL });
  const chatPoster = chatWebhookPoster(sender);
  const candidates: NotificationChannel[] = [
    new TwilioSmsChannel({ ...twilio, statusCallbackUrl: publicUrl ? `${publicUrl}${SMS_STATUS_PATH}` : undefined }),
    new TwilioVoiceChannel({ ...twilio, publicUrl: config.PUBLIC_URL }),
    new SmtpEmailChannel({ smtpUrl: config.SMTP_URL, from: config.SMTP_FROM }),
    slack,
    // Chat destinations (docs/chat-destinations.md): the webhook URL of each room is its credential.
    new ChatWebhookChannel('teams', renderTeamsMessage, chatPoster),
    new ChatWebhookChannel('mattermost', renderMattermostMessage, chatPoster),
    new SlackRoomChannel(slack),
  ];
  for (const c of candidates) if (c.isConfigured()) channels.set(c.type, c);
  return channels;
}

@Module({
  imports: [IncidentsModule, UsersModule, TypeOrmModule.forFeature([Notification, KlaxonSetting, UsedActionToken, IncidentLink, SlackMessageUpdate])],
  controllers: [IncidentNotificationsController],
  providers: [
    NotificationsRepository,
    PageHistoryService,
    NotificationsRateLimitRepository,
    SlackMessageUpdatesRepository,
    KlaxonSettingsRepository,
    IncidentPagesRepository,
    OutboxService,
    DispatcherService,
    PageOutcomesWriter,
    ActionTokenService,
    IncidentLinksRepository,
    IncidentLinksService,
    PageRateLimiterService,
    SlackMessageUpdaterService,
    SlackIncidentListener,
    SlackChannelAnnouncerRepository,
    PageOutboxRepository,
    SlackChannelAnnouncer,
    UsedActionTokensRepository,
    NotificationsRetention,
    DirectPagerHook,
    {
      provide: ChannelRegistry,
      inject: [APP_CONFIG, OutboundSender],
      useFactory: (config: AppConfig, sender: OutboundSender) => {
        const channels = channelsFromConfig(config, sender);
        new Logger('Channels').debug({ configured: [...channels.keys()] }, 'paging channels');
        return new MapChannelRegistry(channels);
      },
    },
  ],
  exports: [PageOutboxRepository, OutboxService, DispatcherService, ChannelRegistry, ActionTokenService, IncidentLinksService, DirectPagerHook],
})
export class NotificationsModule {}
