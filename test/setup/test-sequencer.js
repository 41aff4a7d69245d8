/**
 * The order jest hands test files to its workers: jest's own order (files
 * that failed last time first, then the slowest first), except that
 *
 * - the event-loop test (test/schedules/schedules-event-loop.spec.ts) starts
 *   first: it measures the longest synchronous stretch of the app while it
 *   serves the heaviest schedules, and it must not share the two cores with
 *   the browser tests;
 * - the browser tests (test/console/) start last: Chromium's processes take
 *   whole cores while they render and screenshot, which would stretch any
 *   timing-sensitive test running beside them.
 */
const Sequencer = require('@jest/test-sequencer').default;

const FIRST = /[\\/]test[\\/]schedules[\\/]schedules-event-loop\.spec\.ts$/;
const LAST = /[\\/]test[\\/]console[\\/]/;

class KlaxonSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (t) => (FIRST.test(t.path) ? 0 : LAST.test(t.path) ? 2 : 1);
    // A stable sort keeps jest's order within each group.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = KlaxonSequencer;
