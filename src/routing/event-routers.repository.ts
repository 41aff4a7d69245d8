import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Page, PageQuery, paginate } from '../common/pagination';
import type { Reference } from '../common/references';
import { EventRouter } from './event-router.entity';

/** The `event_routers` table; the routing module is its one writer. */
@Injectable()
export class EventRoutersRepository {
  constructor(@InjectRepository(EventRouter) private readonly routers: Repository<EventRouter>) {}

  create(fields: Pick<EventRouter, 'name' | 'routingKey' | 'rules' | 'fallback' | 'rateLimitPerMinute'>): Promise<EventRouter> {
    return this.routers.save(this.routers.create({ ...fields, version: 1 }));
  }

  list(query: PageQuery): Promise<Page<EventRouter>> {
    return paginate(this.routers.createQueryBuilder('r'), 'r', query);
  }

  findById(id: string): Promise<EventRouter | null> {
    return this.routers.findOne({ where: { id } });
  }

  findByKey(routingKey: string): Promise<EventRouter | null> {
    return this.routers.findOne({ where: { routingKey } });
  }

  /** The router, locked for the caller's transaction (two changes at once take turns: each bumps the version once). */
  findForUpdate(em: EntityManager, id: string): Promise<EventRouter | null> {
    return em.getRepository(EventRouter).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Saves a changed router in the caller's transaction (the hit counters of old versions go in the same one). */
  save(em: EntityManager, router: EventRouter): Promise<EventRouter> {
    return em.getRepository(EventRouter).save(router);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.routers.delete({ id });
    return !!result.affected;
  }

  /** The routers whose rules or fallback route to a service (deleting the service is then refused). */
  async routingTo(serviceId: string, em: EntityManager): Promise<Reference[]> {
    const rows = await em
      .getRepository(EventRouter)
      .createQueryBuilder('r')
      .select(['r.id', 'r.name'])
      .where(`r.fallback ->> 'serviceId' = :serviceId`, { serviceId })
      .orWhere(`r.rules @> jsonb_build_array(jsonb_build_object('then', jsonb_build_object('route', jsonb_build_object('serviceId', CAST(:serviceId AS text)))))`)
      .getMany();
    return rows.map((r) => ({ kind: 'event-router', id: r.id, name: r.name }));
  }
}
