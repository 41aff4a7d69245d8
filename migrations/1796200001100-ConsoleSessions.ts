import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Console sign-in (docs/console.md): each user gets a role (`admin`,
 * `responder`, `read-only`; `responder` for everyone who exists today), and
 * `sessions` holds the console's signed-in browsers. Only the SHA-256 hash of
 * a session's cookie token is stored. A session belongs to a user (signed in
 * by OpenID Connect or an email link) or to no user (signed in with an admin
 * API key: `api_key_id` names the key, "env" for KLAXON_ADMIN_API_KEY).
 * Deleting a user deletes their sessions. `sign_in_links` holds the email
 * sign-in links (hash only; single use: `used_at` is set by the one
 * confirmation that signs in).
 */
export class ConsoleSessions1796200001100 implements MigrationInterface {
  name = 'ConsoleSessions1796200001100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "role" text NOT NULL DEFAULT 'responder'`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "ck_users_role" CHECK ("role" IN ('admin', 'responder', 'read-only'))`);
    await queryRunner.query(`
      CREATE TABLE "sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" text NOT NULL,
        "user_id" uuid,
        "api_key_id" text,
        "principal_name" text NOT NULL,
        "role" text NOT NULL,
        "sign_in_method" text NOT NULL,
        "csrf_token" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "uq_sessions_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "ck_sessions_role" CHECK ("role" IN ('admin', 'responder', 'read-only')),
        CONSTRAINT "ck_sessions_method" CHECK ("sign_in_method" IN ('api-key', 'oidc', 'email-link')),
        CONSTRAINT "ck_sessions_owner" CHECK (("user_id" IS NULL) <> ("api_key_id" IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id") WHERE "revoked_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "ix_sessions_expires" ON "sessions" ("expires_at")`);
    await queryRunner.query(`
      CREATE TABLE "sign_in_links" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" text NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_sign_in_links" PRIMARY KEY ("id"),
        CONSTRAINT "uq_sign_in_links_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_sign_in_links_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_sign_in_links_expires" ON "sign_in_links" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_links"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_role"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "role"`);
  }
}
