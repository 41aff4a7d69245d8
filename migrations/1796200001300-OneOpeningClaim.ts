import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * New incidents are claimed once, by the incidents module, instead of three
 * times (the engine's start, the Slack channel post, the webhooks'
 * `incident.triggered`), each a non-HOT update of the row. The start claim
 * stamps `escalation_started_at` and `webhooks_announced_at` together and
 * hands the batch to every listener; a second, small claim announces held
 * maintenance incidents (and incidents started before this migration whose
 * `incident.triggered` was not queued yet) without starting them.
 *
 * `slack_announced_at` goes: the channel post rides on the start claim. A
 * post still owed when this runs (the incident started, not yet posted) is
 * queued here, as the old claim would have queued it; one owed by an
 * incident not started yet is queued by the start claim. The posts'
 * idempotency key keeps either from being queued twice.
 */
export class OneOpeningClaim1796200001300 implements MigrationInterface {
  name = 'OneOpeningClaim1796200001300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO "notifications" ("incident_id", "idempotency_key", "user_id", "contact_method_id", "rule_id", "level", "loop", "epoch", "channel", "address", "due_at")
      SELECT i."id", 'slack-channel:' || i."id", NULL, NULL, NULL, 0, 0, 0, 'slack', s."slack_channel_id", COALESCE(i."maintenance_released_at", i."created_at")
        FROM "incidents" i JOIN "services" s ON s."id" = i."service_id"
       WHERE i."slack_announced_at" IS NULL AND i."escalation_started_at" IS NOT NULL AND NOT i."suppressed"
         AND NOT (i."maintenance" AND i."maintenance_released_at" IS NULL) AND s."slack_channel_id" IS NOT NULL
      ON CONFLICT ("idempotency_key") DO NOTHING`);
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_slack_unannounced"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "slack_announced_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_webhooks_unannounced"`);
    await queryRunner.query(
      `CREATE INDEX "ix_incidents_announce_only" ON "incidents" ("created_at", "id")
        WHERE "webhooks_announced_at" IS NULL AND ("maintenance" AND "maintenance_released_at" IS NULL OR "escalation_started_at" IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_announce_only"`);
    await queryRunner.query(`CREATE INDEX "ix_incidents_webhooks_unannounced" ON "incidents" ("created_at", "id") WHERE "webhooks_announced_at" IS NULL`);
    await queryRunner.query(`ALTER TABLE "incidents" ADD "slack_announced_at" TIMESTAMP WITH TIME ZONE`);
    // Posted with the start claim: an incident not started yet is posted by the old claim, the key keeps it from posting twice.
    await queryRunner.query(`UPDATE "incidents" SET "slack_announced_at" = "escalation_started_at"`);
    await queryRunner.query(
      `CREATE INDEX "ix_incidents_slack_unannounced" ON "incidents" ("created_at", "id") WHERE "slack_announced_at" IS NULL AND NOT ("maintenance" AND "maintenance_released_at" IS NULL)`,
    );
  }
}
