import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event routers (routing/): one routing key whose rules pick the service, the
 * per-rule hit counters (one row per router version and rule, `fallback`
 * included), and on incidents the router that opened them (its acknowledge
 * and resolve events find them by router and dedup key) and the `suppressed`
 * flag of a rule that records without paging. Deleting a router keeps its
 * incidents (router_id becomes null).
 */
export class EventRouters1796200000400 implements MigrationInterface {
  name = 'EventRouters1796200000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "event_routers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "routing_key" text NOT NULL,
        "rules" jsonb NOT NULL,
        "fallback" jsonb NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "rate_limit_per_minute" integer,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_event_routers" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_event_routers_routing_key" ON "event_routers" ("routing_key")`);
    await queryRunner.query(`
      CREATE TABLE "event_router_hits" (
        "router_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "rule" text NOT NULL,
        "count" bigint NOT NULL,
        "last_matched_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_event_router_hits" PRIMARY KEY ("router_id", "version", "rule"),
        CONSTRAINT "fk_event_router_hits_router" FOREIGN KEY ("router_id") REFERENCES "event_routers"("id") ON DELETE CASCADE
      )
    `);
    await queryRunner.query(`ALTER TABLE "incidents" ADD "router_id" uuid`);
    await queryRunner.query(`ALTER TABLE "incidents" ADD "suppressed" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "fk_incidents_router" FOREIGN KEY ("router_id") REFERENCES "event_routers"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_incidents_router_open" ON "incidents" ("router_id", "dedup_key") WHERE "router_id" IS NOT NULL AND "status" <> 'resolved'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_incidents_router_open"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "fk_incidents_router"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "suppressed"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "router_id"`);
    await queryRunner.query(`DROP TABLE "event_router_hits"`);
    await queryRunner.query(`DROP INDEX "public"."uq_event_routers_routing_key"`);
    await queryRunner.query(`DROP TABLE "event_routers"`);
  }
}
