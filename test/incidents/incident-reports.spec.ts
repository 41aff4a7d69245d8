import { EXPORT_PAGE_INCIDENTS } from '../../src/incidents/incident-export.service';
import { createService, ServiceFixture } from '../support/factories';
import { insertOldIncidents } from '../support/old-incidents';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * GET /api/v1/reports/incidents against a small hand-computed example, and
 * GET /api/v1/incidents/export: NDJSON lines, paged across several pages.
 */
describe('incident reports and export (real PostgreSQL)', () => {
  let t: TestApp;
  let a: ServiceFixture;
  let b: ServiceFixture;

  /** An incident opened at `at`, acknowledged and resolved that many seconds later (null: not). */
  const incident = (
    service: ServiceFixture,
    key: string,
    at: string,
    o: { ackAfter?: number; resolveAfter?: number; level?: number } = {},
  ) =>
    t.dataSource.query(
      `INSERT INTO incidents (service_id, dedup_key, status, title, severity, created_at, updated_at, last_alert_at,
                              acknowledged_at, resolved_at, level, escalation_started_at, webhooks_announced_at)
       VALUES ($1, $2, $3, $2, 'critical', $4, $4, $4,
               $4::timestamptz + make_interval(secs => $5), $4::timestamptz + make_interval(secs => $6), $7, $4, $4)`,
      [
        service.id,
        key,
        o.resolveAfter !== undefined ? 'resolved' : o.ackAfter !== undefined ? 'acknowledged' : 'triggered',
        at,
        o.ackAfter ?? null,
        o.resolveAfter ?? null,
        o.level ?? 0,
      ],
    );

  beforeAll(async () => {
    t = await createTestApp();
    a = await createService(t);
    b = await createService(t);
    // ISO week 2026-W10 (Monday 2 March to Sunday 8 March, UTC).
    await incident(a, 'r1', '2026-03-02T10:00:00Z', { ackAfter: 60, resolveAfter: 600 });
    await incident(a, 'r2', '2026-03-03T10:00:00Z', { ackAfter: 180, resolveAfter: 1200, level: 1 });
    await incident(a, 'r3', '2026-03-04T10:00:00Z', { resolveAfter: 300 });
    await incident(a, 'r4', '2026-03-08T23:59:59Z');
    // 2026-W11 starts at Monday 00:00 UTC.
    await incident(a, 'r5', '2026-03-09T00:00:00Z', { ackAfter: 120 });
    await incident(b, 'r6', '2026-03-05T12:00:00Z', { ackAfter: 30, resolveAfter: 30 });
    // Outside the range.
    await incident(a, 'r0', '2026-03-01T23:59:59Z', { ackAfter: 1, resolveAfter: 1 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const range = 'since=2026-03-02T00:00:00Z&until=2026-03-16T00:00:00Z';

  it('counts and times per service and ISO week, computed from the incidents opened in the range', async () => {
    const res = await t.api('readOnly').get(`/api/v1/reports/incidents?${range}&serviceId=${a.id}`).expect(200);
    expect(res.body).toEqual({
      since: '2026-03-02T00:00:00.000Z',
      until: '2026-03-16T00:00:00.000Z',
      weeks: [
        {
          serviceId: a.id, serviceName: a.name, week: '2026-W10', weekStart: '2026-03-02T00:00:00.000Z',
          opened: 4, acknowledged: 2, resolved: 3,
          // Acknowledged after 60 and 180 s; p90 interpolates: 60 + 0.9 × 120.
          meanSecondsToAcknowledge: 120, p90SecondsToAcknowledge: 168,
          // Resolved after 600, 1200 and 300 s; p90 at rank 1.8 of [300, 600, 1200]: 600 + 0.8 × 600.
          meanSecondsToResolve: 700, p90SecondsToResolve: 1080,
          escalated: 1,
        },
        {
          serviceId: a.id, serviceName: a.name, week: '2026-W11', weekStart: '2026-03-09T00:00:00.000Z',
          opened: 1, acknowledged: 1, resolved: 0,
          meanSecondsToAcknowledge: 120, p90SecondsToAcknowledge: 120,
          meanSecondsToResolve: null, p90SecondsToResolve: null,
          escalated: 0,
        },
      ],
    });
    const all = await t.api('readOnly').get(`/api/v1/reports/incidents?${range}`).expect(200);
    expect(all.body.weeks.map((w: { serviceId: string; week: string }) => [w.serviceId, w.week]).sort()).toEqual(
      [[a.id, '2026-W10'], [a.id, '2026-W11'], [b.id, '2026-W10']].sort(),
    );
  });

  it('refuses a bad range with a 400 naming the field', async () => {
    const bad = async (query: string, field: string) => {
      const res = await t.api('readOnly').get(`/api/v1/reports/incidents?${query}`).expect(400);
      expect(res.body.message).toContain(field);
    };
    await bad('since=2026-03-10T00:00:00Z&until=2026-03-02T00:00:00Z', 'since');
    await bad('since=2025-01-01T00:00:00Z&until=2026-03-02T00:00:00Z', 'since');
    await bad('since=yesterday', 'since');
    await bad('serviceId=nope', 'serviceId');
  });

  it('exports the incidents of a range as NDJSON, with alerts and timeline, across several pages', async () => {
    const service = await createService(t);
    const count = EXPORT_PAGE_INCIDENTS * 2 + 50;
    await insertOldIncidents((sql, params) => t.dataSource.query(sql, params), {
      serviceId: service.id, count, resolvedAt: new Date('2026-02-10T12:00:00Z'), prefix: 'export', alerts: 2, timeline: 3, pages: 0,
    });
    const res = await t
      .api('readOnly')
      .get('/api/v1/incidents/export?since=2026-02-10T00:00:00Z&until=2026-02-11T00:00:00Z')
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (text += chunk));
        r.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const text = res.body as string;
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(count);
    const numbers = lines.map((l) => l.number);
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    expect(new Set(numbers).size).toBe(count);
    for (const l of lines) {
      expect(l.dedupKey).toMatch(/^export-/);
      expect(l.service).toEqual({ id: service.id, name: service.name });
      expect(l.alerts).toHaveLength(2);
      expect(l.timeline).toHaveLength(3);
    }
    const empty = await t.api('readOnly').get('/api/v1/incidents/export?since=2020-01-01T00:00:00Z&until=2020-01-02T00:00:00Z').expect(200);
    expect(empty.text ?? '').toBe('');
    await t.api('readOnly').get('/api/v1/incidents/export?since=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z').expect(400);
  });
});
