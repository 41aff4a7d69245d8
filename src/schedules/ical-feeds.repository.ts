import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Which feed of a schedule: the whole schedule (userId null) or one person's shifts in it. */
export interface FeedSubject {
  scheduleId: string;
  userId: string | null;
}

/**
 * The only reader and writer of `schedule_ical_feeds`: rendered iCal feeds
 * shared by every instance through PostgreSQL. A row answers only for the
 * UTC date and version it was rendered for; a new one replaces it.
 */
@Injectable()
export class IcalFeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The body stored for this subject, date and version, or null. */
  async find(subject: FeedSubject, utcDate: string, version: string): Promise<string | null> {
    const rows: { body: string }[] = await this.dataSource.query(
      `SELECT body FROM schedule_ical_feeds
        WHERE schedule_id = $1 AND coalesce(user_id::text, '') = coalesce($2::text, '') AND utc_date = $3 AND version = $4`,
      [subject.scheduleId, subject.userId, utcDate, version],
    );
    return rows[0]?.body ?? null;
  }

  /** Stores (or replaces) the subject's feed. Concurrent writers converge on one row per subject. */
  async save(subject: FeedSubject, utcDate: string, version: string, body: string, generatedAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO schedule_ical_feeds (schedule_id, user_id, utc_date, version, body, generated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (schedule_id, (coalesce(user_id::text, '')))
       DO UPDATE SET utc_date = excluded.utc_date, version = excluded.version, body = excluded.body, generated_at = excluded.generated_at`,
      [subject.scheduleId, subject.userId, utcDate, version, body, generatedAt],
    );
  }
}
