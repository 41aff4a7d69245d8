import { MigrationInterface, QueryRunner } from 'typeorm';

/** The built-in "Direct pages" service (src/services/built-in-services.ts): its id never changes. */
const DIRECT_PAGES_SERVICE_ID = '00000000-0000-4000-8000-0000000000d1';

/**
 * Direct paging and notes (docs/direct-paging.md).
 *
 * - The built-in "Direct pages" service owns incidents opened by hand for
 *   people, schedules or a policy rather than for a service: each of them
 *   carries its own policy snapshot, so this one service has no escalation
 *   policy. Every other service still must have one (the check names the
 *   built-in id). An install that already has a service called "Direct pages"
 *   keeps it; the built-in one is then called "Direct pages (built-in)".
 * - `slack_message_updates` also queues a note's reply into one Slack thread:
 *   `kind = 'note-reply'`, the Slack message it answers (`notification_id`)
 *   and the text to post (`reply_text`), drained by the same worker loop.
 */
export class DirectPaging1796200000600 implements MigrationInterface {
  name = 'DirectPaging1796200000600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "services" ALTER COLUMN "escalation_policy_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "services" ADD CONSTRAINT "ck_services_policy" CHECK ("escalation_policy_id" IS NOT NULL OR "id" = '${DIRECT_PAGES_SERVICE_ID}')`,
    );
    await queryRunner.query(
      `INSERT INTO "services" ("id", "name", "description", "escalation_policy_id")
       SELECT '${DIRECT_PAGES_SERVICE_ID}',
              CASE WHEN EXISTS (SELECT 1 FROM "services" WHERE "name" = 'Direct pages') THEN 'Direct pages (built-in)' ELSE 'Direct pages' END,
              'Built in: incidents opened by hand for people, schedules or an escalation policy (POST /api/v1/incidents with targets, Slack /page).',
              NULL`,
    );
    await queryRunner.query(`ALTER TABLE "slack_message_updates" ADD "kind" text NOT NULL DEFAULT 'rewrite'`);
    await queryRunner.query(`ALTER TABLE "slack_message_updates" ADD "notification_id" uuid`);
    await queryRunner.query(`ALTER TABLE "slack_message_updates" ADD "reply_text" text`);
    await queryRunner.query(
      `ALTER TABLE "slack_message_updates" ADD CONSTRAINT "fk_slack_message_updates_notification"
         FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "slack_message_updates" ADD CONSTRAINT "ck_slack_message_updates_kind" CHECK (
         ("kind" = 'rewrite' AND "notification_id" IS NULL AND "reply_text" IS NULL)
         OR ("kind" = 'note-reply' AND "notification_id" IS NOT NULL AND "reply_text" IS NOT NULL))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_slack_message_updates_notification" ON "slack_message_updates" ("notification_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_slack_message_updates_notification"`);
    await queryRunner.query(`DELETE FROM "slack_message_updates" WHERE "kind" <> 'rewrite'`);
    await queryRunner.query(`ALTER TABLE "slack_message_updates" DROP CONSTRAINT "ck_slack_message_updates_kind"`);
    await queryRunner.query(`ALTER TABLE "slack_message_updates" DROP CONSTRAINT "fk_slack_message_updates_notification"`);
    await queryRunner.query(`ALTER TABLE "slack_message_updates" DROP COLUMN "reply_text"`);
    await queryRunner.query(`ALTER TABLE "slack_message_updates" DROP COLUMN "notification_id"`);
    await queryRunner.query(`ALTER TABLE "slack_message_updates" DROP COLUMN "kind"`);
    // The built-in service goes with its incidents (ON DELETE CASCADE), as a deleted service does.
    await queryRunner.query(`DELETE FROM "services" WHERE "id" = '${DIRECT_PAGES_SERVICE_ID}'`);
    await queryRunner.query(`ALTER TABLE "services" DROP CONSTRAINT "ck_services_policy"`);
    await queryRunner.query(`ALTER TABLE "services" ALTER COLUMN "escalation_policy_id" SET NOT NULL`);
  }
}
