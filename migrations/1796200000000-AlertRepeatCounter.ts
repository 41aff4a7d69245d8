import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A repeated alert is a counter, not a row. `alert_key` names the alert an
 * event updates within its incident: the fingerprint of a group's member, ''
 * for an ungrouped trigger (the incident's own dedup key), NULL for an
 * acknowledge or resolve event (kept as a row of its own). One row per
 * (incident, key), counting `occurrences`; `payload` is the latest, and
 * `first_payload` keeps the first once the row has been updated (NULL: the
 * payload is still the first). The old unique index on (incident,
 * fingerprint) is implied by the new one.
 *
 * The incident keeps the burst of repeats that its current coalesced
 * timeline entry counts (`repeat_burst`: entry id, count, first and last
 * time), so the count is read and written under the incident's row lock.
 *
 * Ungrouped rows stored before this migration keep `alert_key` NULL: they stay
 * as they were, and the next repeat of such an incident starts its counter row.
 */
export class AlertRepeatCounter1796200000000 implements MigrationInterface {
  name = 'AlertRepeatCounter1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incidents" ADD "repeat_burst" jsonb`);
    await queryRunner.query(`ALTER TABLE "alerts" ADD "alert_key" text`);
    await queryRunner.query(`ALTER TABLE "alerts" ADD "occurrences" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "alerts" ADD "first_payload" jsonb`);
    await queryRunner.query(`UPDATE "alerts" SET "alert_key" = "fingerprint" WHERE "fingerprint" IS NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_alerts_incident_key" ON "alerts" ("incident_id", "alert_key") WHERE "alert_key" IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_alerts_incident_fingerprint"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_alerts_incident_fingerprint" ON "alerts" ("incident_id", "fingerprint") WHERE "fingerprint" IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_alerts_incident_key"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "first_payload"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "occurrences"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "alert_key"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "repeat_burst"`);
  }
}
