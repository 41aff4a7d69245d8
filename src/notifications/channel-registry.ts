import type { ChannelType, NotificationChannel, OutgoingNotification, SendResult } from './channels/notification-channel';
import { CHANNEL_TYPES, ChannelError } from './channels/notification-channel';

/** The channels this process pages through, one per contact-method type. */
export abstract class ChannelRegistry {
  abstract get(type: ChannelType): NotificationChannel;
}

/** The channel types a registry can page through (the others' pages are skipped). */
export function configuredChannels(registry: ChannelRegistry): ChannelType[] {
  return CHANNEL_TYPES.filter((type) => registry.get(type).isConfigured());
}

export class MapChannelRegistry extends ChannelRegistry {
  constructor(private readonly channels: Map<ChannelType, NotificationChannel>) {
    super();
  }

  get(type: ChannelType): NotificationChannel {
    return this.channels.get(type) ?? new UnconfiguredChannel(type);
  }
}

/** Stands for a channel without credentials: the dispatcher records its pages as `skipped: not configured`. */
export class UnconfiguredChannel implements NotificationChannel {
  readonly provider = 'none';

  constructor(readonly type: ChannelType) {}

  isConfigured(): boolean {
    return false;
  }

  async send(_n: OutgoingNotification): Promise<SendResult> {
    throw new ChannelError(`${this.type} is not configured`, false, 'not-configured');
  }
}
