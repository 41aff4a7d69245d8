import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chat destinations (docs/chat-destinations.md): Microsoft Teams and Mattermost
 * incoming webhooks and Slack channels that an escalation level may page.
 *
 * - `chat_destinations`, owned by the chat module: a Teams or Mattermost row has
 *   its webhook `url` and no `channel_id`, a Slack channel the reverse.
 * - The outbox (`notifications`) carries their pages too: `channel` is the
 *   destination's type, `address` its URL or channel id, with no user, contact
 *   method or rule.
 */
export class ChatDestinations1796200001000 implements MigrationInterface {
  name = 'ChatDestinations1796200001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "chat_destinations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "type" text NOT NULL,
        "url" text,
        "channel_id" text,
        "enabled" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_chat_destinations" PRIMARY KEY ("id"),
        CONSTRAINT "ck_chat_destinations_target" CHECK (
          ("type" IN ('teams', 'mattermost') AND "url" IS NOT NULL AND "channel_id" IS NULL)
          OR ("type" = 'slack-channel' AND "channel_id" IS NOT NULL AND "url" IS NULL))
      )`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_channel"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_channel"
         CHECK ("channel" IN ('sms', 'voice', 'email', 'slack', 'teams', 'mattermost', 'slack-channel'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "channel" IN ('teams', 'mattermost', 'slack-channel')`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_channel"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_channel" CHECK ("channel" IN ('sms', 'voice', 'email', 'slack'))`,
    );
    await queryRunner.query(`DROP TABLE "chat_destinations"`);
  }
}
