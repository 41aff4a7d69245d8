import type { Pool } from 'pg';
import type { KlaxonProcess } from './klaxon-process';
import type { TimingTwilioServer } from './timing-twilio.server';

/** One line of the result table. `met` is null for figures that are reported, not judged. */
export interface BenchRow {
  id: string;
  scenario: string;
  value: number;
  unit: string;
  goal: string;
  met: boolean | null;
  detail?: Record<string, unknown>;
}

export interface BenchContext {
  quick: boolean;
  /** The database every server process of the run shares. */
  databaseUrl: string;
  db: Pool;
  twilio: TimingTwilioServer;
  twilioUrl: string;
  /** Common env for every Klaxon process (database, fake Twilio, limits). */
  serverEnv: Record<string, string>;
  /** The main server (KLAXON_ROLE=all) for the scenarios that need one; started by run.ts. */
  klaxon?: KlaxonProcess;
  /** Node flags for every Klaxon process (`--profile`: --cpu-prof). */
  nodeArgs: string[];
  workDir: string;
  /** Where every server process of the run writes its log (`<name>.log`). */
  logDir: string;
  /** A Klaxon process (not started yet) with `env`, ctx.nodeArgs and its log in ctx.logDir: how every scenario makes one. */
  klaxonProcess(name: string, env: Record<string, string | undefined>): Promise<KlaxonProcess>;
  log(line: string): void;
  /** Figures one scenario leaves for a later one (e.g. the storm for the RSS reading). */
  shared: Record<string, unknown>;
}

export interface Scenario {
  /** Issue 7 numbering: 1 ingest … 9 scale-out. */
  id: string;
  title: string;
  /** 'pure' runs in-process without a server; 'server' needs ctx.klaxon; 'own' starts its own processes. */
  kind: 'pure' | 'server' | 'own';
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
