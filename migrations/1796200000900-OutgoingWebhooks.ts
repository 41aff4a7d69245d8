import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks (docs/webhooks.md), owned by `src/webhooks/`:
 *
 * - `webhooks`: the receivers, their signing secret and their subscription
 *   (events, and services or null for all). `failing_since` is the first failed
 *   attempt since the last success; a webhook failing for 24 hours is disabled.
 * - `webhook_events`: the outbox of events, written in the transaction of the
 *   change that caused each one. `body` is the exact JSON that is signed and
 *   sent (kept as text so every attempt sends the same bytes); `sequence`
 *   increases per incident (unique), null for events of no incident.
 *   `incident_id` has no foreign key: events are history, deleted by retention.
 * - `webhook_deliveries`: one row per (event, webhook), a timer row claimed by
 *   one worker (SKIP LOCKED) when due.
 * - `webhook_delivery_attempts`: each HTTP attempt and its outcome.
 * - `incidents.webhooks_announced_at`: stamped when the `incident.triggered`
 *   event of a new incident is queued (as `slack_announced_at` is for Slack);
 *   incidents that exist before this migration count as announced.
 */
export class OutgoingWebhooks1796200000900 implements MigrationInterface {
  name = 'OutgoingWebhooks1796200000900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhooks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "url" text NOT NULL,
        "secret" text NOT NULL,
        "events" text[] NOT NULL,
        "service_ids" uuid[],
        "description" text,
        "enabled" boolean NOT NULL DEFAULT true,
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        "disabled_reason" text,
        "failing_since" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_webhooks" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "webhook_events" (
        "id" uuid NOT NULL,
        "type" text NOT NULL,
        "incident_id" uuid,
        "sequence" integer,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "body" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_webhook_events" PRIMARY KEY ("id"),
        CONSTRAINT "ck_webhook_events_sequence" CHECK (("incident_id" IS NULL) = ("sequence" IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_webhook_events_incident_sequence" ON "webhook_events" ("incident_id", "sequence") WHERE "incident_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_events_created" ON "webhook_events" ("created_at")`);
    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "event_id" uuid NOT NULL,
        "webhook_id" uuid NOT NULL,
        "state" text NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "claimed_until" TIMESTAMP WITH TIME ZONE,
        "first_attempt_at" TIMESTAMP WITH TIME ZONE,
        "last_attempt_at" TIMESTAMP WITH TIME ZONE,
        "last_status_code" integer,
        "last_error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_webhook_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "uq_webhook_deliveries_event_webhook" UNIQUE ("event_id", "webhook_id"),
        CONSTRAINT "fk_webhook_deliveries_event" FOREIGN KEY ("event_id") REFERENCES "webhook_events"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_webhook_deliveries_webhook" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE,
        CONSTRAINT "ck_webhook_deliveries_state" CHECK ("state" IN ('pending', 'sending', 'delivered', 'failed'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_deliveries_due" ON "webhook_deliveries" ("due_at") WHERE "state" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_deliveries_claimed" ON "webhook_deliveries" ("claimed_until") WHERE "state" = 'sending'`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_deliveries_webhook" ON "webhook_deliveries" ("webhook_id", "created_at", "id")`);
    await queryRunner.query(`
      CREATE TABLE "webhook_delivery_attempts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "delivery_id" uuid NOT NULL,
        "attempt" integer NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "duration_ms" integer NOT NULL,
        "outcome" text NOT NULL,
        "status_code" integer,
        "error" text,
        "response_prefix" text,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_webhook_delivery_attempts" PRIMARY KEY ("id"),
        CONSTRAINT "fk_webhook_delivery_attempts_delivery" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE,
        CONSTRAINT "ck_webhook_delivery_attempts_outcome" CHECK ("outcome" IN ('delivered', 'retry', 'failed'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_delivery_attempts_delivery" ON "webhook_delivery_attempts" ("delivery_id", "attempt")`);
    await queryRunner.query(`ALTER TABLE "incidents" ADD "webhooks_announced_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "incidents" SET "webhooks_announced_at" = "created_at"`);
    await queryRunner.query(`CREATE INDEX "ix_incidents_webhooks_unannounced" ON "incidents" ("created_at", "id") WHERE "webhooks_announced_at" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_webhooks_unannounced"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "webhooks_announced_at"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery_attempts"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_events"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
  }
}
