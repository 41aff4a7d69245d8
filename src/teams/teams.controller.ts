import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { MinRole } from '../auth/auth.decorators';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiPageResponse, ApiUuidParam } from '../common/api-docs';
import { Page, PageQuery } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { AddMemberDto, CreateTeamDto, TeamResponse, UpdateTeamDto } from './teams.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('api/v1/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @MinRole('admin')
  @ApiOperation({ summary: 'Create a team' })
  @ApiCreatedResponse({ type: TeamResponse, description: 'the team created' })
  @ApiErrors([400, 409, 413, 415], { 409: 'a team with that name already exists' })
  async create(@Body() dto: CreateTeamDto): Promise<TeamResponse> {
    return TeamResponse.of(await this.teams.create(dto));
  }

  @Get()
  @MinRole('read-only')
  @ApiOperation({ summary: 'List teams' })
  @ApiPageResponse(TeamResponse, 'one page of teams, newest first')
  @ApiErrors([400])
  async list(@Query() query: PageQuery): Promise<Page<TeamResponse>> {
    const page = await this.teams.list(query);
    return { items: page.items.map(TeamResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @MinRole('read-only')
  @ApiOperation({ summary: 'Get a team' })
  @ApiOkResponse({ type: TeamResponse, description: 'the team' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the team id')
  async get(@Param('id', ParseUuidPipe) id: string): Promise<TeamResponse> {
    return TeamResponse.of(await this.teams.get(id));
  }

  @Patch(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Rename a team or replace its members' })
  @ApiOkResponse({ type: TeamResponse, description: 'the team after the change' })
  @ApiErrors([400, 404, 409, 413, 415], { 409: 'a team with that name already exists' })
  @ApiUuidParam('id', 'the team id')
  async update(@Param('id', ParseUuidPipe) id: string, @Body() dto: UpdateTeamDto): Promise<TeamResponse> {
    return TeamResponse.of(await this.teams.update(id, dto));
  }

  @Delete(':id')
  @MinRole('admin')
  @ApiOperation({ summary: 'Delete a team' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors([400, 404])
  @HttpCode(204)
  @ApiUuidParam('id', 'the team id')
  async remove(@Param('id', ParseUuidPipe) id: string): Promise<void> {
    await this.teams.remove(id);
  }

  @Post(':id/members')
  @MinRole('admin')
  @ApiOperation({ summary: 'Add a member to a team' })
  @ApiCreatedResponse({ type: TeamResponse, description: 'the team with the new member' })
  @ApiErrors([400, 404, 413, 415])
  @ApiUuidParam('id', 'the team id')
  async addMember(@Param('id', ParseUuidPipe) id: string, @Body() dto: AddMemberDto): Promise<TeamResponse> {
    return TeamResponse.of(await this.teams.addMember(id, dto.userId));
  }

  @Delete(':id/members/:userId')
  @MinRole('admin')
  @ApiOperation({ summary: 'Remove a member from a team' })
  @ApiOkResponse({ type: TeamResponse, description: 'the team without the member' })
  @ApiErrors([400, 404])
  @ApiUuidParam('id', 'the team id')
  @ApiUuidParam('userId', 'the member (user id) to remove')
  async removeMember(
    @Param('id', ParseUuidPipe) id: string,
    @Param('userId', ParseUuidPipe) userId: string,
  ): Promise<TeamResponse> {
    return TeamResponse.of(await this.teams.removeMember(id, userId));
  }
}
