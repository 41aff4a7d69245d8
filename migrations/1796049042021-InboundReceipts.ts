import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbound answers acted on (Twilio MessageSid, CallSid + digit, Slack action_ts +
 * user), so a replayed signed webhook changes nothing. Generated from the entity;
 * received_at is indexed for the retention job that deletes old rows.
 */
export class InboundReceipts1796049042021 implements MigrationInterface {
  name = 'InboundReceipts1796049042021';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "inbound_receipts" (
        "source" text NOT NULL,
        "receipt_id" text NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_4d2924a3d22d8462402124cbe70" PRIMARY KEY ("source", "receipt_id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "ix_inbound_receipts_received_at" ON "inbound_receipts" ("received_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_inbound_receipts_received_at"`);
    await queryRunner.query(`DROP TABLE "inbound_receipts"`);
  }
}
