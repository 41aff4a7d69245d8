import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationError } from './errors';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'opaque cursor from a previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface CursorPosition {
  t: string;
  id: string;
}

function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed?.t === 'string' && typeof parsed?.id === 'string' && !isNaN(Date.parse(parsed.t))) {
      return parsed;
    }
  } catch {
    /* fall through */
  }
  throw ValidationError.field('cursor', 'is not a cursor returned by this API');
}

/**
 * Keyset pagination on (createdAt, id), newest first: stable under inserts,
 * no OFFSET scans. `alias` is the query builder's main alias.
 */
export async function paginate<E extends ObjectLiteral & { id: string; createdAt: Date }>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  query: PageQuery,
): Promise<Page<E>> {
  const limit = query.limit ?? 50;
  if (query.cursor) {
    const pos = decodeCursor(query.cursor);
    qb.andWhere(`(${alias}.createdAt, ${alias}.id) < (:cursorT, :cursorId)`, {
      cursorT: new Date(pos.t),
      cursorId: pos.id,
    });
  }
  const rows = await qb
    .orderBy(`${alias}.createdAt`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .take(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(JSON.stringify({ t: last.createdAt.toISOString(), id: last.id })).toString('base64url')
      : null;
  return { items, nextCursor };
}
