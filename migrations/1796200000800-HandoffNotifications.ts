import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Handoff notifications (docs/handoff.md).
 *
 * - `handoff_rules`: per user, which contact method is told, of which edges
 *   (oncall, offcall or both) and how many minutes ahead.
 * - `schedules.slack_channel_id`: the channel told "On call now" at every
 *   change of the final on-call user.
 * - `handoff_timers`: one row per edge still to announce, claimed with
 *   `FOR UPDATE SKIP LOCKED` by one worker. `kind` is `rule` (a user's rule,
 *   `rule_id` set), `edge` (a change of the final on-call user of a schedule:
 *   the Slack channel post and the handoff event) or `horizon` (the daily
 *   recomputation, one row: a unique partial index). Rows of a schedule or a
 *   rule go with them (cascade).
 * - `handoff_messages`: the outbox of handoff, "On call now" and shift-change
 *   messages. `key` is unique: (rule, schedule, edge type, edge instant) for a
 *   handoff, so firing a timer twice writes one message. Sent and failed
 *   messages are deleted by the retention cleanup (`ix_handoff_messages_created`).
 */
export class HandoffNotifications1796200000800 implements MigrationInterface {
  name = 'HandoffNotifications1796200000800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "schedules" ADD "slack_channel_id" text`);
    await queryRunner.query(`CREATE TABLE "handoff_rules" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "contact_method_id" uuid NOT NULL,
      "handoff_type" text NOT NULL,
      "advance_minutes" integer NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_handoff_rules" PRIMARY KEY ("id"),
      CONSTRAINT "ck_handoff_rules_type" CHECK ("handoff_type" IN ('oncall', 'offcall', 'both')),
      CONSTRAINT "ck_handoff_rules_advance" CHECK ("advance_minutes" BETWEEN 0 AND 10080),
      CONSTRAINT "fk_handoff_rules_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
      CONSTRAINT "fk_handoff_rules_contact_method" FOREIGN KEY ("contact_method_id") REFERENCES "contact_methods"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE INDEX "ix_handoff_rules_user" ON "handoff_rules" ("user_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "handoff_timers" (
      "id" bigserial NOT NULL,
      "kind" text NOT NULL,
      "schedule_id" uuid,
      "rule_id" uuid,
      "user_id" uuid,
      "edge_type" text,
      "edge_at" timestamptz,
      "due_at" timestamptz NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      CONSTRAINT "pk_handoff_timers" PRIMARY KEY ("id"),
      CONSTRAINT "ck_handoff_timers_kind" CHECK ("kind" IN ('rule', 'edge', 'horizon')),
      CONSTRAINT "ck_handoff_timers_shape" CHECK (
        ("kind" = 'horizon' AND "schedule_id" IS NULL AND "rule_id" IS NULL)
        OR ("kind" = 'edge' AND "schedule_id" IS NOT NULL AND "rule_id" IS NULL AND "edge_at" IS NOT NULL)
        OR ("kind" = 'rule' AND "schedule_id" IS NOT NULL AND "rule_id" IS NOT NULL AND "edge_at" IS NOT NULL
            AND "edge_type" IN ('oncall', 'offcall'))),
      CONSTRAINT "fk_handoff_timers_schedule" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE,
      CONSTRAINT "fk_handoff_timers_rule" FOREIGN KEY ("rule_id") REFERENCES "handoff_rules"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE INDEX "ix_handoff_timers_due" ON "handoff_timers" ("due_at")`);
    await queryRunner.query(`CREATE INDEX "ix_handoff_timers_schedule" ON "handoff_timers" ("schedule_id")`);
    await queryRunner.query(`CREATE INDEX "ix_handoff_timers_rule" ON "handoff_timers" ("rule_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_handoff_timers_horizon" ON "handoff_timers" ("kind") WHERE "kind" = 'horizon'`);
    await queryRunner.query(`CREATE TABLE "handoff_messages" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "key" text NOT NULL,
      "kind" text NOT NULL,
      "user_id" uuid,
      "schedule_id" uuid,
      "channel" text NOT NULL,
      "address" text NOT NULL,
      "subject" text NOT NULL,
      "text" text NOT NULL,
      "state" text NOT NULL DEFAULT 'pending',
      "due_at" timestamptz NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "claimed_until" timestamptz,
      "claimed_by" text,
      "provider_message_id" text,
      "error" text,
      "sent_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_handoff_messages" PRIMARY KEY ("id"),
      CONSTRAINT "ck_handoff_messages_kind" CHECK ("kind" IN ('oncall', 'offcall', 'on-call-now', 'shift-change')),
      CONSTRAINT "ck_handoff_messages_channel" CHECK ("channel" IN ('sms', 'email', 'slack')),
      CONSTRAINT "ck_handoff_messages_state" CHECK ("state" IN ('pending', 'sending', 'sent', 'failed')),
      CONSTRAINT "fk_handoff_messages_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
      CONSTRAINT "fk_handoff_messages_schedule" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE SET NULL
    )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_handoff_messages_key" ON "handoff_messages" ("key")`);
    await queryRunner.query(`CREATE INDEX "ix_handoff_messages_due" ON "handoff_messages" ("due_at") WHERE "state" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "ix_handoff_messages_claimed" ON "handoff_messages" ("claimed_until") WHERE "state" = 'sending'`);
    await queryRunner.query(`CREATE INDEX "ix_handoff_messages_user" ON "handoff_messages" ("user_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "ix_handoff_messages_created" ON "handoff_messages" ("created_at") WHERE "state" IN ('sent', 'failed')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "handoff_messages"`);
    await queryRunner.query(`DROP TABLE "handoff_timers"`);
    await queryRunner.query(`DROP TABLE "handoff_rules"`);
    await queryRunner.query(`ALTER TABLE "schedules" DROP COLUMN "slack_channel_id"`);
  }
}
