import { MigrationInterface, QueryRunner } from "typeorm";

export class EscalationPolicies1795828439387 implements MigrationInterface {
    name = 'EscalationPolicies1795828439387'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "escalation_policies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "repeat" integer NOT NULL DEFAULT '0',
                "levels" jsonb NOT NULL,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aea3f30839009e0efd350e4cbc7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_escalation_policies_name" ON "escalation_policies" ("name")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."uq_escalation_policies_name"
        `);
        await queryRunner.query(`
            DROP TABLE "escalation_policies"
        `);
    }

}
