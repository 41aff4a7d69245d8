import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { ConflictError, NotFoundError, PG_UNIQUE_VIOLATION, pgErrorCode, ValidationError } from '../common/errors';
import { Page, PageQuery, paginate } from '../common/pagination';
import { UsersService } from '../users/users.service';
import { Team } from './team.entity';
import { CreateTeamDto, UpdateTeamDto } from './teams.dto';

@Injectable()
export class TeamsService {
  constructor(
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async create(dto: CreateTeamDto): Promise<Team> {
    await this.checkMembers(dto.memberIds ?? []);
    const id = await this.write(async (em) => {
      const team = await em.getRepository(Team).save({ name: dto.name.trim() });
      await this.setMembers(em, team.id, dto.memberIds ?? []);
      return team.id;
    });
    return this.get(id);
  }

  async get(id: string): Promise<Team> {
    const team = await this.teams.findOne({ where: { id }, relations: { members: true } });
    if (!team) throw new NotFoundError('team', id);
    return team;
  }

  async list(query: PageQuery): Promise<Page<Team>> {
    const page = await paginate(this.teams.createQueryBuilder('t'), 't', query);
    if (!page.items.length) return page;
    const full = await this.teams.find({
      where: page.items.map((t) => ({ id: t.id })),
      relations: { members: true },
    });
    const byId = new Map(full.map((t) => [t.id, t]));
    return { items: page.items.map((t) => byId.get(t.id) ?? t), nextCursor: page.nextCursor };
  }

  async update(id: string, dto: UpdateTeamDto): Promise<Team> {
    await this.get(id);
    if (dto.memberIds) await this.checkMembers(dto.memberIds);
    await this.write(async (em) => {
      if (dto.name !== undefined) await em.getRepository(Team).update({ id }, { name: dto.name.trim() });
      if (dto.memberIds) await this.setMembers(em, id, dto.memberIds);
      return id;
    });
    return this.get(id);
  }

  async addMember(id: string, userId: string): Promise<Team> {
    await this.get(id);
    await this.checkMembers([userId], 'userId');
    await this.dataSource.query(
      'INSERT INTO team_members (team_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [id, userId],
    );
    return this.get(id);
  }

  async removeMember(id: string, userId: string): Promise<Team> {
    await this.get(id);
    await this.dataSource.query('DELETE FROM team_members WHERE team_id = $1 AND user_id = $2', [id, userId]);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const res = await this.teams.delete({ id });
    if (!res.affected) throw new NotFoundError('team', id);
  }

  private async checkMembers(ids: string[], field = 'memberIds'): Promise<void> {
    const missing = await this.users.missingIds(ids);
    if (missing.length) throw ValidationError.field(field, `unknown user ids: ${missing.join(', ')}`);
  }

  private async setMembers(em: EntityManager, teamId: string, memberIds: string[]): Promise<void> {
    await em.query('DELETE FROM team_members WHERE team_id = $1', [teamId]);
    const unique = [...new Set(memberIds)];
    if (unique.length) {
      await em.query(
        'INSERT INTO team_members (team_id, user_id) SELECT $1, unnest($2::uuid[])',
        [teamId, unique],
      );
    }
  }

  private async write(fn: (em: EntityManager) => Promise<string>): Promise<string> {
    try {
      return await this.dataSource.transaction(fn);
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) throw new ConflictError('a team with that name already exists');
      throw e;
    }
  }
}

