/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list
 * loads under ts-node, jest and the compiled dist/. Add new ones at the end;
 * never edit a shipped one.
 */
import { Foundation1795828222244 } from './1795828222244-Foundation';
import { EscalationPolicies1795828439387 } from './1795828439387-EscalationPolicies';

export const MIGRATIONS: Function[] = [Foundation1795828222244, EscalationPolicies1795828439387];
