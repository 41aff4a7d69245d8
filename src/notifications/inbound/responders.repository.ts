import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The Klaxon user behind an inbound reply, found by the contact method it came from. */
export interface Responder {
  userId: string;
  name: string;
}

/** Reads, never writes, the users module's `users` and `contact_methods`: who answered a page. */
@Injectable()
export class RespondersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user of the oldest contact method of one of these types with this address. */
  async byContact(types: string[], address: string): Promise<Responder | null> {
    const rows = await this.dataSource.query<{ user_id: string; name: string }[]>(
      `SELECT cm.user_id, u.name FROM contact_methods cm JOIN users u ON u.id = cm.user_id
        WHERE cm.type = ANY($1::text[]) AND cm.address = $2 ORDER BY cm.created_at LIMIT 1`,
      [types, address],
    );
    return rows[0] ? { userId: rows[0].user_id, name: rows[0].name } : null;
  }

  async byId(userId: string): Promise<Responder | null> {
    const rows = await this.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM users WHERE id = $1`, [userId]);
    return rows[0] ? { userId: rows[0].id, name: rows[0].name } : null;
  }
}
