import { LogChannel } from '../../src/notifications/channels/log/log.channel';
import { ChannelType, CHANNEL_TYPES } from '../../src/notifications/channels/notification-channel';
import { ChannelRegistry, MapChannelRegistry } from '../../src/notifications/channel-registry';
import type { TestAppOptions } from './test-app';

/** One recording LogChannel per contact-method type, bound in place of the configured channels. */
export class RecordingChannels {
  readonly byType = new Map<ChannelType, LogChannel>(CHANNEL_TYPES.map((t) => [t, new LogChannel({ type: t })]));
  readonly registry = new MapChannelRegistry(this.byType);

  get(type: ChannelType): LogChannel {
    return this.byType.get(type)!;
  }

  /** Every page sent so far, oldest first, across channels. */
  all() {
    return [...this.byType.values()].flatMap((c) => c.sent);
  }

  clear(): void {
    for (const c of this.byType.values()) c.clear();
  }

  override(): TestAppOptions['override'] {
    return (builder) => builder.overrideProvider(ChannelRegistry).useValue(this.registry);
  }
}
