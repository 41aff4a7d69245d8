import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A repeated trigger of an open incident writes its trigger alert alone (the
 * row of its triggers without a group, `alert_key` ''), no longer the
 * incident row and its timeline entry (docs/architecture.md):
 *
 * - A burst of repeats is now counted from that alert (`repeat_burst` holds
 *   its occurrences when the burst started). Bursts open before this
 *   migration hold a count instead; they are ended here. Their timeline
 *   entries already say their final count (every repeat rewrote them), and
 *   the next repeat starts a new burst.
 * - The console's live events come from the commits that change incidents
 *   (IncidentChangeNotify). A repeat changes only its alert, so updates of
 *   `alerts` notify their incident ids too: one statement-level trigger per
 *   statement, like the others.
 */
export class RepeatsOnTriggerAlert1796200001600 implements MigrationInterface {
  name = 'RepeatsOnTriggerAlert1796200001600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE incidents SET repeat_burst = NULL WHERE repeat_burst IS NOT NULL`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_alerts_updated_notify" AFTER UPDATE ON "alerts"
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "klaxon_notify_incident_changes"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_alerts_updated_notify" ON "alerts"`);
    await queryRunner.query(`UPDATE incidents SET repeat_burst = NULL WHERE repeat_burst IS NOT NULL`);
  }
}
