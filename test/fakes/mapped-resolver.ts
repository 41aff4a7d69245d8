import type { Resolver } from '../../src/common/outbound-http/http-sender';
import { OUTBOUND_RESOLVER } from '../../src/common/outbound-http/outbound-sender';
import type { TestAppOptions } from '../support/test-app';

/** Names the injected resolver maps, like a DNS server the test controls. */
export class MappedResolver {
  readonly names = new Map<string, string>();
  /** Every name asked, in order. */
  readonly asked: string[] = [];
  readonly resolve: Resolver = async (hostname) => {
    this.asked.push(hostname);
    const address = this.names.get(hostname);
    if (!address) throw new Error(`ENOTFOUND ${hostname}`);
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };

  /** Binds this resolver in place of the system's DNS for every outgoing POST of the app (OutboundSender). */
  override(): NonNullable<TestAppOptions['override']> {
    return (builder) => builder.overrideProvider(OUTBOUND_RESOLVER).useValue(this.resolve);
  }
}
