import { Controller, Get, Query } from '@nestjs/common';
import { MinRole } from '../auth/auth.decorators';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import { AuditEntryResponse, AuditPageResponse, AuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

/** Readable by every role (the guard opens GETs to read-only keys); nothing here writes. */
@ApiTags('audit-log')
@Controller('api/v1/audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List changes made through the API, newest first' })
  @ApiOkResponse({ type: AuditPageResponse, description: 'one page of audit entries' })
  @ApiErrors([400])
  async list(@Query() query: AuditQuery): Promise<AuditPageResponse> {
    const page = await this.audit.list(query);
    return { items: page.items.map(AuditEntryResponse.of), nextCursor: page.nextCursor };
  }
}
