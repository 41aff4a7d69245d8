import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ChatDestinationType } from './chat-destination-type';

/**
 * A room paged by escalation: `url` for Teams and Mattermost (their incoming
 * webhook, a credential), `channelId` for a Slack channel; the database checks
 * that each type has exactly its own field.
 */
@Entity('chat_destinations')
export class ChatDestination {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: ChatDestinationType;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  channelId: string | null;

  /** A disabled destination is not paged (escalation notes it on the timeline) and shows as a policy warning. */
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
