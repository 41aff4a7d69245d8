import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schedules: layers (rotations) with their ordered users, and overrides. */
export class Schedules1795828559398 implements MigrationInterface {
  name = 'Schedules1795828559398';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "schedules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "time_zone" text NOT NULL,
                "ical_token" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7e33fc2ea755a5765e3564e66dd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "schedule_layers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "schedule_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "name" text NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE,
                "rotation_unit" text NOT NULL,
                "rotation_length" integer NOT NULL,
                "handoff_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "restrictions" jsonb NOT NULL DEFAULT '[]',
                CONSTRAINT "PK_be80bb879d99c4ffa3a4687a8a1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_schedule_layers_schedule_position" ON "schedule_layers" ("schedule_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "schedule_layer_users" (
                "layer_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_bb89499788055cab6b1bb5b624d" PRIMARY KEY ("layer_id", "position")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_schedule_layer_users_user" ON "schedule_layer_users" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "schedule_overrides" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "schedule_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "seq" BIGSERIAL NOT NULL,
                CONSTRAINT "PK_3dbce7def463776f208fd5d430a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_schedule_overrides_schedule_ends" ON "schedule_overrides" ("schedule_id", "ends_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "schedule_layers"
            ADD CONSTRAINT "FK_eb4162340b6d558ddb155b242ed" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "schedule_layer_users"
            ADD CONSTRAINT "FK_b7c532c7fb59fb288cae286cdc4" FOREIGN KEY ("layer_id") REFERENCES "schedule_layers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "schedule_layer_users"
            ADD CONSTRAINT "FK_b852cef6fc799a16e1fb5e6ab30" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "schedule_overrides"
            ADD CONSTRAINT "FK_b582f9954941a5a9e4d9c89cde0" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "schedule_overrides"
            ADD CONSTRAINT "FK_0bf7788284e22e41e9947376bb7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "schedule_overrides" DROP CONSTRAINT "FK_0bf7788284e22e41e9947376bb7"`);
    await queryRunner.query(`ALTER TABLE "schedule_overrides" DROP CONSTRAINT "FK_b582f9954941a5a9e4d9c89cde0"`);
    await queryRunner.query(`ALTER TABLE "schedule_layer_users" DROP CONSTRAINT "FK_b852cef6fc799a16e1fb5e6ab30"`);
    await queryRunner.query(`ALTER TABLE "schedule_layer_users" DROP CONSTRAINT "FK_b7c532c7fb59fb288cae286cdc4"`);
    await queryRunner.query(`ALTER TABLE "schedule_layers" DROP CONSTRAINT "FK_eb4162340b6d558ddb155b242ed"`);
    await queryRunner.query(`DROP INDEX "public"."ix_schedule_overrides_schedule_ends"`);
    await queryRunner.query(`DROP TABLE "schedule_overrides"`);
    await queryRunner.query(`DROP INDEX "public"."ix_schedule_layer_users_user"`);
    await queryRunner.query(`DROP TABLE "schedule_layer_users"`);
    await queryRunner.query(`DROP INDEX "public"."uq_schedule_layers_schedule_position"`);
    await queryRunner.query(`DROP TABLE "schedule_layers"`);
    await queryRunner.query(`DROP TABLE "schedules"`);
  }
}
