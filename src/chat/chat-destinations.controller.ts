import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/api-keys.service';
import { CurrentPrincipal, MinRole } from '../auth/auth.decorators';
import { hasRole } from '../auth/roles';
import { ApiErrors, ApiPageResponse, ApiUuidParam } from '../common/api-docs';
import { Page, PageQuery } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { ChatDestinationResponse, CreateChatDestinationDto, UpdateChatDestinationDto } from './chat-destinations.dto';
import { ChatDestinationsService } from './chat-destinations.service';

/** Webhook URLs are credentials: responder and admin keys see them whole, read-only keys masked. */
const revealsUrl = (caller: Principal | undefined): boolean => hasRole(caller, 'responder');

@ApiTags('chat-destinations')
@Controller('api/v1/chat-destinations')
export class ChatDestinationsController {
  constructor(private readonly destinations: ChatDestinationsService) {}

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Create a chat destination (a Teams or Mattermost webhook, or a Slack channel)' })
  @ApiCreatedResponse({ type: ChatDestinationResponse, description: 'the destination created' })
  @ApiErrors([400, 413, 415], { 400: 'a field is invalid, or missing or refused for the type' })
  async create(@Body() dto: CreateChatDestinationDto, @CurrentPrincipal() caller: Principal): Promise<ChatDestinationResponse> {
    return ChatDestinationResponse.of(await this.destinations.create(dto), revealsUrl(caller));
  }

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List chat destinations' })
  @ApiPageResponse(ChatDestinationResponse, 'one page of chat destinations, newest first')
  @ApiErrors([400])
  async list(@Query() query: PageQuery, @CurrentPrincipal() caller: Principal): Promise<Page<ChatDestinationResponse>> {
    const page = await this.destinations.list(query);
    return { items: page.items.map((d) => ChatDestinationResponse.of(d, revealsUrl(caller))), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get a chat destination' })
  @ApiOkResponse({ type: ChatDestinationResponse, description: 'the destination' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the chat destination id')
  async get(@Param('id', ParseUuidPipe) id: string, @CurrentPrincipal() caller: Principal): Promise<ChatDestinationResponse> {
    return ChatDestinationResponse.of(await this.destinations.get(id), revealsUrl(caller));
  }

  @Patch(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Change a chat destination' })
  @ApiOkResponse({ type: ChatDestinationResponse, description: 'the destination after the change' })
  @ApiErrors([400, 404, 413, 415], { 400: 'a field is invalid, or missing or refused for the type' })
  @ApiUuidParam('id', 'the chat destination id')
  async update(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateChatDestinationDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<ChatDestinationResponse> {
    return ChatDestinationResponse.of(await this.destinations.update(id, dto), revealsUrl(caller));
  }

  @Delete(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete a chat destination that no escalation policy targets' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404, 409], { 409: 'an escalation policy still targets it (the policies are listed)' })
  @HttpCode(204)
  @ApiUuidParam('id', 'the chat destination id')
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.destinations.remove(id);
  }
}
