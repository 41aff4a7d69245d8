/**
 * The kinds of contact method a user can have, which are also the paging
 * channels. Owned by users (a contact method's type is user data);
 * notifications builds one channel per type.
 */
export type ChannelType = 'sms' | 'voice' | 'email' | 'slack';

export const CHANNEL_TYPES: readonly ChannelType[] = ['sms', 'voice', 'email', 'slack'];
