import { RotationUnit } from './schedule-snapshot';
import { shifts } from './schedule-resolver';
import { at, layer, rows, schedule } from './schedule-builders.test-helper';

/** One row of a turn table: a single-layer schedule rendered over [since, until). */
export interface TurnCase {
  title: string;
  zone: string;
  unit: RotationUnit;
  length: number;
  handoff: string;
  users: string[];
  since: string;
  until: string;
  expected: Array<[string, string, string]>;
}

export function renderTurns(c: TurnCase): Array<[string | null, string, string]> {
  const snapshot = schedule(c.zone, [
    layer({ rotation: { unit: c.unit, length: c.length, handoff: at(c.handoff) }, users: c.users }),
  ]);
  return rows(shifts(snapshot, at(c.since), at(c.until)));
}

export const U4 = ['u0', 'u1', 'u2', 'u3'];
export const U3 = ['u0', 'u1', 'u2'];
export const SUN = ['apac', 'emea', 'amer'];
