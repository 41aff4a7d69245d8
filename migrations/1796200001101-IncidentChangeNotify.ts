import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live updates for the web console (docs/console.md): every statement that
 * opens or changes incidents, or adds to their timeline (an acknowledgement,
 * a note, an escalation, a page sent), sends `NOTIFY klaxon_incident_changes`
 * with the ids of the incidents it touched, comma-separated, 150 ids at most
 * per notification (payloads are capped at 8000 bytes). PostgreSQL delivers
 * it at commit to every process that LISTENs (the API processes serving the
 * console's event stream), whichever process made the change; identical
 * payloads of one transaction are sent once. Statement-level triggers with
 * transition tables: one NOTIFY per statement, not per row, so a batch of
 * a thousand incidents costs a handful.
 */
export class IncidentChangeNotify1796200001101 implements MigrationInterface {
  name = 'IncidentChangeNotify1796200001101';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Rows that belong to incidents (the timeline): their incident_id, once each.
    await queryRunner.query(`
      CREATE FUNCTION "klaxon_notify_incident_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('klaxon_incident_changes', string_agg(c.incident_id::text, ','))
           FROM (SELECT incident_id, (row_number() OVER () - 1) / 150 AS chunk
                   FROM (SELECT DISTINCT incident_id FROM changed_rows) d) c
          GROUP BY c.chunk;
        RETURN NULL;
      END $$`);
    // The incidents' own rows: their ids.
    await queryRunner.query(`
      CREATE FUNCTION "klaxon_notify_incident_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('klaxon_incident_changes', string_agg(c.id::text, ','))
           FROM (SELECT id, (row_number() OVER () - 1) / 150 AS chunk FROM changed_rows) c
          GROUP BY c.chunk;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_incidents_inserted_notify" AFTER INSERT ON "incidents"
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "klaxon_notify_incident_rows"()`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_incidents_updated_notify" AFTER UPDATE ON "incidents"
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "klaxon_notify_incident_rows"()`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_incident_timeline_inserted_notify" AFTER INSERT ON "incident_timeline"
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "klaxon_notify_incident_changes"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_incident_timeline_inserted_notify" ON "incident_timeline"`);
    await queryRunner.query(`DROP TRIGGER "tr_incidents_updated_notify" ON "incidents"`);
    await queryRunner.query(`DROP TRIGGER "tr_incidents_inserted_notify" ON "incidents"`);
    await queryRunner.query(`DROP FUNCTION "klaxon_notify_incident_rows"()`);
    await queryRunner.query(`DROP FUNCTION "klaxon_notify_incident_changes"()`);
  }
}
