import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Page, PageQuery, paginate } from '../common/pagination';
import { ChatDestination } from './chat-destination.entity';

export type ChatDestinationFields = Pick<ChatDestination, 'name' | 'type' | 'url' | 'channelId' | 'enabled'>;

/** Everything the chat module stores: the `chat_destinations` table, written only here. */
@Injectable()
export class ChatDestinationsRepository {
  constructor(
    @InjectRepository(ChatDestination) private readonly destinations: Repository<ChatDestination>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  find(id: string): Promise<ChatDestination | null> {
    return this.destinations.findOne({ where: { id } });
  }

  /** The destinations among `ids` (missing ids are left out), read in the caller's transaction when given one. */
  findMany(ids: readonly string[], em?: EntityManager): Promise<ChatDestination[]> {
    if (!ids.length) return Promise.resolve([]);
    const repo = em ? em.getRepository(ChatDestination) : this.destinations;
    return repo.find({ where: { id: In([...new Set(ids)]) } });
  }

  page(query: PageQuery): Promise<Page<ChatDestination>> {
    return paginate(this.destinations.createQueryBuilder('d'), 'd', query);
  }

  async create(fields: ChatDestinationFields): Promise<string> {
    return (await this.destinations.save(this.destinations.create(fields))).id;
  }

  async update(id: string, fields: ChatDestinationFields): Promise<void> {
    await this.destinations.update({ id }, fields);
  }

  /**
   * Deletes the destination under a row lock, after `check` (in the same
   * transaction) found nothing that still refers to it; false when there was none.
   */
  delete(id: string, check: (em: EntityManager) => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const row = await em.getRepository(ChatDestination).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return false;
      await check(em);
      await em.getRepository(ChatDestination).delete({ id });
      return true;
    });
  }
}
