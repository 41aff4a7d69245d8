import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { MinRole } from '../auth/auth.decorators';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Page, PageQuery } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { EscalationPolicyDto, EscalationPolicyResponse } from './escalation-policies.dto';
import { EscalationPoliciesService } from './escalation-policies.service';
import { EscalationPolicy } from './escalation-policy.entity';

@ApiTags('escalation-policies')
@ApiBearerAuth()
@Controller('api/v1/escalation-policies')
export class EscalationPoliciesController {
  constructor(private readonly policies: EscalationPoliciesService) {}

  @Post()
  @MinRole('admin')
  async create(@Body() dto: EscalationPolicyDto): Promise<EscalationPolicyResponse> {
    return this.respond(await this.policies.create(dto));
  }

  @Get()
  @MinRole('read-only')
  async list(@Query() query: PageQuery): Promise<Page<EscalationPolicyResponse>> {
    const page = await this.policies.list(query);
    return { items: await Promise.all(page.items.map((p) => this.respond(p))), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  async get(@Param('id', ParseUuidPipe) id: string): Promise<EscalationPolicyResponse> {
    return this.respond(await this.policies.get(id));
  }

  @Put(':id')
  @MinRole('admin')
  async update(@Param('id', ParseUuidPipe) id: string, @Body() dto: EscalationPolicyDto): Promise<EscalationPolicyResponse> {
    return this.respond(await this.policies.update(id, dto));
  }

  @Delete(':id')
  @MinRole('admin')
  @HttpCode(204)
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.policies.remove(id);
  }

  private async respond(p: EscalationPolicy): Promise<EscalationPolicyResponse> {
    return EscalationPolicyResponse.of(p, await this.policies.warnings(p));
  }
}
