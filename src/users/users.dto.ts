import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { API_KEY_ROLES, ApiKeyRole } from '../auth/api-key.entity';
import { IsIanaZone, NoControlChars } from '../common/validators';
import { CHANNEL_TYPES, ChannelType } from './contact-method-type';
import { ContactMethod } from './contact-method.entity';
import { NotificationRule } from './notification-rule.entity';
import { User } from './user.entity';
import { NumberFromText } from '../common/validation';

export class CreateUserDto {
  @ApiProperty({ description: 'the name shown in pages, Slack and the schedule views', example: 'Ada Lovelace', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiProperty({ description: 'unique among users', example: 'ada@example.com' })
  @IsEmail()
  @Length(3, 320)
  email: string;

  @ApiPropertyOptional({ description: 'IANA time zone, for the times in pages and views', example: 'Europe/London', default: 'UTC' })
  // Absent means UTC; null is not a zone (and a PATCH with null would clear a NOT NULL column).
  @ValidateIf((_, v) => v !== undefined)
  @IsIanaZone()
  timeZone?: string;

  @ApiPropertyOptional({ enum: API_KEY_ROLES, description: 'what the user may do when signed in to the console', example: 'responder', default: 'responder' })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(API_KEY_ROLES as string[])
  role?: ApiKeyRole;
}

/** A PATCH: absent fields stay as they are; null is not "absent" (a user always has a name and an email). */
export class UpdateUserDto extends PartialType(CreateUserDto, { skipNullProperties: false }) {}

export class CreateContactMethodDto {
  @ApiProperty({ enum: CHANNEL_TYPES, description: 'how to reach the user', example: 'sms' })
  @IsIn(CHANNEL_TYPES as string[])
  type: ChannelType;

  @ApiProperty({ description: 'E.164 number for sms/voice, an email address, or a Slack user id', example: '+14155550123' })
  @IsString()
  @Length(1, 320)
  address: string;

  @ApiPropertyOptional({ description: 'create the default immediate notification rule (default true)', default: true, example: true })
  @IsOptional()
  @IsBoolean()
  defaultRule?: boolean;
}

export class UpdateContactMethodDto {
  @ApiProperty({ description: 'a disabled contact method is never paged', example: false })
  @IsBoolean()
  enabled: boolean;
}

export class CreateNotificationRuleDto {
  @ApiProperty({ description: 'one of the same user\'s contact methods', format: 'uuid', example: '5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90' })
  @IsUUID()
  contactMethodId: string;

  @ApiProperty({ description: 'minutes after the user is first paged for an incident; 0 is at once', minimum: 0, maximum: 1440, example: 5 })
  @NumberFromText()
  @IsInt()
  @Min(0)
  @Max(1440)
  delayMinutes: number;
}

export class ContactMethodResponse {
  @ApiProperty({ description: 'contact method id', format: 'uuid', example: '5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90' }) id: string;
  @ApiProperty({ enum: CHANNEL_TYPES, description: 'the channel', example: 'sms' }) type: ChannelType;
  @ApiProperty({ description: 'E.164 number, email address or Slack user id', example: '+14155550123' }) address: string;
  @ApiProperty({ description: 'false: never paged', example: true }) enabled: boolean;

  static of(c: ContactMethod): ContactMethodResponse {
    return { id: c.id, type: c.type, address: c.address, enabled: c.enabled };
  }
}

export class NotificationRuleResponse {
  @ApiProperty({ description: 'rule id', format: 'uuid', example: '9a7e51c4-3b2d-4f6e-8a1c-0d9b8e7f6a5b' }) id: string;
  @ApiProperty({ description: 'the contact method paged', format: 'uuid', example: '5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90' }) contactMethodId: string;
  @ApiProperty({ description: 'minutes after the user is first paged; 0 is at once', example: 5 }) delayMinutes: number;

  static of(r: NotificationRule): NotificationRuleResponse {
    return { id: r.id, contactMethodId: r.contactMethodId, delayMinutes: r.delayMinutes };
  }
}

export class UserResponse {
  @ApiProperty({ description: 'user id', format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' }) id: string;
  @ApiProperty({ description: 'display name', example: 'Ada Lovelace' }) name: string;
  @ApiProperty({ description: 'email address', example: 'ada@example.com' }) email: string;
  @ApiProperty({ description: 'IANA time zone', example: 'Europe/London' }) timeZone: string;
  @ApiProperty({ enum: API_KEY_ROLES, description: 'what the user may do when signed in to the console', example: 'responder' }) role: ApiKeyRole;
  @ApiProperty({ type: [ContactMethodResponse], description: 'how to reach the user' }) contactMethods: ContactMethodResponse[];
  @ApiProperty({ type: [NotificationRuleResponse], description: 'when each contact method is paged, by delayMinutes' })
  notificationRules: NotificationRuleResponse[];
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) updatedAt: string;

  static of(u: User): UserResponse {
    const byDelay = (a: NotificationRule, b: NotificationRule) => a.delayMinutes - b.delayMinutes;
    return {
      id: u.id,
      name: u.name,
      email: u.email,
      timeZone: u.timeZone,
      role: u.role,
      contactMethods: (u.contactMethods ?? []).map(ContactMethodResponse.of),
      notificationRules: [...(u.notificationRules ?? [])].sort(byDelay).map(NotificationRuleResponse.of),
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    };
  }
}
