import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { NoControlChars } from '../common/validators';
import { Team } from './team.entity';

export class CreateTeamDto {
  @ApiProperty({ example: 'Payments SRE' })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

/** A PATCH: absent fields stay as they are; null is refused (a team always has a name and a member list). */
export class UpdateTeamDto {
  @ApiPropertyOptional()
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
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;
}

export class TeamResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) memberIds: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

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
