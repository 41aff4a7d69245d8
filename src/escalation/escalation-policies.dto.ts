import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { NoControlChars } from '../common/validators';
import type { PolicyWarning } from './planner';
import { EscalationPolicy } from './escalation-policy.entity';

export class PolicyTargetDto {
  @ApiProperty({ enum: ['user', 'schedule'] })
  @IsIn(['user', 'schedule'])
  type: 'user' | 'schedule';

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class PolicyLevelDto {
  @ApiProperty({ minimum: 1, maximum: 1440 })
  @IsInt()
  @Min(1)
  @Max(1440)
  delayMinutes: number;

  @ApiProperty({ type: [PolicyTargetDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PolicyTargetDto)
  targets: PolicyTargetDto[];
}

export class EscalationPolicyDto {
  @ApiProperty({ example: 'Payments primary' })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiProperty({ minimum: 0, maximum: 9, description: 'how many times to start again at level 0 after the last level' })
  @IsInt()
  @Min(0)
  @Max(9)
  repeat: number;

  @ApiProperty({ type: [PolicyLevelDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PolicyLevelDto)
  levels: PolicyLevelDto[];
}

export class PolicyWarningResponse {
  @ApiProperty() code: string;
  @ApiProperty() message: string;
  @ApiProperty({ required: false }) level?: number;
}

export class EscalationPolicyResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() repeat: number;
  @ApiProperty({ type: [PolicyLevelDto] }) levels: PolicyLevelDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: [PolicyWarningResponse], description: 'targets that cannot be reached now or in the next 7 days' })
  warnings: PolicyWarning[];

  static of(p: EscalationPolicy, warnings: PolicyWarning[]): EscalationPolicyResponse {
    return {
      id: p.id,
      name: p.name,
      repeat: p.repeat,
      levels: p.levels,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      warnings,
    };
  }
}
