import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { MinRole } from '../auth/auth.decorators';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiPageResponse, ApiUuidParam } from '../common/api-docs';
import { Page, PageQuery } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { EscalationPolicyDto, EscalationPolicyResponse } from './escalation-policies.dto';
import { EscalationPoliciesService } from './escalation-policies.service';
import { EscalationPolicy } from './escalation-policy.entity';

@ApiTags('escalation-policies')
@Controller('api/v1/escalation-policies')
export class EscalationPoliciesController {
  constructor(private readonly policies: EscalationPoliciesService) {}

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Create an escalation policy' })
  @ApiCreatedResponse({ type: EscalationPolicyResponse, description: 'the policy created, with warnings about unreachable targets' })
  @ApiErrors([400, 409, 413, 415], { 409: 'an escalation policy with that name already exists' })
  async create(@Body() dto: EscalationPolicyDto): Promise<EscalationPolicyResponse> {
    return this.respond(await this.policies.create(dto));
  }

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List escalation policies' })
  @ApiPageResponse(EscalationPolicyResponse, 'one page of policies, newest first')
  @ApiErrors([400])
  async list(@Query() query: PageQuery): Promise<Page<EscalationPolicyResponse>> {
    const page = await this.policies.list(query);
    return { items: await Promise.all(page.items.map((p) => this.respond(p))), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get an escalation policy' })
  @ApiOkResponse({ type: EscalationPolicyResponse, description: 'the policy, with warnings about unreachable targets' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the escalation policy id')
  async get(@Param('id', ParseUuidPipe) id: string): Promise<EscalationPolicyResponse> {
    return this.respond(await this.policies.get(id));
  }

  @Put(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Replace an escalation policy' })
  @ApiOkResponse({ type: EscalationPolicyResponse, description: 'the policy after the change' })
  @ApiErrors([400, 404, 409, 413, 415])
  @ApiUuidParam('id', 'the escalation policy id')
  async update(@Param('id', ParseUuidPipe) id: string, @Body() dto: EscalationPolicyDto): Promise<EscalationPolicyResponse> {
    return this.respond(await this.policies.update(id, dto));
  }

  @Delete(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete an escalation policy' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404, 409], { 409: 'a service still uses the policy' })
  @HttpCode(204)
  @ApiUuidParam('id', 'the escalation policy id')
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.policies.remove(id);
  }

  private async respond(p: EscalationPolicy): Promise<EscalationPolicyResponse> {
    return EscalationPolicyResponse.of(p, await this.policies.warnings(p));
  }
}
