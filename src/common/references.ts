import type { EntityManager } from 'typeorm';
import { ConflictError } from './errors';

/** Something that still points at an object (a schedule rotation, an escalation policy level). */
export interface Reference {
  kind: string;
  id: string;
  name: string;
}

export type ReferenceChecker = (id: string, em: EntityManager) => Promise<Reference[]>;

/**
 * Modules that depend on a module register checkers here, so that deleting an
 * object still in use is refused with a 409 listing what refers to it, without
 * the owning module depending back on them.
 */
export class ReferenceRegistry {
  private readonly checkers: ReferenceChecker[] = [];

  register(checker: ReferenceChecker): void {
    this.checkers.push(checker);
  }

  async find(id: string, em: EntityManager): Promise<Reference[]> {
    const all = await Promise.all(this.checkers.map((c) => c(id, em)));
    return all.flat();
  }

  /**
   * Throws the 409 for deleting `label` `id` while something still refers to
   * it ("user 1f… is still referenced by policy "Primary""), with the
   * references (and any `details` of the caller) in the error's details.
   */
  async assertUnreferenced(label: string, id: string, em: EntityManager, details: (refs: Reference[]) => Record<string, unknown> = () => ({})): Promise<void> {
    const refs = await this.find(id, em);
    if (refs.length) {
      throw new ConflictError(`${label} ${id} is still referenced by ${refs.map((r) => `${r.kind} "${r.name}"`).join(', ')}`, { references: refs, ...details(refs) });
    }
  }
}
