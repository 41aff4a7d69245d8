import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { NotFoundError } from '../common/errors';
import { Page, paginate } from '../common/pagination';
import { Alert } from './alert.entity';
import { Incident } from './incident.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { ListIncidentsQuery } from './incidents.dto';
import { MAX_LISTED_NOTES, NOTE_ENTRY_TYPE } from './incident-notes';
import { lastUpdateTime } from './repeat-burst';

/** How much of an incident's history GET /incidents/{id} returns (the most recent part). */
export const DETAIL_ALERTS = 200;
export const DETAIL_TIMELINE = 1000;

/** An incident's state in a live event: enough for a list to update, or to decide to fetch the incident. */
export interface IncidentSummary {
  id: string;
  number: number;
  status: Incident['status'];
  level: number;
  updatedAt: string;
}

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
    if (query.suppressed) qb.andWhere('i.suppressed = :suppressed', { suppressed: query.suppressed === 'true' });
    return paginate(qb, 'i', query);
  }

  /**
   * The incident with its most recent alerts and timeline entries, oldest
   * first, and how many there are in all: an incident that has absorbed an
   * alert storm holds tens of thousands of rows, which one GET must not read.
   */
  async getDetailed(id: string): Promise<{ incident: Incident; alertCount: number; timelineCount: number; notes: IncidentTimelineEntry[] }> {
    const incident = await this.incidents.findOne({ where: { id }, relations: { service: true } });
    if (!incident) throw new NotFoundError('incident', id);
    const [alerts, alertCount] = await this.alerts.findAndCount({
      where: { incidentId: id },
      order: { receivedAt: 'DESC', id: 'DESC' },
      take: DETAIL_ALERTS,
    });
    const [timeline, timelineCount] = await this.timeline.findAndCount({
      where: { incidentId: id },
      order: { at: 'DESC', seq: 'DESC' },
      take: DETAIL_TIMELINE,
    });
    incident.alerts = alerts.reverse();
    incident.timeline = timeline.reverse();
    return { incident, alertCount, timelineCount, notes: await this.notesOf(id) };
  }

  /** What the console's live events say of each incident (ids that are not incidents, or no longer, are absent). */
  async summaries(ids: readonly string[]): Promise<IncidentSummary[]> {
    if (!ids.length) return [];
    const rows = await this.incidents.find({
      where: { id: In([...ids]) },
      select: { id: true, number: true, status: true, level: true, updatedAt: true, lastTriggerAt: true },
    });
    return rows.map((r) => ({ id: r.id, number: r.number, status: r.status, level: r.level, updatedAt: lastUpdateTime(r).toISOString() }));
  }

  /**
   * The id of the incident with this number (what pages, Slack, SMS replies
   * and the console show as "#42"), reading the id alone; null when there is none.
   */
  async idByNumber(number: number): Promise<string | null> {
    if (!Number.isSafeInteger(number) || number < 1) return null;
    const found = await this.incidents.findOne({ where: { number }, select: { id: true } });
    return found?.id ?? null;
  }

  /** The incident's notes, oldest first (the most recent MAX_LISTED_NOTES); 404 for an unknown incident. */
  async notes(id: string): Promise<IncidentTimelineEntry[]> {
    if (!(await this.incidents.exists({ where: { id } }))) throw new NotFoundError('incident', id);
    return this.notesOf(id);
  }

  private async notesOf(id: string): Promise<IncidentTimelineEntry[]> {
    const newest = await this.timeline.find({
      where: { incidentId: id, type: NOTE_ENTRY_TYPE },
      order: { at: 'DESC', seq: 'DESC' },
      take: MAX_LISTED_NOTES,
    });
    return newest.reverse();
  }
}
