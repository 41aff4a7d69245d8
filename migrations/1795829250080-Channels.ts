import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-way channels: queued Slack message rewrites, redeemed email action tokens,
 * the install-wide generated signing key, and the SMS help-reply counters.
 * Generated from the entities, then trimmed to these tables; the foreign key on
 * slack_message_updates is added by hand (the entity has no relation).
 */
export class Channels1795829250080 implements MigrationInterface {
  name = 'Channels1795829250080';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "slack_message_updates" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "incident_id" uuid NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "attempts" integer NOT NULL DEFAULT '0',
        "last_error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_e4f493e1a8284087c98936c1062" PRIMARY KEY ("id"),
        CONSTRAINT "fk_slack_message_updates_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`CREATE INDEX "ix_slack_message_updates_due" ON "slack_message_updates" ("due_at")`);
    await queryRunner.query(`
      CREATE TABLE "used_action_tokens" (
        "token_id" uuid NOT NULL,
        "incident_id" uuid NOT NULL,
        "action" text NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_d5b38d8115516c63816ccc0b383" PRIMARY KEY ("token_id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "klaxon_settings" (
        "name" text NOT NULL,
        "value" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_d4e6aacf99a05c98938fc39c6ac" PRIMARY KEY ("name")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "sms_help_replies" (
        "address" text NOT NULL,
        "count" integer NOT NULL DEFAULT '0',
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_d475f963a237f1eacdb2daa88a6" PRIMARY KEY ("address")
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sms_help_replies"`);
    await queryRunner.query(`DROP TABLE "klaxon_settings"`);
    await queryRunner.query(`DROP TABLE "used_action_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."ix_slack_message_updates_due"`);
    await queryRunner.query(`DROP TABLE "slack_message_updates"`);
  }
}
