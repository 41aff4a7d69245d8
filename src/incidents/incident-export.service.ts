import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { groupBy } from '../common/group-by';
import { Alert } from './alert.entity';
import { Incident } from './incident.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { incidentRange } from './incident-range';
import type { IncidentRangeQuery } from './incident-reports.dto';
import { IncidentResponse } from './incidents.dto';

/** Incidents read (with their alerts and timeline) per page of the export: what one page holds in memory. */
export const EXPORT_PAGE_INCIDENTS = 100;

/**
 * The NDJSON export: every incident opened in [since, until), in order of
 * number (the order they opened in), one line each in the shape of GET
 * /incidents/{id} with all its alerts and its whole timeline. Paged by a
 * cursor on the number (unique and exact, unlike a timestamp), a page at a time,
 * and pulled by the response stream, so a slow reader holds one page in
 * memory and no page blocks the event loop for long.
 */
@Injectable()
export class IncidentExportService {
  constructor(
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    @InjectRepository(IncidentTimelineEntry) private readonly timeline: Repository<IncidentTimelineEntry>,
    private readonly clock: Clock,
  ) {}

  /** Resolves the range now (a bad one is a 400 before the stream starts), then yields one chunk of lines per page. */
  lines(q: IncidentRangeQuery): AsyncGenerator<string> {
    const range = incidentRange(q, this.clock.now());
    return this.pages(range.since, range.until);
  }

  private async *pages(since: Date, until: Date): AsyncGenerator<string> {
    let after: number | null = null;
    for (;;) {
      const page = await this.page(since, until, after);
      if (!page.length) return;
      yield page.map((i) => JSON.stringify(IncidentResponse.of(i)) + '\n').join('');
      const last = page[page.length - 1];
      after = Number(last.number);
      if (page.length < EXPORT_PAGE_INCIDENTS) return;
    }
  }

  private async page(since: Date, until: Date, after: number | null): Promise<Incident[]> {
    const qb = this.incidents
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.service', 'service')
      .where('i.createdAt >= :since AND i.createdAt < :until', { since, until });
    if (after !== null) qb.andWhere('i.number > :after', { after });
    const page = await qb.orderBy('i.number', 'ASC').limit(EXPORT_PAGE_INCIDENTS).getMany();
    if (!page.length) return page;
    const ids = page.map((i) => i.id);
    const [alerts, timeline] = await Promise.all([
      this.alerts.find({ where: { incidentId: In(ids) }, order: { receivedAt: 'ASC', id: 'ASC' } }),
      this.timeline.find({ where: { incidentId: In(ids) }, order: { at: 'ASC', seq: 'ASC' } }),
    ]);
    const alertsOf = groupBy(alerts, (a) => a.incidentId);
    const timelineOf = groupBy(timeline, (e) => e.incidentId);
    for (const i of page) {
      i.alerts = alertsOf.get(i.id) ?? [];
      i.timeline = timelineOf.get(i.id) ?? [];
    }
    return page;
  }
}
