import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { MinRole } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @MinRole('admin')
  async create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return UserResponse.of(await this.users.create(dto));
  }

  @Get()
  @MinRole('read-only')
  async list(@Query() query: PageQuery): Promise<Page<UserResponse>> {
    const page = await this.users.list(query);
    return { items: page.items.map(UserResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  async get(@Param('id', ParseUuidPipe) id: string): Promise<UserResponse> {
    return UserResponse.of(await this.users.get(id));
  }

  @Patch(':id')
  @MinRole('admin')
  async update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return UserResponse.of(await this.users.update(id, dto));
  }

  @Delete(':id')
  @MinRole('admin')
  @HttpCode(204)
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.users.remove(id);
  }

  @Post(':id/contact-methods')
  @MinRole('admin')
  async addContactMethod(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateContactMethodDto,
  ): Promise<ContactMethodResponse> {
    return ContactMethodResponse.of(await this.users.addContactMethod(id, dto));
  }

  @Patch(':id/contact-methods/:cmId')
  @MinRole('admin')
  async updateContactMethod(
    @Param('id', ParseUuidPipe) id: string,
    @Param('cmId', ParseUuidPipe) cmId: string,
    @Body() dto: UpdateContactMethodDto,
  ): Promise<ContactMethodResponse> {
    return ContactMethodResponse.of(await this.users.setContactMethodEnabled(id, cmId, dto.enabled));
  }

  @Delete(':id/contact-methods/:cmId')
  @MinRole('admin')
  @HttpCode(204)
  async removeContactMethod(
    @Param('id', ParseUuidPipe) id: string,
    @Param('cmId', ParseUuidPipe) cmId: string,
  ): Promise<void> {
    await this.users.removeContactMethod(id, cmId);
  }

  @Post(':id/notification-rules')
  @MinRole('admin')
  async addRule(
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateNotificationRuleDto,
  ): Promise<NotificationRuleResponse> {
    return NotificationRuleResponse.of(await this.users.addNotificationRule(id, dto));
  }

  @Delete(':id/notification-rules/:ruleId')
  @MinRole('admin')
  @HttpCode(204)
  async removeRule(
    @Param('id', ParseUuidPipe) id: string,
    @Param('ruleId', ParseUuidPipe) ruleId: string,
  ): Promise<void> {
    await this.users.removeNotificationRule(id, ruleId);
  }
}
