import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EscalationPolicyDefinition } from '../planner';

/** The live escalation policies an escalation step snapshots when it starts an incident's escalation. */
@Injectable()
export class EscalationPlansRepository {
  async loadPolicies(em: EntityManager, ids: string[]): Promise<EscalationPolicyDefinition[]> {
    if (!ids.length) return [];
    const rows: EscalationPolicyDefinition[] = await em.query(
      'SELECT id, name, repeat, levels FROM escalation_policies WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return rows;
  }
}
