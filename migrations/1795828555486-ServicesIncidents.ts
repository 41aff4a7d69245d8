import { MigrationInterface, QueryRunner } from "typeorm";

export class ServicesIncidents1795828555486 implements MigrationInterface {
    name = 'ServicesIncidents1795828555486'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "services" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "description" text,
                "escalation_policy_id" uuid NOT NULL,
                "ack_timeout_minutes" integer,
                "auto_resolve_minutes" integer,
                "slack_channel_id" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ba2d347a3168a296416c6c5ccb2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_services_name" ON "services" ("name")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_services_escalation_policy" ON "services" ("escalation_policy_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "integrations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "service_id" uuid NOT NULL,
                "type" text NOT NULL,
                "name" text,
                "key" text NOT NULL,
                "signing_secret" text,
                "signature_header" text,
                "timestamp_header" text,
                "rate_limit_per_minute" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9adcdc6d6f3922535361ce641e8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_integrations_service" ON "integrations" ("service_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_integrations_key" ON "integrations" ("key")
        `);
        await queryRunner.query(`
            CREATE TABLE "heartbeat_monitors" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "service_id" uuid NOT NULL,
                "name" text NOT NULL,
                "key" text NOT NULL,
                "interval_minutes" integer NOT NULL,
                "last_ping_at" TIMESTAMP WITH TIME ZONE,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_726c048f381357ac10b5f8e012c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_heartbeat_monitors_service" ON "heartbeat_monitors" ("service_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_heartbeat_monitors_key" ON "heartbeat_monitors" ("key")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_heartbeat_monitors_due" ON "heartbeat_monitors" ("status", "due_at")
        `);
        // Per-install incident numbers ("#123"): a sequence, so numbers never collide across instances.
        await queryRunner.query(`
            CREATE SEQUENCE "incident_number_seq" AS bigint START WITH 1
        `);
        await queryRunner.query(`
            CREATE TABLE "incidents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "number" bigint NOT NULL DEFAULT nextval('incident_number_seq'),
                "service_id" uuid NOT NULL,
                "dedup_key" text NOT NULL,
                "status" text NOT NULL,
                "title" text NOT NULL,
                "severity" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_alert_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "acknowledged_at" TIMESTAMP WITH TIME ZONE,
                "acknowledged_by" jsonb,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "resolved_by" jsonb,
                "level" integer NOT NULL DEFAULT '0',
                "loop" integer NOT NULL DEFAULT '0',
                "escalation_exhausted" boolean NOT NULL DEFAULT false,
                "policy_snapshot" jsonb,
                "level_reached_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_ccb34c01719889017e2246469f9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_incidents_number" ON "incidents" ("number")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_incidents_service_created" ON "incidents" ("service_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_incidents_status_created" ON "incidents" ("status", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_incidents_created" ON "incidents" ("created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_incidents_open_dedup" ON "incidents" ("service_id", "dedup_key")
            WHERE "status" <> 'resolved'
        `);
        await queryRunner.query(`
            CREATE TABLE "incident_timeline" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "incident_id" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "type" text NOT NULL,
                "message" text NOT NULL,
                "actor_type" text NOT NULL,
                "actor_id" text,
                "actor_name" text,
                "channel" text NOT NULL,
                "data" jsonb,
                CONSTRAINT "PK_33df8cb278555db4bf53065ab01" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_incident_timeline_incident_at" ON "incident_timeline" ("incident_id", "at")
        `);
        await queryRunner.query(`
            CREATE TABLE "alerts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "incident_id" uuid NOT NULL,
                "integration_id" uuid,
                "source" text NOT NULL,
                "action" text NOT NULL,
                "fingerprint" text,
                "status" text NOT NULL,
                "title" text NOT NULL,
                "severity" text NOT NULL,
                "details" jsonb NOT NULL,
                "payload" jsonb NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_alerts_integration" ON "alerts" ("integration_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_alerts_incident_received" ON "alerts" ("incident_id", "received_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_alerts_incident_fingerprint" ON "alerts" ("incident_id", "fingerprint")
            WHERE "fingerprint" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "services"
            ADD CONSTRAINT "FK_723dd21c9869a19a417e5da726a" FOREIGN KEY ("escalation_policy_id") REFERENCES "escalation_policies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "integrations"
            ADD CONSTRAINT "FK_f5205d8a3f52250850c08334322" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "heartbeat_monitors"
            ADD CONSTRAINT "FK_885b52bec51a020973b73923fe0" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "incidents"
            ADD CONSTRAINT "FK_29dc73d455eccd994405f591c82" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "incident_timeline"
            ADD CONSTRAINT "FK_53aff8907314cc19f70d13a6e9e" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "alerts"
            ADD CONSTRAINT "FK_6e15df0968c2ca8649f2cdeb22b" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "alerts"
            ADD CONSTRAINT "FK_429a635b328e7f560017d91ae7f" FOREIGN KEY ("integration_id") REFERENCES "integrations"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "alerts" DROP CONSTRAINT "FK_429a635b328e7f560017d91ae7f"
        `);
        await queryRunner.query(`
            ALTER TABLE "alerts" DROP CONSTRAINT "FK_6e15df0968c2ca8649f2cdeb22b"
        `);
        await queryRunner.query(`
            ALTER TABLE "incident_timeline" DROP CONSTRAINT "FK_53aff8907314cc19f70d13a6e9e"
        `);
        await queryRunner.query(`
            ALTER TABLE "incidents" DROP CONSTRAINT "FK_29dc73d455eccd994405f591c82"
        `);
        await queryRunner.query(`
            ALTER TABLE "heartbeat_monitors" DROP CONSTRAINT "FK_885b52bec51a020973b73923fe0"
        `);
        await queryRunner.query(`
            ALTER TABLE "integrations" DROP CONSTRAINT "FK_f5205d8a3f52250850c08334322"
        `);
        await queryRunner.query(`
            ALTER TABLE "services" DROP CONSTRAINT "FK_723dd21c9869a19a417e5da726a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_alerts_incident_fingerprint"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_alerts_incident_received"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_alerts_integration"
        `);
        await queryRunner.query(`
            DROP TABLE "alerts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_incident_timeline_incident_at"
        `);
        await queryRunner.query(`
            DROP TABLE "incident_timeline"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_incidents_open_dedup"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_incidents_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_incidents_status_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_incidents_service_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_incidents_number"
        `);
        await queryRunner.query(`
            DROP TABLE "incidents"
        `);
        await queryRunner.query(`
            DROP SEQUENCE "incident_number_seq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_heartbeat_monitors_due"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_heartbeat_monitors_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_heartbeat_monitors_service"
        `);
        await queryRunner.query(`
            DROP TABLE "heartbeat_monitors"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_integrations_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_integrations_service"
        `);
        await queryRunner.query(`
            DROP TABLE "integrations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_services_escalation_policy"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_services_name"
        `);
        await queryRunner.query(`
            DROP TABLE "services"
        `);
    }

}
