import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FieldError, NotFoundError, ValidationError } from '../common/errors';
import { OutboundSender } from '../common/outbound-http/outbound-sender';
import { Page, PageQuery } from '../common/pagination';
import { WEBHOOK_CHAT_TYPES } from './chat-destination-type';
import { ChatDestination } from './chat-destination.entity';
import { ChatDestinationReferences } from './chat-destination-references';
import { CreateChatDestinationDto, UpdateChatDestinationDto } from './chat-destinations.dto';
import { ChatDestinationFields, ChatDestinationsRepository } from './chat-destinations.repository';

/**
 * Chat destinations: rooms that escalation pages (docs/chat-destinations.md).
 * Deleting one that a policy still targets is refused with a 409 naming the
 * policy (escalation registers the check with ChatDestinationReferences).
 */
@Injectable()
export class ChatDestinationsService {
  private readonly logger = new Logger('ChatDestinations');

  constructor(
    private readonly destinations: ChatDestinationsRepository,
    private readonly references: ChatDestinationReferences,
    private readonly sender: OutboundSender,
  ) {}

  async create(dto: CreateChatDestinationDto): Promise<ChatDestination> {
    const fields = checked({
      name: dto.name.trim(),
      type: dto.type,
      url: dto.url ?? null,
      channelId: dto.channelId ?? null,
      enabled: dto.enabled ?? true,
    });
    await this.checkAddress(fields.url);
    const id = await this.destinations.create(fields);
    this.logger.log({ chatDestinationId: id, type: fields.type }, 'chat destination created');
    return this.get(id);
  }

  async get(id: string): Promise<ChatDestination> {
    const found = await this.destinations.find(id);
    if (!found) throw new NotFoundError('chat destination', id);
    return found;
  }

  list(query: PageQuery): Promise<Page<ChatDestination>> {
    return this.destinations.page(query);
  }

  /** The destination as it will be stored is checked whole: a type change must bring the field its new type needs. */
  async update(id: string, dto: UpdateChatDestinationDto): Promise<ChatDestination> {
    const current = await this.get(id);
    const fields = checked({
      name: dto.name?.trim() ?? current.name,
      type: dto.type ?? current.type,
      url: dto.url === undefined ? current.url : dto.url,
      channelId: dto.channelId === undefined ? current.channelId : dto.channelId,
      enabled: dto.enabled ?? current.enabled,
    });
    if (fields.url !== current.url) await this.checkAddress(fields.url);
    await this.destinations.update(id, fields);
    this.logger.log({ chatDestinationId: id, type: fields.type, enabled: fields.enabled }, 'chat destination changed');
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const deleted = await this.destinations.delete(id, (em) => this.references.assertUnreferenced('chat destination', id, em));
    if (!deleted) throw new NotFoundError('chat destination', id);
    this.logger.log({ chatDestinationId: id }, 'chat destination deleted');
  }

  /**
   * The same address policy, sender and resolver as outgoing webhooks
   * (docs/webhooks.md, "Private addresses"): a URL at a loopback, private,
   * link-local or metadata address is refused unless
   * KLAXON_WEBHOOK_ALLOW_PRIVATE=true; checked again at every send.
   */
  private async checkAddress(url: string | null): Promise<void> {
    if (url === null) return;
    const refusal = await this.sender.refusal(url);
    if (refusal) throw ValidationError.field('url', refusal);
  }

  /** The destinations among `ids`, for escalation's targets (missing ids are left out). */
  findMany(ids: readonly string[], em?: EntityManager): Promise<ChatDestination[]> {
    return this.destinations.findMany(ids, em);
  }
}

/** `url` for the webhook kinds, `channelId` for a Slack channel, and never the other one. */
function checked(fields: ChatDestinationFields): ChatDestinationFields {
  const errors: FieldError[] = [];
  if (WEBHOOK_CHAT_TYPES.has(fields.type)) {
    if (fields.url === null) errors.push({ field: 'url', message: `is required for a ${fields.type} destination` });
    if (fields.channelId !== null) errors.push({ field: 'channelId', message: `is not used by a ${fields.type} destination` });
  } else {
    if (fields.channelId === null) errors.push({ field: 'channelId', message: `is required for a ${fields.type} destination` });
    if (fields.url !== null) errors.push({ field: 'url', message: `is not used by a ${fields.type} destination` });
  }
  if (errors.length) throw new ValidationError(errors);
  return fields;
}
