import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFoundError } from '../common/errors';
import { Page, paginate } from '../common/pagination';
import { Alert } from './alert.entity';
import { Incident } from './incident.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { ListIncidentsQuery } from './incidents.dto';

/** Read side of the incident API: lists and the full incident with its alerts and timeline. */
@Injectable()
export class IncidentsQueryService {
  constructor(
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    @InjectRepository(IncidentTimelineEntry) private readonly timeline: Repository<IncidentTimelineEntry>,
  ) {}

  list(query: ListIncidentsQuery): Promise<Page<Incident>> {
    const qb = this.incidents.createQueryBuilder('i').leftJoinAndSelect('i.service', 'service');
    if (query.status === 'open') qb.andWhere(`i.status <> 'resolved'`);
    else if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.serviceId) qb.andWhere('i.serviceId = :serviceId', { serviceId: query.serviceId.toLowerCase() });
    return paginate(qb, 'i', query);
  }

  async getDetailed(id: string): Promise<Incident> {
    const incident = await this.incidents.findOne({ where: { id }, relations: { service: true } });
    if (!incident) throw new NotFoundError('incident', id);
    incident.alerts = await this.alerts.find({ where: { incidentId: id }, order: { receivedAt: 'ASC', id: 'ASC' } });
    incident.timeline = await this.timeline.find({ where: { incidentId: id }, order: { at: 'ASC', seq: 'ASC' } });
    return incident;
  }
}
