import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The short links of SMS pages (`PUBLIC_URL/i/<token>`), owned by the notifications
 * module: the token's hash, the incident and paged user it acts for, its expiry, and
 * when each of its two actions was used (each acts once). Generated from the entity;
 * the foreign key to incidents is added by hand (the entity has no relation), so a
 * deleted incident takes its links with it.
 */
export class IncidentLinks1796200000100 implements MigrationInterface {
  name = 'IncidentLinks1796200000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "incident_links" (
        "token_hash" text NOT NULL,
        "incident_id" uuid NOT NULL,
        "user_id" uuid,
        "notification_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "acknowledge_used_at" TIMESTAMP WITH TIME ZONE,
        "resolve_used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_incident_links" PRIMARY KEY ("token_hash"),
        CONSTRAINT "fk_incident_links_incident" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`CREATE INDEX "ix_incident_links_incident" ON "incident_links" ("incident_id")`);
    await queryRunner.query(`CREATE INDEX "ix_incident_links_expires" ON "incident_links" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_incident_links_expires"`);
    await queryRunner.query(`DROP INDEX "public"."ix_incident_links_incident"`);
    await queryRunner.query(`DROP TABLE "incident_links"`);
  }
}
