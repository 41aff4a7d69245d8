import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminOrSelf, MinRole } from '../auth/auth.decorators';
import { ApiErrors, ApiUuidParam } from '../common/api-docs';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import {
  CreateHandoffRuleDto,
  HandoffMessageListResponse,
  HandoffMessageResponse,
  HandoffRuleListResponse,
  HandoffRuleResponse,
  UpdateHandoffRuleDto,
} from './handoff-rules.dto';
import { HandoffRulesService } from './handoff-rules.service';

/** A user's handoff rules and the messages they caused; authorised like the user's notification rules (an admin, or the user's own responder session). */
@ApiTags('users')
@Controller('api/v1/users')
export class HandoffRulesController {
  constructor(private readonly rules: HandoffRulesService) {}

  @Post(':id/handoff-rules')
  @AdminOrSelf('id')
  @ApiOperation({ summary: 'Add a handoff rule: tell this contact method when the user goes on or off call' })
  @ApiCreatedResponse({ type: HandoffRuleResponse, description: 'the rule created' })
  @ApiErrors([400, 404, 413, 415])
  @ApiUuidParam('id', 'the user id')
  async create(@Param('id', ParseUuidPipe) id: string, @Body() dto: CreateHandoffRuleDto): Promise<HandoffRuleResponse> {
    return HandoffRuleResponse.of(await this.rules.create(id, dto));
  }

  @Get(':id/handoff-rules')
  @MinRole('read-only')
  @ApiOperation({ summary: "List a user's handoff rules" })
  @ApiOkResponse({ type: HandoffRuleListResponse, description: 'the rules' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the user id')
  async list(@Param('id', ParseUuidPipe) id: string): Promise<HandoffRuleListResponse> {
    return { items: (await this.rules.list(id)).map(HandoffRuleResponse.of) };
  }

  @Get(':id/handoff-rules/:handoffRuleId')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get a handoff rule' })
  @ApiOkResponse({ type: HandoffRuleResponse, description: 'the rule' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the user id')
  @ApiUuidParam('handoffRuleId', 'the handoff rule id')
  async get(@Param('id', ParseUuidPipe) id: string, @Param('handoffRuleId', ParseUuidPipe) ruleId: string): Promise<HandoffRuleResponse> {
    return HandoffRuleResponse.of(await this.rules.get(id, ruleId));
  }

  @Patch(':id/handoff-rules/:handoffRuleId')
  @AdminOrSelf('id')
  @ApiOperation({ summary: 'Change a handoff rule (absent fields stay as they are)' })
  @ApiOkResponse({ type: HandoffRuleResponse, description: 'the rule after the change' })
  @ApiErrors([400, 404, 413, 415])
  @ApiUuidParam('id', 'the user id')
  @ApiUuidParam('handoffRuleId', 'the handoff rule id')
  async update(
    @Param('id', ParseUuidPipe) id: string,
    @Param('handoffRuleId', ParseUuidPipe) ruleId: string,
    @Body() dto: UpdateHandoffRuleDto,
  ): Promise<HandoffRuleResponse> {
    return HandoffRuleResponse.of(await this.rules.update(id, ruleId, dto));
  }

  @Delete(':id/handoff-rules/:handoffRuleId')
  @AdminOrSelf('id')
  @ApiOperation({ summary: 'Delete a handoff rule and its pending notifications' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404])
  @HttpCode(204)
  @ApiUuidParam('id', 'the user id')
  @ApiUuidParam('handoffRuleId', 'the handoff rule id')
  async remove(@Param('id', ParseUuidPipe) id: string, @Param('handoffRuleId', ParseUuidPipe) ruleId: string): Promise<void> {
    await this.rules.remove(id, ruleId);
  }

  @Get(':id/handoff-messages')
  @MinRole('read-only')
  @ApiOperation({ summary: "List a user's latest handoff and shift-change messages with their delivery state" })
  @ApiOkResponse({ type: HandoffMessageListResponse, description: 'the messages, newest first' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the user id')
  async messages(@Param('id', ParseUuidPipe) id: string): Promise<HandoffMessageListResponse> {
    return { items: (await this.rules.messagesOf(id)).map(HandoffMessageResponse.of) };
  }
}
