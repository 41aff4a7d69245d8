import type { ChannelType } from './channels/notification-channel';
import { maskAddress } from './contact-address.mask';

/** How the timeline names a page's channel: "SMS to …", "Voice call to …". */
export const CHANNEL_LABEL: Record<ChannelType, string> = {
  sms: 'SMS',
  voice: 'Voice call',
  email: 'Email',
  slack: 'Slack message',
  teams: 'Microsoft Teams card',
  mattermost: 'Mattermost message',
  'slack-channel': 'Slack channel message',
};

/**
 * Where a page went, as the timeline says it: "SMS to +•••••••0123". Every
 * key that reads the incident reads its timeline, so the address is masked
 * there; responder and admin keys see it whole in the incident's pages list.
 */
export function pageTarget(channel: ChannelType, address: string): string {
  return `${CHANNEL_LABEL[channel]} to ${maskAddress(channel, address)}`;
}
