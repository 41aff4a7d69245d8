import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationError } from './errors';
import { isUuid } from './parse-uuid.pipe';
import { NumberFromText } from './validation';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50, description: 'items per page', example: 50 })
  @IsOptional()
  @NumberFromText()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'opaque cursor from a previous page', example: 'eyJ0IjoiMjAyNi0xMS0zMFQxMjowMDowMC4wMDBaIiwiaWQiOiIwIn0' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface CursorPosition {
  t: Date;
  id: string;
}

/** Exactly what `toISOString` writes, for the years a row can have been created in. */
const CURSOR_INSTANT = /^(\d{4})-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const CURSOR_YEARS = { min: 1970, max: 9999 };

/**
 * The position a cursor names, checked in full here: a cursor is client input,
 * and a value PostgreSQL refuses (an id that is not a uuid, a year out of its
 * range) would otherwise come back as a 500 instead of a 400 naming `cursor`.
 */
export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { t, id } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { t?: unknown; id?: unknown };
  const at = cursorInstant(t);
  if (!at || !isUuid(id)) throw ValidationError.field('cursor', 'is not a cursor returned by this API');
  return { t: at, id };
}

function cursorInstant(t: unknown): Date | null {
  const year = typeof t === 'string' ? Number(CURSOR_INSTANT.exec(t)?.[1]) : NaN;
  if (!(year >= CURSOR_YEARS.min && year <= CURSOR_YEARS.max)) return null;
  const at = new Date(t as string);
  // The round trip refuses dates that do not exist (2026-02-30) rather than letting them roll over.
  return at.getTime() === at.getTime() && at.toISOString() === t ? at : null;
}

/**
 * Keyset pagination on (createdAt, id), newest first: stable under inserts,
 * no OFFSET scans. `alias` is the query builder's main alias (an entity with
 * `id` and `createdAt` columns).
 */
export async function paginate<E extends ObjectLiteral & { id: string; createdAt: Date }>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  query: PageQuery,
): Promise<Page<E>> {
  const limit = query.limit ?? 50;
  if (query.cursor) {
    const pos = decodeCursor(query.cursor);
    // PostgreSQL keeps microseconds, the cursor milliseconds: rows written in one
    // transaction share a millisecond but not always a microsecond. The cursor's
    // row, while it exists, gives its own exact position; its instant is the fallback.
    const meta = qb.expressionMap.mainAlias!.metadata;
    const createdAt = meta.findColumnWithPropertyName('createdAt')!.databaseName;
    qb.andWhere(
      `(${alias}.createdAt, ${alias}.id) < (COALESCE((SELECT c."${createdAt}" FROM "${meta.tableName}" c WHERE c.id = :cursorId), :cursorT), :cursorId)`,
      { cursorT: pos.t, cursorId: pos.id },
    );
  }
  const rows = await qb
    .orderBy(`${alias}.createdAt`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .take(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(last) : null;
  return { items, nextCursor };
}

/** The cursor that names a row's position, as decodeCursor reads it back. */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ t: row.createdAt.toISOString(), id: row.id })).toString('base64url');
}
