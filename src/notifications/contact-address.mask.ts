import { maskCredentialUrl } from '../common/credential-redaction';
import type { ChannelType } from './channels/notification-channel';

/**
 * A contact address as read-only API keys and the logs see it: enough to tell two numbers or
 * mailboxes apart, not enough to call or write to them. Phone numbers keep the
 * country's "+" and the last four digits, email addresses the first character
 * and the domain, Slack ids their first three characters, chat webhook URLs
 * their scheme and host.
 */
export function maskAddress(channel: ChannelType, address: string): string {
  switch (channel) {
    case 'sms':
    case 'voice': {
      const digits = address.replace(/\D/g, '');
      return `+${'•'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
    }
    case 'email': {
      const at = address.lastIndexOf('@');
      return at > 0 ? `${address[0]}•••${address.slice(at)}` : '•••';
    }
    case 'slack':
    case 'slack-channel':
      return `${address.slice(0, 3)}•••`;
    case 'teams':
    case 'mattermost':
      // The incoming-webhook URL is the room's credential: its scheme and host only.
      return maskCredentialUrl(address);
  }
}
