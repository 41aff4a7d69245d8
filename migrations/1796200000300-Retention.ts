import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention and the cleanup timer. The cleanup timer belongs to no incident,
 * so `timers.incident_id` may be null for that kind only, and at most one
 * cleanup timer exists across every worker (the unique partial index makes
 * arming it at start idempotent). The other indexes let each retained table
 * be deleted oldest first, in index order, a small batch at a time, instead
 * of scanning: resolved incidents by resolution time, audit entries by
 * creation time, used action tokens by expiry, SMS help counters by their
 * last update, inbound receipts by source and time (Slack and Twilio rows
 * are kept for different times), and queued Slack updates by incident (the
 * cascade of an incident delete).
 */
export class Retention1796200000300 implements MigrationInterface {
  name = 'Retention1796200000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "timers" DROP CONSTRAINT "ck_timers_kind"`);
    await queryRunner.query(
      `ALTER TABLE "timers" ADD CONSTRAINT "ck_timers_kind" CHECK ("kind" IN ('escalation', 'ack-timeout', 'auto-resolve', 'cleanup'))`,
    );
    await queryRunner.query(`ALTER TABLE "timers" ALTER COLUMN "incident_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "timers" ADD CONSTRAINT "ck_timers_incident" CHECK (("incident_id" IS NULL) = ("kind" = 'cleanup'))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_timers_cleanup" ON "timers" ("kind") WHERE "kind" = 'cleanup'`);
    await queryRunner.query(
      `CREATE INDEX "ix_incidents_resolved" ON "incidents" ("resolved_at", "id") WHERE "status" = 'resolved'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_log_created" ON "audit_log" ("created_at", "seq")`);
    await queryRunner.query(`CREATE INDEX "ix_used_action_tokens_expires" ON "used_action_tokens" ("expires_at")`);
    await queryRunner.query(`CREATE INDEX "ix_sms_help_replies_updated" ON "sms_help_replies" ("updated_at")`);
    await queryRunner.query(`CREATE INDEX "ix_slack_message_updates_incident" ON "slack_message_updates" ("incident_id")`);
    await queryRunner.query(`CREATE INDEX "ix_inbound_receipts_source_received" ON "inbound_receipts" ("source", "received_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_inbound_receipts_source_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_slack_message_updates_incident"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sms_help_replies_updated"`);
    await queryRunner.query(`DROP INDEX "public"."ix_used_action_tokens_expires"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_resolved"`);
    await queryRunner.query(`DROP INDEX "public"."uq_timers_cleanup"`);
    await queryRunner.query(`DELETE FROM "timers" WHERE "incident_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "timers" DROP CONSTRAINT "ck_timers_incident"`);
    await queryRunner.query(`ALTER TABLE "timers" ALTER COLUMN "incident_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "timers" DROP CONSTRAINT "ck_timers_kind"`);
    await queryRunner.query(`ALTER TABLE "timers" ADD CONSTRAINT "ck_timers_kind" CHECK ("kind" IN ('escalation', 'ack-timeout', 'auto-resolve'))`);
  }
}
