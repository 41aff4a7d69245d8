import type { ChannelType } from './channels/notification-channel';

/** How the timeline names a page's channel: "SMS to …", "Voice call to …". */
export const CHANNEL_LABEL: Record<ChannelType, string> = { sms: 'SMS', voice: 'Voice call', email: 'Email', slack: 'Slack message' };
