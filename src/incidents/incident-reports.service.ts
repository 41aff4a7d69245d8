import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { incidentRange } from './incident-range';
import { IncidentReportQuery, IncidentReportResponse, WeeklyIncidentFiguresResponse } from './incident-reports.dto';
import { IncidentReportsRepository } from './incident-reports.repository';

/** The longest range one report covers: a year of weeks, computed in one statement. */
export const REPORT_MAX_DAYS = 366;

@Injectable()
export class IncidentReportsService {
  constructor(
    private readonly reports: IncidentReportsRepository,
    private readonly clock: Clock,
  ) {}

  async weekly(q: IncidentReportQuery): Promise<IncidentReportResponse> {
    const { since, until } = incidentRange(q, this.clock.now(), REPORT_MAX_DAYS);
    const weeks = await this.reports.weekly(since, until, q.serviceId?.toLowerCase() ?? null);
    return { since: since.toISOString(), until: until.toISOString(), weeks: weeks.map(WeeklyIncidentFiguresResponse.of) };
  }
}
