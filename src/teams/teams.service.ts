import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, PG_UNIQUE_VIOLATION, pgErrorCode, ValidationError } from '../common/errors';
import { Page, PageQuery } from '../common/pagination';
import { UsersService } from '../users/users.service';
import { Team } from './team.entity';
import { TeamsRepository } from './teams.repository';
import { CreateTeamDto, UpdateTeamDto } from './teams.dto';

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly users: UsersService,
  ) {}

  async create(dto: CreateTeamDto): Promise<Team> {
    await this.checkMembers(dto.memberIds ?? []);
    const id = await this.uniqueName(() => this.teams.create(dto.name.trim(), dto.memberIds ?? []));
    return this.get(id);
  }

  async get(id: string): Promise<Team> {
    const team = await this.teams.findWithMembers(id);
    if (!team) throw new NotFoundError('team', id);
    return team;
  }

  list(query: PageQuery): Promise<Page<Team>> {
    return this.teams.page(query);
  }

  async update(id: string, dto: UpdateTeamDto): Promise<Team> {
    await this.get(id);
    if (dto.memberIds) await this.checkMembers(dto.memberIds);
    await this.uniqueName(() => this.teams.update(id, { name: dto.name?.trim(), memberIds: dto.memberIds }));
    return this.get(id);
  }

  async addMember(id: string, userId: string): Promise<Team> {
    await this.get(id);
    await this.checkMembers([userId], 'userId');
    await this.teams.addMember(id, userId);
    return this.get(id);
  }

  async removeMember(id: string, userId: string): Promise<Team> {
    await this.get(id);
    await this.teams.removeMember(id, userId);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.teams.delete(id))) throw new NotFoundError('team', id);
  }

  private async checkMembers(ids: string[], field = 'memberIds'): Promise<void> {
    const missing = await this.users.missingIds(ids);
    if (missing.length) throw ValidationError.field(field, `unknown user ids: ${missing.join(', ')}`);
  }

  /** Team names are unique: a clash is a 409, not a 500. */
  private async uniqueName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) throw new ConflictError('a team with that name already exists');
      throw e;
    }
  }
}
