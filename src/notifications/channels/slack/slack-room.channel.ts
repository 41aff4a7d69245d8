import type { NotificationChannel, OutgoingNotification, SendResult } from '../notification-channel';
import type { SlackChatChannel } from './slack-chat.channel';

/**
 * A chat destination's Slack channel: the same message, blocks and
 * Acknowledge/Resolve/Escalate buttons as a Slack page, posted by the same
 * client (the address is the channel id). Presses act like presses on a
 * direct page (the presser's linked Klaxon user acts), and the message is
 * rewritten when the incident changes, like every Slack message of the incident.
 */
export class SlackRoomChannel implements NotificationChannel {
  readonly type = 'slack-channel' as const;
  readonly provider = 'slack';

  constructor(private readonly slack: SlackChatChannel) {}

  isConfigured(): boolean {
    return this.slack.isConfigured();
  }

  send(notification: OutgoingNotification): Promise<SendResult> {
    return this.slack.send(notification);
  }
}
