import { benchmarkResolver } from '../src/schedules/resolution/resolver.bench';

/** One line of `npm run bench` output (bench/run.ts prints these). */
export interface BenchRow {
  scenario: string;
  value: number;
  unit: string;
  goal: string;
  met: boolean;
}

const LOOKUP_GOAL_MICROS = 50;
const RENDER_YEAR_GOAL_MILLIS = 50;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The schedule benchmarks (issue 3): a schedule with 5 layers, restrictions and
 * 100 overrides in America/New_York, resolved by the pure resolver.
 */
export async function runScheduleBenchmarks(): Promise<BenchRow[]> {
  const r = benchmarkResolver();
  return [
    {
      scenario: 'schedule: on-call lookup with segment bounds (5 layers, restrictions, 100 overrides), median',
      value: round(r.lookupMedianMicros, 2),
      unit: 'µs',
      goal: `< ${LOOKUP_GOAL_MICROS} µs`,
      met: r.lookupMedianMicros < LOOKUP_GOAL_MICROS,
    },
    {
      scenario: 'schedule: who is on call (user only, the escalation hot path), median',
      value: round(r.userLookupMedianMicros, 2),
      unit: 'µs',
      goal: `< ${LOOKUP_GOAL_MICROS} µs`,
      met: r.userLookupMedianMicros < LOOKUP_GOAL_MICROS,
    },
    {
      scenario: 'schedule: render one year of it, median of 20',
      value: round(r.renderYearMillis, 2),
      unit: 'ms',
      goal: `< ${RENDER_YEAR_GOAL_MILLIS} ms`,
      met: r.renderYearMillis < RENDER_YEAR_GOAL_MILLIS,
    },
  ];
}

export default runScheduleBenchmarks;
