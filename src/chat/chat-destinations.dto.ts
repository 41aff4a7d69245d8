import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, IsUrl, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { maskCredentialUrl } from '../common/credential-redaction';
import { NoControlChars } from '../common/validators';
import { CHAT_DESTINATION_TYPES, type ChatDestinationType, SLACK_CHANNEL_ID } from './chat-destination-type';
import type { ChatDestination } from './chat-destination.entity';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_underscores: true };
const URL_MESSAGE = 'must be an http(s) URL';
const CHANNEL_MESSAGE = 'must be a Slack channel id such as C0123456789';
const TEAMS_URL_EXAMPLE = 'https://prod-42.westeurope.logic.azure.com/workflows/0a1b2c/triggers/manual/paths/invoke?api-version=2016-06-01&sig=abc';

/**
 * Which of `url` and `channelId` a type needs is checked by ChatDestinationsService
 * on the destination as it will be stored (after a PATCH, too), naming the field.
 */
export class CreateChatDestinationDto {
  @ApiProperty({ description: 'a label for people, e.g. the room', example: 'Payments on-call room', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name: string;

  @ApiProperty({ enum: CHAT_DESTINATION_TYPES, description: 'Microsoft Teams (Workflows webhook), Mattermost (incoming webhook), or a Slack channel', example: 'teams' })
  @IsIn(CHAT_DESTINATION_TYPES)
  type: ChatDestinationType;

  @ApiPropertyOptional({ description: 'teams and mattermost: the incoming webhook URL (a credential); refused for slack-channel', example: TEAMS_URL_EXAMPLE, maxLength: 2048 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MaxLength(2048)
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  url?: string;

  @ApiPropertyOptional({ description: 'slack-channel: the channel id (the Klaxon app must be a member); refused for the others', example: 'C0123456789' })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @Matches(SLACK_CHANNEL_ID, { message: CHANNEL_MESSAGE })
  channelId?: string;

  @ApiPropertyOptional({ description: 'false: escalation skips it (and says so on the timeline); default true', example: true })
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean()
  enabled?: boolean;
}

/** A PATCH: absent fields stay as they are; `url` or `channelId` null removes it (when the new type does without). */
export class UpdateChatDestinationDto {
  @ApiPropertyOptional({ description: 'a label for people', example: 'Payments on-call room', minLength: 1, maxLength: 200 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @Length(1, 200)
  @NoControlChars()
  name?: string;

  @ApiPropertyOptional({ enum: CHAT_DESTINATION_TYPES, description: 'the kind of destination', example: 'mattermost' })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(CHAT_DESTINATION_TYPES)
  type?: ChatDestinationType;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the incoming webhook URL (teams, mattermost)', example: 'https://chat.example.com/hooks/xg7ph3bkqi8ydkp1sq3k6e1aoc', maxLength: 2048 })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(2048)
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  url?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the Slack channel id (slack-channel)', example: 'C0123456789' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @Matches(SLACK_CHANNEL_ID, { message: CHANNEL_MESSAGE })
  channelId?: string | null;

  @ApiPropertyOptional({ description: 'false: escalation skips it', example: false })
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean()
  enabled?: boolean;
}

export class ChatDestinationResponse {
  @ApiProperty({ description: 'chat destination id', format: 'uuid', example: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' }) id: string;
  @ApiProperty({ description: 'the name', example: 'Payments on-call room' }) name: string;
  @ApiProperty({ enum: CHAT_DESTINATION_TYPES, description: 'the kind of destination', example: 'teams' }) type: ChatDestinationType;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the incoming webhook URL; read-only keys see only its scheme and host (https://host/•••); null for slack-channel',
    example: TEAMS_URL_EXAMPLE,
  })
  url: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the Slack channel id; null for teams and mattermost', example: null })
  channelId: string | null;
  @ApiProperty({ description: 'false: escalation skips it', example: true }) enabled: boolean;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) updatedAt: string;

  /** `revealUrl`: false for read-only keys, which see the URL masked. */
  static of(d: ChatDestination, revealUrl: boolean): ChatDestinationResponse {
    return {
      id: d.id,
      name: d.name,
      type: d.type,
      url: d.url === null ? null : revealUrl ? d.url : maskCredentialUrl(d.url),
      channelId: d.channelId,
      enabled: d.enabled,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}
