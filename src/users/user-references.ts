import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Something that still points at a user (a schedule rotation, an escalation policy). */
export interface UserReference {
  kind: string;
  id: string;
  name: string;
}

export type UserReferenceChecker = (userId: string, em: EntityManager) => Promise<UserReference[]>;

/**
 * Modules that depend on users (schedules, escalation) register a checker here
 * so that deleting a user who is still referenced is refused with a 409 that
 * lists what refers to them, without users depending back on those modules.
 */
@Injectable()
export class UserReferences {
  private readonly checkers: UserReferenceChecker[] = [];

  register(checker: UserReferenceChecker): void {
    this.checkers.push(checker);
  }

  async find(userId: string, em: EntityManager): Promise<UserReference[]> {
    const all = await Promise.all(this.checkers.map((c) => c(userId, em)));
    return all.flat();
  }
}
