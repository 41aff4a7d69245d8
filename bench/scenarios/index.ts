import type { Scenario } from '../lib/bench-types';
import { ingestScenario, scaleOutScenario } from './ingest.scenario';
import { pageLatencyScenario } from './page-latency.scenario';
import { peerScenario } from './peer.scenario';
import { repeatGrowthScenario } from './repeat-growth.scenario';
import { retentionScenario } from './retention.scenario';
import { routingScenario } from './routing.scenario';
import { schedulesScenario } from './schedules.scenario';
import { startupScenario } from './startup.scenario';
import { rssScenario, stormScenario } from './storm.scenario';
import { timerLatenessScenario } from './timer-lateness.scenario';

/**
 * Every scenario of issue 7, issue 13's peer comparison and issue 15's growth, in run order: the
 * pure ones, then those against the main server (the storm before the RSS
 * reading), then those that start their own processes.
 */
export const SCENARIOS: readonly Scenario[] = [
  schedulesScenario,
  ingestScenario,
  pageLatencyScenario,
  timerLatenessScenario,
  stormScenario,
  rssScenario,
  repeatGrowthScenario,
  routingScenario,
  retentionScenario,
  startupScenario,
  scaleOutScenario,
  peerScenario,
];

/** Issue 7's scenarios (8 figures + scale-out), issue 13's peer, issue 15's growth and retention, and the event routers' cost; bench.spec.ts checks SCENARIOS covers each. */
export const REQUIRED_SCENARIOS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'peer', 'growth', 'retention', 'routing'] as const;

/** The scenario numbers a Scenario stands for ('5+6' covers 5 and 6). */
export const scenarioNumbers = (s: Pick<Scenario, 'id'>): string[] => s.id.split('+');
