import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { MinRole } from '../auth/auth.decorators';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Page, PageQuery } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { AddMemberDto, CreateTeamDto, TeamResponse, UpdateTeamDto } from './teams.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('api/v1/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @MinRole('admin')
  async create(@Body() dto: CreateTeamDto): Promise<TeamResponse> {
    return TeamResponse.of(await this.teams.create(dto));
  }

  @Get()
  @MinRole('read-only')
  async list(@Query() query: PageQuery): Promise<Page<TeamResponse>> {
    const page = await this.teams.list(query);
    return { items: page.items.map(TeamResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  async get(@Param('id', ParseUuidPipe) id: string): Promise<TeamResponse> {
    return TeamResponse.of(await this.teams.get(id));
  }

  @Patch(':id')
  @MinRole('admin')
  async update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateTeamDto): Promise<TeamResponse> {
    return TeamResponse.of(await this.teams.update(id, dto));
  }

  @Delete(':id')
  @MinRole('admin')
  @HttpCode(204)
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.teams.remove(id);
  }

  @Post(':id/members')
  @MinRole('admin')
  async addMember(@Param('id', ParseUuidPipe) id: string, @Body() dto: AddMemberDto): Promise<TeamResponse> {
    return TeamResponse.of(await this.teams.addMember(id, dto.userId));
  }

  @Delete(':id/members/:userId')
  @MinRole('admin')
  async removeMember(
    @Param('id', ParseUuidPipe) id: string,
    @Param('userId', ParseUuidPipe) userId: string,
  ): Promise<TeamResponse> {
    return TeamResponse.of(await this.teams.removeMember(id, userId));
  }
}
