import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rendered iCal feeds shared by every instance (src/schedules/ical-feed-cache.store.ts):
 * one row per schedule and per person's own feed of it. Generated from the
 * entity; the unique index on (schedule, user or none) is an expression index,
 * written by hand (TypeORM cannot declare it), and is the upsert's arbiter.
 */
export class ScheduleIcalFeeds1796049391424 implements MigrationInterface {
  name = 'ScheduleIcalFeeds1796049391424';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "schedule_ical_feeds" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "schedule_id" uuid NOT NULL,
        "user_id" uuid,
        "utc_date" date NOT NULL,
        "version" text NOT NULL,
        "body" text NOT NULL,
        "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_85b144c2eb21242a7e71a83a6b7" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_schedule_ical_feeds_subject" ON "schedule_ical_feeds" ("schedule_id", (coalesce("user_id"::text, '')))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_schedule_ical_feeds_user" ON "schedule_ical_feeds" ("user_id")`);
    await queryRunner.query(`
      ALTER TABLE "schedule_ical_feeds"
      ADD CONSTRAINT "FK_80bfe94b178ee65189f9a2c6f23" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "schedule_ical_feeds"
      ADD CONSTRAINT "FK_2acc6f10b6bdf2e532da943e081" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "schedule_ical_feeds" DROP CONSTRAINT "FK_2acc6f10b6bdf2e532da943e081"`);
    await queryRunner.query(`ALTER TABLE "schedule_ical_feeds" DROP CONSTRAINT "FK_80bfe94b178ee65189f9a2c6f23"`);
    await queryRunner.query(`DROP INDEX "public"."ix_schedule_ical_feeds_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_schedule_ical_feeds_subject"`);
    await queryRunner.query(`DROP TABLE "schedule_ical_feeds"`);
  }
}
