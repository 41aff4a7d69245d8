import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { MinRole } from '../auth/auth.decorators';
import { IncidentReportQuery, IncidentReportResponse } from './incident-reports.dto';
import { IncidentReportsService, REPORT_MAX_DAYS } from './incident-reports.service';

@ApiTags('reports')
@Controller('api/v1/reports')
export class IncidentReportsController {
  constructor(private readonly reports: IncidentReportsService) {}

  @Get('incidents')
  @MinRole('read-only')
  @ApiOperation({
    summary: 'Incident figures per service and ISO week (UTC): opened, acknowledged, resolved, time to acknowledge and resolve, escalations',
  })
  @ApiOkResponse({ type: IncidentReportResponse, description: 'per service and ISO week' })
  @ApiErrors([400], { 400: `a bad date or service id, since not before until, or a range over ${REPORT_MAX_DAYS} days; the field is named` })
  weekly(@Query() q: IncidentReportQuery): Promise<IncidentReportResponse> {
    return this.reports.weekly(q);
  }
}
