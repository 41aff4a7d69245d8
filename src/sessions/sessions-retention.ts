import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { RetainedTables } from '../common/retention';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SessionsRepository } from './sessions.repository';
import { SignInLinksRepository } from './sign-in-links.repository';

/**
 * Expired console sessions and email sign-in links are deleted by the
 * retention cleanup KLAXON_RETENTION_ACTION_TOKEN_DAYS after they expired
 * (like used action links: kept a little while for a look at who signed in).
 */
@Injectable()
export class SessionsRetention implements OnModuleInit {
  constructor(
    private readonly retained: RetainedTables,
    private readonly sessions: SessionsRepository,
    private readonly links: SignInLinksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const keepDays = this.config.KLAXON_RETENTION_ACTION_TOKEN_DAYS;
    this.retained.table({ table: 'sessions', keepDays, deleteBefore: (before, limit) => this.sessions.deleteExpiredBefore(before, limit) });
    this.retained.table({ table: 'sign_in_links', keepDays, deleteBefore: (before, limit) => this.links.deleteExpiredBefore(before, limit) });
  }
}
