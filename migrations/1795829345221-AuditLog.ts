import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log of changes made through /api/v1 (src/audit). Insert-only; listed newest first by seq. */
export class AuditLog1795829345221 implements MigrationInterface {
  name = 'AuditLog1795829345221';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_log" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "seq" BIGSERIAL NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "principal_id" text NOT NULL,
        "principal_name" text NOT NULL,
        "principal_role" text NOT NULL,
        "action" text NOT NULL,
        "resource_type" text NOT NULL,
        "resource_id" text,
        "subresource_id" text,
        "method" text NOT NULL,
        "path" text NOT NULL,
        "status" integer NOT NULL,
        "request_body" jsonb,
        "request_id" text,
        CONSTRAINT "pk_audit_log" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_audit_log_seq" ON "audit_log" ("seq")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_resource" ON "audit_log" ("resource_type", "resource_id", "seq")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_resource"`);
    await queryRunner.query(`DROP INDEX "public"."uq_audit_log_seq"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
