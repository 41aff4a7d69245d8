import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { AdminOrSelf, MinRole } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiPageResponse, ApiUuidParam } from '../common/api-docs';
import { Page, PageQuery } from '../common/pagination';
import {
  ContactMethodResponse,
  CreateContactMethodDto,
  CreateNotificationRuleDto,
  CreateUserDto,
  NotificationRuleResponse,
  UpdateContactMethodDto,
  UpdateUserDto,
  UserResponse,
} from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Create a user' })
  @ApiCreatedResponse({ type: UserResponse, description: 'the user created' })
  @ApiErrors([400, 409, 413, 415], { 409: 'a user with that email already exists' })
  async create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return UserResponse.of(await this.users.create(dto));
  }

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List users' })
  @ApiPageResponse(UserResponse, 'one page of users, newest first')
  @ApiErrors([400])
  async list(@Query() query: PageQuery): Promise<Page<UserResponse>> {
    const page = await this.users.list(query);
    return { items: page.items.map(UserResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get a user with contact methods and notification rules' })
  @ApiOkResponse({ type: UserResponse, description: 'the user' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the user id')
  async get(@Param('id', ParseUuidPipe) id: string): Promise<UserResponse> {
    return UserResponse.of(await this.users.get(id));
  }

  @Patch(':id')
  @AdminOrSelf('id', { adminOnlyFields: ['role', 'email'] })
  @ApiOperation({ summary: 'Update a user (absent fields stay as they are); a user may change their own name and time zone' })
  @ApiOkResponse({ type: UserResponse, description: 'the user after the change' })
  @ApiErrors([400, 404, 409, 413, 415], { 409: 'a user with that email already exists' })
  @ApiUuidParam('id', 'the user id')
  async update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return UserResponse.of(await this.users.update(id, dto));
  }

  @Delete(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete a user' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404, 409], { 409: 'the user is still a target of an escalation policy or in a schedule' })
  @HttpCode(204)
  @ApiUuidParam('id', 'the user id')
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.users.remove(id);
  }

  @Post(':id/contact-methods')
  @AdminOrSelf('id')
  @ApiOperation({ summary: 'Add a contact method (SMS, voice, email or Slack) to a user' })
  @ApiCreatedResponse({ type: ContactMethodResponse, description: 'the contact method created' })
  @ApiErrors([400, 404, 409, 413, 415], { 409: 'the user already has that contact method' })
  @ApiUuidParam('id', 'the user id')
  async addContactMethod(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateContactMethodDto,
  ): Promise<ContactMethodResponse> {
    return ContactMethodResponse.of(await this.users.addContactMethod(id, dto));
  }

  @Patch(':id/contact-methods/:cmId')
  @AdminOrSelf('id')
  @ApiOperation({ summary: 'Enable or disable a contact method' })
  @ApiOkResponse({ type: ContactMethodResponse, description: 'the contact method after the change' })
  @ApiErrors([400, 404, 413, 415])
  @ApiUuidParam('id', 'the user id')
  @ApiUuidParam('cmId', 'the contact method id')
  async updateContactMethod(
    @Param('id', ParseUuidPipe) id: string,
    @Param('cmId', ParseUuidPipe) cmId: string,
    @Body() dto: UpdateContactMethodDto,
  ): Promise<ContactMethodResponse> {
    return ContactMethodResponse.of(await this.users.setContactMethodEnabled(id, cmId, dto.enabled));
  }

  @Delete(':id/contact-methods/:cmId')
  @AdminOrSelf('id')
  @ApiOperation({ summary: 'Delete a contact method and its notification rules' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404])
  @HttpCode(204)
  @ApiUuidParam('id', 'the user id')
  @ApiUuidParam('cmId', 'the contact method id')
  async removeContactMethod(
    @Param('id', ParseUuidPipe) id: string,
    @Param('cmId', ParseUuidPipe) cmId: string,
  ): Promise<void> {
    await this.users.removeContactMethod(id, cmId);
  }

  @Post(':id/notification-rules')
  @AdminOrSelf('id')
  @ApiOperation({ summary: 'Add a notification rule: page this contact method this many minutes into an incident' })
  @ApiCreatedResponse({ type: NotificationRuleResponse, description: 'the rule created' })
  @ApiErrors([400, 404, 409, 413, 415], { 409: 'a rule with that delayMinutes already exists for that contact method' })
  @ApiUuidParam('id', 'the user id')
  async addRule(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateNotificationRuleDto,
  ): Promise<NotificationRuleResponse> {
    return NotificationRuleResponse.of(await this.users.addNotificationRule(id, dto));
  }

  @Delete(':id/notification-rules/:ruleId')
  @AdminOrSelf('id')
  @ApiOperation({ summary: 'Delete a notification rule' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404])
  @HttpCode(204)
  @ApiUuidParam('id', 'the user id')
  @ApiUuidParam('ruleId', 'the notification rule id')
  async removeRule(
    @Param('id', ParseUuidPipe) id: string,
    @Param('ruleId', ParseUuidPipe) ruleId: string,
  ): Promise<void> {
    await this.users.removeNotificationRule(id, ruleId);
  }
}
