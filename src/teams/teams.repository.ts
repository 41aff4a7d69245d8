import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Page, PageQuery, paginate } from '../common/pagination';
import { Team } from './team.entity';

/** Everything teams stores: the `teams` and `team_members` tables, written only here. */
@Injectable()
export class TeamsRepository {
  constructor(
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** A team with its members, or null. */
  findWithMembers(id: string): Promise<Team | null> {
    return this.teams.findOne({ where: { id }, relations: { members: true } });
  }

  /** One page of teams, each with its members. */
  async page(query: PageQuery): Promise<Page<Team>> {
    const page = await paginate(this.teams.createQueryBuilder('t'), 't', query);
    if (!page.items.length) return page;
    const full = await this.teams.find({ where: page.items.map((t) => ({ id: t.id })), relations: { members: true } });
    const byId = new Map(full.map((t) => [t.id, t]));
    return { items: page.items.map((t) => byId.get(t.id) ?? t), nextCursor: page.nextCursor };
  }

  /** Creates a team and its members in one transaction; returns its id. */
  create(name: string, memberIds: string[]): Promise<string> {
    return this.dataSource.transaction(async (em) => {
      const team = await em.getRepository(Team).save({ name });
      await this.replaceMembers(em, team.id, memberIds);
      return team.id;
    });
  }

  /** Renames a team and/or replaces its members, in one transaction. */
  update(id: string, changes: { name?: string; memberIds?: string[] }): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      if (changes.name !== undefined) await em.getRepository(Team).update({ id }, { name: changes.name });
      if (changes.memberIds) await this.replaceMembers(em, id, changes.memberIds);
    });
  }

  async addMember(teamId: string, userId: string): Promise<void> {
    await this.dataSource.query('INSERT INTO team_members (team_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [teamId, userId]);
  }

  async removeMember(teamId: string, userId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM team_members WHERE team_id = $1 AND user_id = $2', [teamId, userId]);
  }

  /** Deletes a team; false when there was none. */
  async delete(id: string): Promise<boolean> {
    return !!(await this.teams.delete({ id })).affected;
  }

  private async replaceMembers(em: EntityManager, teamId: string, memberIds: string[]): Promise<void> {
    await em.query('DELETE FROM team_members WHERE team_id = $1', [teamId]);
    const unique = [...new Set(memberIds)];
    if (unique.length) {
      await em.query('INSERT INTO team_members (team_id, user_id) SELECT $1, unnest($2::uuid[])', [teamId, unique]);
    }
  }
}
