import fc from 'fast-check';
import { adaptAlertmanager } from '../../ingest/sources/alertmanager.adapter';
import type { NormalisedEvent } from '../../ingest/sources/normalised-event';
import { compileRouter } from './evaluate';
import { isFollowUp, routeEvent } from './route-event';
import type { RouterRules } from './router-rules';

const PAY = '00000000-0000-4000-8000-00000000000a';
const WEB = '00000000-0000-4000-8000-00000000000b';
const OTHER = '00000000-0000-4000-8000-0000000000ff';

const rules: RouterRules = {
  rules: [
    { name: 'payments', when: [{ field: 'labels.team', op: 'equals', value: 'payments' }], then: { route: { serviceId: PAY } } },
    { name: 'web quiet', when: [{ field: 'labels.team', op: 'equals', value: 'web' }], then: { route: { serviceId: WEB }, suppress: true, severity: 'info' } },
    { name: 'noise', when: [{ field: 'labels.severity', op: 'equals', value: 'none' }], then: { drop: true } },
  ],
  fallback: { serviceId: OTHER },
};
const router = compileRouter(rules);

function alert(name: string, team: string, status: 'firing' | 'resolved', extra: Record<string, string> = {}) {
  return { status, labels: { alertname: name, team, ...extra }, annotations: {}, fingerprint: `${name}-${team}`, startsAt: '2026-11-30T09:00:00Z' };
}

function group(status: 'firing' | 'resolved', alerts: ReturnType<typeof alert>[]): NormalisedEvent {
  const adapted = adaptAlertmanager({ version: '4', groupKey: '{}:{alertname="Disk"}', status, commonLabels: {}, commonAnnotations: {}, alerts });
  if (!adapted.ok) throw new Error(adapted.errors.join('; '));
  return adapted.events[0];
}

const trigger = (over: Partial<NormalisedEvent> = {}): NormalisedEvent => ({
  action: 'trigger',
  dedupKey: 'k',
  title: 'Disk full',
  severity: 'critical',
  source: 'db-1',
  details: {},
  links: [],
  occurredAt: null,
  ...over,
});

describe('routeEvent', () => {
  it('routes a plain event once, with the severity override', () => {
    const r = compileRouter({ rules: [{ name: 'all', when: [], then: { route: { serviceId: PAY }, severity: 'warning', suppress: true } }], fallback: { drop: true } });
    const { parts, hits } = routeEvent(r, trigger(), 'events-v2');
    expect(hits).toHaveLength(1);
    expect(parts).toEqual([{ serviceId: PAY, suppressed: true, event: trigger({ severity: 'warning' }) }]);
  });

  it('drops: no part, one hit', () => {
    const r = compileRouter({ rules: [], fallback: { drop: true } });
    expect(routeEvent(r, trigger(), 'generic')).toEqual({ parts: [], hits: [{ kind: 'drop', rule: 'fallback', ruleName: null }] });
  });

  it('splits a group by the service each alert goes to, one event per service with the group key', () => {
    const event = group('firing', [alert('Disk', 'payments', 'firing'), alert('Disk', 'web', 'firing'), alert('Cpu', 'payments', 'firing')]);
    const { parts, hits } = routeEvent(router, event, 'alertmanager');
    expect(hits.map((h) => h.rule)).toEqual([0, 1, 0]);
    expect(parts.map((p) => [p.serviceId, p.event.action, p.event.dedupKey, p.event.alerts?.map((a) => a.fingerprint), p.suppressed])).toEqual([
      [PAY, 'trigger', '{}:{alertname="Disk"}', ['Disk-payments', 'Cpu-payments'], false],
      [WEB, 'trigger', '{}:{alertname="Disk"}', ['Disk-web'], true],
    ]);
    expect(parts[0].event.title).toBe('Alert group (2 firing)');
    expect(parts[1].event.title).toBe('Disk (1 firing)');
    expect(parts[1].event.severity).toBe('info');
  });

  it("resolves a service's part when all of its alerts resolved, whatever the group's status", () => {
    const event = group('firing', [alert('Disk', 'payments', 'resolved'), alert('Disk', 'web', 'firing')]);
    const { parts } = routeEvent(router, event, 'alertmanager');
    expect(parts.map((p) => [p.serviceId, p.event.action])).toEqual([
      [PAY, 'resolve'],
      [WEB, 'trigger'],
    ]);
  });

  it('routes each alert on its own status (eventAction) and drops alerts alone', () => {
    const r = compileRouter({
      rules: [{ name: 'resolved go away', when: [{ field: 'eventAction', op: 'equals', value: 'resolve' }], then: { drop: true } }],
      fallback: { serviceId: PAY },
    });
    const { parts, hits } = routeEvent(r, group('firing', [alert('A', 'x', 'resolved'), alert('B', 'x', 'firing')]), 'alertmanager');
    expect(hits.map((h) => h.kind)).toEqual(['drop', 'route']);
    expect(parts[0].event.alerts?.map((a) => a.fingerprint)).toEqual(['B-x']);
  });

  it('keeps a group whole when every alert goes to one service', () => {
    const event = group('firing', [alert('Disk', 'payments', 'firing'), alert('Cpu', 'payments', 'firing')]);
    const { parts } = routeEvent(router, event, 'alertmanager');
    expect(parts).toEqual([{ serviceId: PAY, suppressed: false, event }]);
  });

  it('knows follow-ups: acknowledge and resolve that are not groups', () => {
    expect(isFollowUp(trigger({ action: 'acknowledge' }))).toBe(true);
    expect(isFollowUp(trigger({ action: 'resolve' }))).toBe(true);
    expect(isFollowUp(trigger())).toBe(false);
    expect(isFollowUp(group('resolved', [alert('Disk', 'payments', 'resolved')]))).toBe(false);
  });

  it('property: every alert is decided once, and lands in exactly one part unless dropped', () => {
    const teams = fc.constantFrom('payments', 'web', 'db', 'ops');
    const anAlert = fc.record({ team: teams, status: fc.constantFrom<'firing' | 'resolved'>('firing', 'resolved'), noise: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(anAlert, { minLength: 1, maxLength: 12, selector: (a) => a.team + a.status + a.noise }), (specs) => {
        const alerts = specs.map((s, i) => ({ ...alert(`A${i}`, s.team, s.status, s.noise ? { severity: 'none' } : {}), fingerprint: `f${i}` }));
        const { parts, hits } = routeEvent(router, group('firing', alerts), 'alertmanager');
        expect(hits).toHaveLength(alerts.length);
        const placed = parts.flatMap((p) => p.event.alerts!.map((a) => a.fingerprint));
        const kept = hits.flatMap((h, i) => (h.kind === 'route' ? [`f${i}`] : []));
        expect([...placed].sort()).toEqual([...kept].sort());
        expect(new Set(parts.map((p) => p.serviceId)).size).toBe(parts.length);
        for (const p of parts) {
          expect(p.event.action).toBe(p.event.alerts!.every((a) => a.status === 'resolved') ? 'resolve' : 'trigger');
        }
      }),
    );
  });
});
