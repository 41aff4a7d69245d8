import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PolicyRef {
  id: string;
  name: string;
}

/** SQL on `escalation_policies` that TypeORM's repository cannot express (targets live in JSONB levels). */
@Injectable()
export class EscalationPoliciesRepository {
  /** The policies with a level that pages this user, schedule, webhook or chat destination, read in the caller's transaction. */
  targeting(em: EntityManager, type: 'user' | 'schedule' | 'webhook' | 'chat', id: string): Promise<PolicyRef[]> {
    return em.query(
      `SELECT id, name FROM escalation_policies
        WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(levels) l, jsonb_array_elements(l->'targets') t
                       WHERE t->>'type' = $2 AND t->>'id' = $1)`,
      [id, type],
    ) as Promise<PolicyRef[]>;
  }
}
