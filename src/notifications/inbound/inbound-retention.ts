import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { RetainedTables } from '../../common/retention';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { InboundReceiptsRepository } from './inbound-receipts.repository';
import { SmsHelpRepliesRepository } from './twilio/sms-help-replies.repository';

/**
 * Registers the inbound tables with the retention cleanup. Slack receipts
 * (`KLAXON_RETENTION_SLACK_RECEIPT_DAYS`) can go soon: Slack's signature
 * refuses a request more than 5 minutes old. Twilio receipts
 * (`KLAXON_RETENTION_TWILIO_RECEIPT_DAYS`) are the only defence against a
 * replayed SMS or keypress, whose signature carries no time, so they are kept
 * long. An SMS help counter goes `KLAXON_RETENTION_SMS_HELP_REPLY_DAYS` after
 * its last change: a number quiet that long may get help texts again.
 */
@Injectable()
export class InboundRetention implements OnModuleInit {
  constructor(
    private readonly retained: RetainedTables,
    private readonly receipts: InboundReceiptsRepository,
    private readonly helpReplies: SmsHelpRepliesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const c = this.config;
    this.retained.table({
      table: 'inbound_receipts',
      keepDays: c.KLAXON_RETENTION_SLACK_RECEIPT_DAYS,
      deleteBefore: (before, limit) => this.receipts.deleteBefore(['slack-action'], before, limit),
    });
    this.retained.table({
      table: 'inbound_receipts',
      keepDays: c.KLAXON_RETENTION_TWILIO_RECEIPT_DAYS,
      deleteBefore: (before, limit) => this.receipts.deleteBefore(['twilio-sms', 'twilio-voice-gather'], before, limit),
    });
    this.retained.table({
      table: 'sms_help_replies',
      keepDays: c.KLAXON_RETENTION_SMS_HELP_REPLY_DAYS,
      deleteBefore: (before, limit) => this.helpReplies.deleteIdleBefore(before, limit),
    });
  }
}
