import { Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A JSON value as stored in jsonb. */
export type AuditBody = Record<string, unknown> | unknown[] | string | number | boolean | null;

/**
 * One successful change made through /api/v1: who made it (the API key's
 * principal, copied so the row survives the key's revocation), when (the
 * injected Clock), and what (action, resource, the request body with secrets
 * redacted, the response status). Rows are only ever inserted.
 */
@Entity('audit_log')
@Index('ix_audit_log_created', ['createdAt', 'seq'])
@Index('ix_audit_log_resource', ['resourceType', 'resourceId', 'seq'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_log' })
  id: string;

  /** Insertion order: lists are newest first by this, and it is the cursor (times can tie). */
  @Index('uq_audit_log_seq', { unique: true })
  @Column({ type: 'bigint', insert: false, update: false, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  @Generated('increment')
  seq: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  /** An api_keys id, or "env" for KLAXON_ADMIN_API_KEY. */
  @Column({ type: 'text' })
  principalId: string;

  @Column({ type: 'text' })
  principalName: string;

  @Column({ type: 'text' })
  principalRole: string;

  /** `create`, `update`, `delete`, `<sub-resource>.create|update|delete`, or a verb such as `acknowledge`. */
  @Column({ type: 'text' })
  action: string;

  /** `user`, `team`, `schedule`, `escalation-policy`, `service`, `incident`, `api-key`. */
  @Column({ type: 'text' })
  resourceType: string;

  /** The top-level resource changed; null only when a create answered without an id. */
  @Column({ type: 'text', nullable: true })
  resourceId: string | null;

  /** The contact method, rule, override, integration, heartbeat or member touched, when there is one. */
  @Column({ type: 'text', nullable: true })
  subresourceId: string | null;

  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'int' })
  status: number;

  /** The request body as received, secrets replaced by "***"; null without a body. */
  @Column({ type: 'jsonb', nullable: true })
  requestBody: AuditBody;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;
}
