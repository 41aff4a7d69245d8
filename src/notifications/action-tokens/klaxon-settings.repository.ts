import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The `klaxon_settings` table: install-wide values every instance shares. */
@Injectable()
export class KlaxonSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The setting's value, storing `candidate` first if it has none. Of several
   * instances racing, the first insert wins and every one reads that value back.
   */
  async valueOrInsert(name: string, candidate: string): Promise<string> {
    await this.dataSource.query(`INSERT INTO klaxon_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, candidate]);
    const rows = await this.dataSource.query<{ value: string }[]>(`SELECT value FROM klaxon_settings WHERE name = $1`, [name]);
    return rows[0].value;
  }
}
