import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795828222244 implements MigrationInterface {
    name = 'Foundation1795828222244'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "contact_methods" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "type" text NOT NULL,
                "address" text NOT NULL,
                "enabled" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_23dba1e45090b3cee8798abce5c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_contact_methods_type_address" ON "contact_methods" ("type", "address")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_contact_methods_user_type_address" ON "contact_methods" ("user_id", "type", "address")
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_rules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "contact_method_id" uuid NOT NULL,
                "delay_minutes" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_eb87ba4f7f01eabf003fcf4e65c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_rules_cm_delay" ON "notification_rules" ("contact_method_id", "delay_minutes")
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "email" text NOT NULL,
                "time_zone" text NOT NULL DEFAULT 'UTC',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
        `);
        await queryRunner.query(`
            CREATE TABLE "teams" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_teams_name" ON "teams" ("name")
        `);
        await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "role" text NOT NULL,
                "prefix" text NOT NULL,
                "hash" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_api_keys_hash" ON "api_keys" ("hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "team_members" (
                "team_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_1d3c06a8217a8785e2af0ec4ab8" PRIMARY KEY ("team_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_fdad7d5768277e60c40e01cdce" ON "team_members" ("team_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c2bf4967c8c2a6b845dadfbf3d" ON "team_members" ("user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "contact_methods"
            ADD CONSTRAINT "FK_42adcbab53de711d5e0678c09bd" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_rules"
            ADD CONSTRAINT "FK_fc52f1094295b6755084f77fd4e" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_rules"
            ADD CONSTRAINT "FK_e296a8b5b12ea417ff51393e9ae" FOREIGN KEY ("contact_method_id") REFERENCES "contact_methods"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "team_members"
            ADD CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "team_members"
            ADD CONSTRAINT "FK_c2bf4967c8c2a6b845dadfbf3d4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "team_members" DROP CONSTRAINT "FK_c2bf4967c8c2a6b845dadfbf3d4"
        `);
        await queryRunner.query(`
            ALTER TABLE "team_members" DROP CONSTRAINT "FK_fdad7d5768277e60c40e01cdcea"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_rules" DROP CONSTRAINT "FK_e296a8b5b12ea417ff51393e9ae"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_rules" DROP CONSTRAINT "FK_fc52f1094295b6755084f77fd4e"
        `);
        await queryRunner.query(`
            ALTER TABLE "contact_methods" DROP CONSTRAINT "FK_42adcbab53de711d5e0678c09bd"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c2bf4967c8c2a6b845dadfbf3d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fdad7d5768277e60c40e01cdce"
        `);
        await queryRunner.query(`
            DROP TABLE "team_members"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_api_keys_hash"
        `);
        await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_teams_name"
        `);
        await queryRunner.query(`
            DROP TABLE "teams"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_users_email"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_notification_rules_cm_delay"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_rules"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_contact_methods_user_type_address"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_contact_methods_type_address"
        `);
        await queryRunner.query(`
            DROP TABLE "contact_methods"
        `);
    }

}
