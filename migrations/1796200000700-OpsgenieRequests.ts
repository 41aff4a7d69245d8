import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outcome of each request to the Opsgenie-compatible Alert API, for
 * `GET /v2/alerts/requests/{requestId}` (docs/opsgenie.md). Rows are kept a
 * few days (KLAXON_RETENTION_OPSGENIE_REQUEST_DAYS), deleted oldest first
 * along `ix_opsgenie_requests_processed`. `caller_id` is the integration or
 * the event router whose key made the request, and `alert_id` the incident
 * acted on, both without a foreign key: a request's outcome is history, read
 * only with the same key, and deleted by retention, not with its caller or
 * incident.
 * Integrations of type `opsgenie` need no schema change (`integrations.type`
 * is free text checked by the API).
 */
export class OpsgenieRequests1796200000700 implements MigrationInterface {
  name = 'OpsgenieRequests1796200000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "opsgenie_requests" (
        "request_id" uuid NOT NULL,
        "caller_id" uuid NOT NULL,
        "action" text NOT NULL,
        "success" boolean NOT NULL,
        "status" text NOT NULL,
        "alert_id" uuid,
        "alias" text,
        "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_opsgenie_requests" PRIMARY KEY ("request_id"),
        CONSTRAINT "ck_opsgenie_requests_action" CHECK ("action" IN ('Create', 'Acknowledge', 'Close', 'AddNote'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_opsgenie_requests_processed" ON "opsgenie_requests" ("processed_at")`);
    await queryRunner.query(`CREATE INDEX "ix_opsgenie_requests_caller" ON "opsgenie_requests" ("caller_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_opsgenie_requests_caller"`);
    await queryRunner.query(`DROP INDEX "public"."ix_opsgenie_requests_processed"`);
    await queryRunner.query(`DROP TABLE "opsgenie_requests"`);
    // Integrations of the type this migration brought in go with it: nothing older reads them.
    await queryRunner.query(`DELETE FROM "integrations" WHERE "type" = 'opsgenie'`);
  }
}
