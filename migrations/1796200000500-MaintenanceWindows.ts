import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maintenance windows (docs/maintenance.md). A window covers services from
 * `start_at` until `end_at`, or until `ended_at` when it was ended early.
 * `maintenance_window_services` repeats each window's start and effective end
 * (written together with the window by the maintenance module), so "is
 * service S covered at t" is one probe of `ix_maintenance_window_services_cover`
 * over the windows of S that end after t, without reading the windows table.
 *
 * Incidents opened while a window covers their service are `maintenance` and
 * held (`maintenance_released_at` null): the escalation start claim and the
 * Slack announcer skip them, and their partial indexes leave them out, so a
 * storm held by a window costs those claims nothing. `ix_incidents_held`
 * finds the held incidents of a service when a window ends.
 *
 * The `maintenance-end` engine timer belongs to no incident, like `cleanup`;
 * the unique index stays on `cleanup` alone (there is one end timer per window
 * and change).
 */
export class MaintenanceWindows1796200000500 implements MigrationInterface {
  name = 'MaintenanceWindows1796200000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "maintenance_windows" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "description" text NOT NULL,
      "start_at" timestamptz NOT NULL,
      "end_at" timestamptz NOT NULL,
      "ended_at" timestamptz,
      "created_by" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL,
      "updated_at" timestamptz NOT NULL,
      CONSTRAINT "pk_maintenance_windows" PRIMARY KEY ("id"),
      CONSTRAINT "ck_maintenance_windows_end" CHECK ("end_at" > "start_at"),
      CONSTRAINT "ck_maintenance_windows_ended" CHECK ("ended_at" IS NULL OR ("ended_at" >= "start_at" AND "ended_at" <= "end_at"))
    )`);
    await queryRunner.query(`CREATE INDEX "ix_maintenance_windows_start" ON "maintenance_windows" ("start_at", "id")`);
    await queryRunner.query(`CREATE TABLE "maintenance_window_services" (
      "window_id" uuid NOT NULL,
      "service_id" uuid NOT NULL,
      "starts_at" timestamptz NOT NULL,
      "ends_at" timestamptz NOT NULL,
      CONSTRAINT "pk_maintenance_window_services" PRIMARY KEY ("window_id", "service_id"),
      CONSTRAINT "fk_maintenance_window_services_window" FOREIGN KEY ("window_id") REFERENCES "maintenance_windows"("id") ON DELETE CASCADE,
      CONSTRAINT "fk_maintenance_window_services_service" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE INDEX "ix_maintenance_window_services_cover" ON "maintenance_window_services" ("service_id", "ends_at") INCLUDE ("starts_at", "window_id")`,
    );

    await queryRunner.query(`ALTER TABLE "incidents" ADD "maintenance" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "incidents" ADD "maintenance_released_at" timestamptz`);
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_escalation_unstarted"`);
    await queryRunner.query(
      `CREATE INDEX "ix_incidents_escalation_unstarted" ON "incidents" ("created_at", "id") WHERE "escalation_started_at" IS NULL AND NOT ("maintenance" AND "maintenance_released_at" IS NULL)`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_slack_unannounced"`);
    await queryRunner.query(
      `CREATE INDEX "ix_incidents_slack_unannounced" ON "incidents" ("created_at", "id") WHERE "slack_announced_at" IS NULL AND NOT ("maintenance" AND "maintenance_released_at" IS NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_incidents_held" ON "incidents" ("service_id", "id") WHERE "maintenance" AND "maintenance_released_at" IS NULL AND "status" = 'triggered'`,
    );

    await queryRunner.query(`ALTER TABLE "timers" DROP CONSTRAINT "ck_timers_kind"`);
    await queryRunner.query(
      `ALTER TABLE "timers" ADD CONSTRAINT "ck_timers_kind" CHECK ("kind" IN ('escalation', 'ack-timeout', 'auto-resolve', 'cleanup', 'maintenance-end'))`,
    );
    await queryRunner.query(`ALTER TABLE "timers" DROP CONSTRAINT "ck_timers_incident"`);
    await queryRunner.query(
      `ALTER TABLE "timers" ADD CONSTRAINT "ck_timers_incident" CHECK (("incident_id" IS NULL) = ("kind" IN ('cleanup', 'maintenance-end')))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "timers" WHERE "kind" = 'maintenance-end'`);
    await queryRunner.query(`ALTER TABLE "timers" DROP CONSTRAINT "ck_timers_incident"`);
    await queryRunner.query(`ALTER TABLE "timers" ADD CONSTRAINT "ck_timers_incident" CHECK (("incident_id" IS NULL) = ("kind" = 'cleanup'))`);
    await queryRunner.query(`ALTER TABLE "timers" DROP CONSTRAINT "ck_timers_kind"`);
    await queryRunner.query(
      `ALTER TABLE "timers" ADD CONSTRAINT "ck_timers_kind" CHECK ("kind" IN ('escalation', 'ack-timeout', 'auto-resolve', 'cleanup'))`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_held"`);
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_slack_unannounced"`);
    await queryRunner.query(`CREATE INDEX "ix_incidents_slack_unannounced" ON "incidents" ("created_at", "id") WHERE "slack_announced_at" IS NULL`);
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_escalation_unstarted"`);
    await queryRunner.query(`CREATE INDEX "ix_incidents_escalation_unstarted" ON "incidents" ("created_at", "id") WHERE "escalation_started_at" IS NULL`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "maintenance_released_at"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "maintenance"`);
    await queryRunner.query(`DROP TABLE "maintenance_window_services"`);
    await queryRunner.query(`DROP TABLE "maintenance_windows"`);
  }
}
