import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { IsIanaZone, NoControlChars } from '../common/validators';
import { CHANNEL_TYPES, ChannelType } from './contact-method-type';
import { ContactMethod } from './contact-method.entity';
import { NotificationRule } from './notification-rule.entity';
import { User } from './user.entity';

export class CreateUserDto {
  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  @Length(3, 320)
  email: string;

  @ApiPropertyOptional({ example: 'Europe/London', default: 'UTC' })
  // Absent means UTC; null is not a zone (and a PATCH with null would clear a NOT NULL column).
  @ValidateIf((_, v) => v !== undefined)
  @IsIanaZone()
  timeZone?: string;
}

/** A PATCH: absent fields stay as they are; null is not "absent" (a user always has a name and an email). */
export class UpdateUserDto extends PartialType(CreateUserDto, { skipNullProperties: false }) {}

export class CreateContactMethodDto {
  @ApiProperty({ enum: CHANNEL_TYPES })
  @IsIn(CHANNEL_TYPES as string[])
  type: ChannelType;

  @ApiProperty({ description: 'E.164 number for sms/voice, an email address, or a Slack user id', example: '+14155550123' })
  @IsString()
  @Length(1, 320)
  address: string;

  @ApiPropertyOptional({ description: 'create the default immediate notification rule (default true)', default: true })
  @IsOptional()
  @IsBoolean()
  defaultRule?: boolean;
}

export class UpdateContactMethodDto {
  @ApiProperty()
  @IsBoolean()
  enabled: boolean;
}

export class CreateNotificationRuleDto {
  @ApiProperty()
  @IsUUID()
  contactMethodId: string;

  @ApiProperty({ minimum: 0, maximum: 1440 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1440)
  delayMinutes: number;
}

export class ContactMethodResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: CHANNEL_TYPES }) type: ChannelType;
  @ApiProperty() address: string;
  @ApiProperty() enabled: boolean;

  static of(c: ContactMethod): ContactMethodResponse {
    return { id: c.id, type: c.type, address: c.address, enabled: c.enabled };
  }
}

export class NotificationRuleResponse {
  @ApiProperty() id: string;
  @ApiProperty() contactMethodId: string;
  @ApiProperty() delayMinutes: number;

  static of(r: NotificationRule): NotificationRuleResponse {
    return { id: r.id, contactMethodId: r.contactMethodId, delayMinutes: r.delayMinutes };
  }
}

export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: [ContactMethodResponse] }) contactMethods: ContactMethodResponse[];
  @ApiProperty({ type: [NotificationRuleResponse] }) notificationRules: NotificationRuleResponse[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static of(u: User): UserResponse {
    const byDelay = (a: NotificationRule, b: NotificationRule) => a.delayMinutes - b.delayMinutes;
    return {
      id: u.id,
      name: u.name,
      email: u.email,
      timeZone: u.timeZone,
      contactMethods: (u.contactMethods ?? []).map(ContactMethodResponse.of),
      notificationRules: [...(u.notificationRules ?? [])].sort(byDelay).map(NotificationRuleResponse.of),
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    };
  }
}
