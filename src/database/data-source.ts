import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from './database-options';

/**
 * The DataSource the TypeORM CLI uses (`npm run migration:generate -- Name`,
 * `npm run migration:run`). Needs DATABASE_URL pointing at a scratch database.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must point at a PostgreSQL database for the migration CLI');

export default new DataSource({
  ...databaseOptions(url, 2),
  entities: [__dirname + '/../**/*.entity.{ts,js}'],
});
