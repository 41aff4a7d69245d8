import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the rate limit did to a page, kept on the page so that the API can show
 * it: `deferred_until`, the last time the per-minute limit handed the page back
 * for later (kept once the page is sent, as history), and `bundled_into`, the
 * page whose one message stood for this one. Pages bundled before this
 * migration say so only in their `error` text ("bundled into <id>"), which is
 * copied over.
 */
export class NotificationDeferralAndBundle1796200000200 implements MigrationInterface {
  name = 'NotificationDeferralAndBundle1796200000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "deferred_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "bundled_into" uuid`);
    await queryRunner.query(
      `UPDATE "notifications" SET "bundled_into" = substring("error" from 14)::uuid
        WHERE "state" = 'cancelled' AND "error" ~ '^bundled into [0-9a-f-]{36}$'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "bundled_into"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "deferred_until"`);
  }
}
