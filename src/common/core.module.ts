import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock, SystemClock } from './clock';
import { HttpReady } from './http-ready';
import { OutboundSender, systemResolverProvider } from './outbound-http/outbound-sender';
import { RetainedTables } from './retention';

/** Process-wide providers: the validated config, the clock, the registry of retained tables; the HTTP server made ready at the end of init; the one sender for URLs users give Klaxon (outbound-http/outbound-sender.ts) on the system's DNS. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig) {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useClass: SystemClock },
        HttpReady,
        RetainedTables,
        OutboundSender,
        systemResolverProvider,
      ],
      exports: [APP_CONFIG, Clock, RetainedTables, OutboundSender],
    };
  }
}
