import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { NoControlChars } from '../common/validators';
import { Team } from './team.entity';

export class CreateTeamDto {
  @ApiProperty({ description: 'unique among teams', example: 'Payments SRE', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'the members (user ids)', example: ['3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

/** A PATCH: absent fields stay as they are; null is refused (a team always has a name and a member list). */
export class UpdateTeamDto {
  @ApiPropertyOptional({ description: 'unique among teams', example: 'Payments SRE', minLength: 1, maxLength: 200 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'replaces the member list' })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

export class AddMemberDto {
  @ApiProperty({ format: 'uuid', description: 'the user to add', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' })
  @IsUUID()
  userId: string;
}

export class TeamResponse {
  @ApiProperty({ description: 'team id', format: 'uuid', example: '8b7a6c5d-4e3f-4a1b-9c0d-2e1f3a4b5c6d' }) id: string;
  @ApiProperty({ description: 'the name', example: 'Payments SRE' }) name: string;
  @ApiProperty({ type: [String], description: 'the members (user ids)', example: ['3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d'] }) memberIds: string[];
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) updatedAt: string;

  static of(t: Team): TeamResponse {
    return {
      id: t.id,
      name: t.name,
      memberIds: (t.members ?? []).map((m) => m.id).sort(),
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    };
  }
}
