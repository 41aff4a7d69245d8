import { createServices, residentBytes } from '../lib/klaxon-api';
import { runLoad } from '../lib/load';
import { backlog, isIdle } from '../lib/drain';
import { round, sleep } from '../lib/stats';
import type { BenchContext, BenchRow, Scenario } from '../lib/bench-types';

/**
 * Scenario 4: 10,000 Events v2 triggers paced at 1,000/s (autocannon overallRate,
 * 32 connections) across 200 services, every alert its own dedup key, so 10,000
 * incidents and 10,000 first pages to 200 distinct phones. "Drain" = from the
 * last 202 until every storm incident's first SMS reached the fake Twilio and
 * no page or timer is due.
 */
export const stormScenario: Scenario = {
  id: '4',
  title: 'storm: 10,000 alerts in 10 s across 200 services',
  kind: 'server',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const base = ctx.klaxon!.url;
    const serviceCount = ctx.quick ? 20 : 200;
    const alerts = ctx.quick ? 500 : 10_000;
    const seconds = ctx.quick ? 2 : 10;
    const services = await createServices(base, serviceCount, 'storm', 16);
    const phones = new Set(services.map((s) => s.phone));
    const firstSms = new Map<string, number>();
    let stormSms = 0;
    const off = ctx.twilio.onMessage((m) => {
      if (!phones.has(m.to)) return;
      stormSms++;
      const n = /#(\d+)/.exec(m.body)?.[1] ?? m.body;
      if (!firstSms.has(n)) firstSms.set(n, m.receivedAt);
    });
    const prefix = `storm-${Date.now().toString(36)}`;
    const started = Date.now();
    const load = await runLoad({
      url: base,
      connections: 32,
      amount: alerts,
      overallRate: alerts / seconds,
      routingKeys: services.map((s) => s.routingKey),
      dedupKeys: 0,
      dedupPrefix: prefix,
    });
    const loadEnded = Date.now();
    const { rows } = await ctx.db.query(`SELECT count(*)::int AS n FROM incidents WHERE dedup_key LIKE $1`, [`${prefix}-%`]);
    const incidents: number = rows[0].n;
    const deadline = loadEnded + (ctx.quick ? 20_000 : 180_000);
    let drainedAt: number | null = null;
    while (Date.now() < deadline) {
      const b = await backlog(ctx.db);
      if (firstSms.size >= incidents && isIdle(b)) {
        drainedAt = Date.now();
        break;
      }
      await sleep(100);
    }
    off();
    const { rows: states } = await ctx.db.query(
      `SELECT n.state, count(*)::int AS n FROM notifications n JOIN incidents i ON i.id = n.incident_id
        WHERE i.dedup_key LIKE $1 GROUP BY n.state`,
      [`${prefix}-%`],
    );
    const lastSms = Math.max(0, ...firstSms.values());
    const rss = await residentBytes(base);
    ctx.shared.rssAfterStorm = rss;
    const drainMs = drainedAt === null ? NaN : drainedAt - loadEnded;
    const allSent = firstSms.size >= incidents && incidents === alerts;
    const detail = {
      alerts,
      services: serviceCount,
      accepted: load.ok,
      non2xx: load.non2xx,
      errors: load.errors,
      ingestSeconds: round((loadEnded - started) / 1000, 2),
      ingest202P99Ms: load.latencyP99,
      incidents,
      incidentsPaged: firstSms.size,
      smsTotal: stormSms,
      notificationStates: Object.fromEntries(states.map((s: { state: string; n: number }) => [s.state, s.n])),
      lastFirstSmsAfterStartMs: lastSms ? lastSms - started : null,
    };
    return [
      {
        id: '4',
        scenario: `storm, ${alerts.toLocaleString('en')} alerts in ${seconds} s over ${serviceCount} services: first pages sent`,
        value: firstSms.size,
        unit: `of ${incidents} incidents`,
        goal: 'every first page sent',
        met: allSent && load.non2xx === 0 && load.errors === 0,
        detail,
      },
      {
        id: '4b',
        scenario: 'storm: outbox drained, ms after the last 202',
        value: Number.isNaN(drainMs) ? -1 : drainMs,
        unit: 'ms',
        goal: 'reported (-1 = not drained by deadline)',
        met: null,
      },
      { id: '4c', scenario: 'storm: 202 latency p99 at 1,000 alerts/s', value: load.latencyP99, unit: 'ms', goal: 'reported', met: null },
    ];
  },
};

/** Scenario 8: resident set size of the main server, read from /metrics right after the storm. */
export const rssScenario: Scenario = {
  id: '8',
  title: 'RSS of the service after the storm',
  kind: 'server',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const rss = typeof ctx.shared.rssAfterStorm === 'number' ? ctx.shared.rssAfterStorm : await residentBytes(ctx.klaxon!.url);
    return [{ id: '8', scenario: 'RSS of the service (KLAXON_ROLE=all) after the storm', value: round(rss / 2 ** 20, 0), unit: 'MiB', goal: 'reported', met: null }];
  },
};
