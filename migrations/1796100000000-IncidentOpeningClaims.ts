import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a new incident sets off is found by the module that owns it, not
 * written by the ingest transaction: the escalation engine claims incidents
 * whose escalation has not started, the Slack module those not yet announced
 * in their service's channel (each stamps its column under a row lock with
 * SKIP LOCKED). A crash between the ingest commit and the claim loses nothing:
 * the next worker pass finds the NULL. Incidents that exist already had both
 * done when they opened, so they are stamped with their creation time.
 */
export class IncidentOpeningClaims1796100000000 implements MigrationInterface {
  name = 'IncidentOpeningClaims1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incidents" ADD "escalation_started_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "incidents" ADD "slack_announced_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "incidents" SET "escalation_started_at" = "created_at", "slack_announced_at" = "created_at"`);
    await queryRunner.query(
      `CREATE INDEX "ix_incidents_escalation_unstarted" ON "incidents" ("created_at", "id") WHERE "escalation_started_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_incidents_slack_unannounced" ON "incidents" ("created_at", "id") WHERE "slack_announced_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_slack_unannounced"`);
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_escalation_unstarted"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "slack_announced_at"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "escalation_started_at"`);
  }
}
