import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_ADVANCE_MINUTES } from './core';
import type { HandoffType } from './core';
import type { HandoffMessage } from './handoff-messages.repository';
import type { HandoffRule } from './handoff-rules.repository';
import { NumberFromText } from '../common/validation';

const HANDOFF_TYPES: readonly HandoffType[] = ['oncall', 'offcall', 'both'];

export class CreateHandoffRuleDto {
  @ApiProperty({ description: 'one of the same user\'s contact methods (SMS, email or Slack)', format: 'uuid', example: '5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90' })
  @IsUUID()
  contactMethodId: string;

  @ApiProperty({ enum: HANDOFF_TYPES, description: 'tell of shifts starting (oncall), ending (offcall) or both', example: 'oncall' })
  @IsIn(HANDOFF_TYPES as string[])
  handoffType: HandoffType;

  @ApiProperty({ description: 'minutes before the handoff; 0 is at the handoff', minimum: 0, maximum: MAX_ADVANCE_MINUTES, example: 60 })
  @NumberFromText()
  @IsInt()
  @Min(0)
  @Max(MAX_ADVANCE_MINUTES)
  advanceMinutes: number;
}

/** A PATCH: absent fields stay as they are. */
export class UpdateHandoffRuleDto {
  @ApiProperty({ required: false, description: 'one of the same user\'s contact methods (SMS, email or Slack)', format: 'uuid', example: '5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90' })
  @IsOptional()
  @IsUUID()
  contactMethodId?: string;

  @ApiProperty({ required: false, enum: HANDOFF_TYPES, description: 'tell of shifts starting (oncall), ending (offcall) or both', example: 'both' })
  @IsOptional()
  @IsIn(HANDOFF_TYPES as string[])
  handoffType?: HandoffType;

  @ApiProperty({ required: false, description: 'minutes before the handoff; 0 is at the handoff', minimum: 0, maximum: MAX_ADVANCE_MINUTES, example: 30 })
  @IsOptional()
  @NumberFromText()
  @IsInt()
  @Min(0)
  @Max(MAX_ADVANCE_MINUTES)
  advanceMinutes?: number;
}

export class HandoffRuleResponse {
  @ApiProperty({ description: 'rule id', format: 'uuid', example: '9a7e51c4-3b2d-4f6e-8a1c-0d9b8e7f6a5b' }) id: string;
  @ApiProperty({ description: 'the user told', format: 'uuid', example: '3f2a1b0c-7d6e-4a5b-9c8d-1e2f3a4b5c6d' }) userId: string;
  @ApiProperty({ description: 'the contact method told', format: 'uuid', example: '5d0c9a2e-8f1b-4c3d-9e7a-2b6f4a1c8d90' }) contactMethodId: string;
  @ApiProperty({ enum: HANDOFF_TYPES, description: 'which handoffs', example: 'oncall' }) handoffType: HandoffType;
  @ApiProperty({ description: 'minutes before the handoff', example: 60 }) advanceMinutes: number;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-11-30T09:00:00.000Z' }) updatedAt: string;

  static of(r: HandoffRule): HandoffRuleResponse {
    return {
      id: r.id,
      userId: r.userId,
      contactMethodId: r.contactMethodId,
      handoffType: r.handoffType,
      advanceMinutes: r.advanceMinutes,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

export class HandoffRuleListResponse {
  @ApiProperty({ type: [HandoffRuleResponse], description: 'the user\'s handoff rules, oldest first' }) items: HandoffRuleResponse[];
}

export class HandoffMessageResponse {
  @ApiProperty({ description: 'message id', format: 'uuid', example: '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b' }) id: string;
  @ApiProperty({ enum: ['oncall', 'offcall', 'shift-change'], description: 'what the message is about', example: 'oncall' }) kind: string;
  @ApiProperty({ nullable: true, type: String, description: 'the schedule; null once deleted', example: '6e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' })
  scheduleId: string | null;
  @ApiProperty({ enum: ['sms', 'email', 'slack'], description: 'the channel', example: 'email' }) channel: string;
  @ApiProperty({ description: 'the address it goes to', example: 'ada@example.com' }) address: string;
  @ApiProperty({ description: 'the text', example: 'You are on call for Primary from Mon 2 Dec 09:00 to Mon 9 Dec 09:00 (Europe/Berlin)' }) text: string;
  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed'], description: 'delivery state', example: 'sent' }) state: string;
  @ApiProperty({ description: 'send attempts so far', example: 1 }) attempts: number;
  @ApiProperty({ nullable: true, type: String, description: 'the last error', example: null }) error: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'when it was sent', example: '2026-12-02T08:00:00.000Z' }) sentAt: string | null;
  @ApiProperty({ description: 'ISO 8601, UTC', format: 'date-time', example: '2026-12-02T08:00:00.000Z' }) createdAt: string;

  static of(m: HandoffMessage): HandoffMessageResponse {
    return {
      id: m.id,
      kind: m.kind,
      scheduleId: m.scheduleId,
      channel: m.channel,
      address: m.address,
      text: m.text,
      state: m.state,
      attempts: m.attempts,
      error: m.error,
      sentAt: m.sentAt ? m.sentAt.toISOString() : null,
      createdAt: m.createdAt.toISOString(),
    };
  }
}

export class HandoffMessageListResponse {
  @ApiProperty({ type: [HandoffMessageResponse], description: 'the user\'s latest 100 handoff and shift-change messages, newest first' })
  items: HandoffMessageResponse[];
}
