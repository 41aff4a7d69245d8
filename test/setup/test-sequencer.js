/**
 * The order jest hands test files to its workers. The suite is bound by the
 * two cores, so what matters is that they stay busy to the end: a long file
 * started late runs alone while the other workers have nothing left (the
 * console's page tests, 115 s, once ran alone for the last 70 s). Jest's own
 * order (files that failed last time first, then the slowest by its cache,
 * or the largest on a fresh clone, whose cache is empty) is kept within each
 * group; the groups go in this order:
 *
 * 1. the event-loop test (test/schedules/schedules-event-loop.spec.ts): it
 *    measures the longest synchronous stretch of the app while it serves the
 *    heaviest schedules, and must not share the two cores with a browser;
 * 2. the tests that time how fast a change travels between processes (a
 *    pushed event within 1 s, readiness back within 5 s of the database):
 *    they start beside the event-loop test, before any browser;
 * 3. the browser tests (test/console/), the page tests first: Chromium's
 *    processes take whole cores while they render, so they start once the
 *    timing tests above are under way, and early enough that the longest
 *    file of the suite ends among the others instead of after them;
 * 4. everything else.
 */
const Sequencer = require('@jest/test-sequencer').default;

const GROUPS = [
  [/[\\/]test[\\/]schedules[\\/]schedules-event-loop\.spec\.ts$/],
  [/[\\/]test[\\/]console-api[\\/]live-events\.spec\.ts$/, /[\\/]test[\\/]chaos[\\/]database-restart\.spec\.ts$/],
  [/[\\/]test[\\/]console[\\/]pages\.spec\.ts$/, /[\\/]test[\\/]console[\\/]/],
];

/** The group of a path and its place inside it (the first pattern it matches). */
function rank(path) {
  for (let g = 0; g < GROUPS.length; g++) {
    const i = GROUPS[g].findIndex((re) => re.test(path));
    if (i >= 0) return [g, i];
  }
  return [GROUPS.length, 0];
}

class KlaxonSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    // A stable sort keeps jest's order among files of the same rank.
    return [...sorted].sort((a, b) => {
      const [ga, ia] = rank(a.path);
      const [gb, ib] = rank(b.path);
      return ga - gb || ia - ib;
    });
  }
}

module.exports = KlaxonSequencer;
