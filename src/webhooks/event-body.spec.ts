import fc from 'fast-check';
import { IncidentFacts, incidentEventBody, nextSequences } from './event-body';

const incident: IncidentFacts = {
  id: '11111111-1111-4111-8111-111111111111',
  number: 42,
  title: 'Disk full',
  status: 'acknowledged',
  severity: 'critical',
  serviceId: '22222222-2222-4222-8222-222222222222',
  serviceName: 'Payments',
  createdAt: new Date('2026-03-02T09:00:00Z'),
  acknowledgedAt: new Date('2026-03-02T09:05:00Z'),
  acknowledgedBy: { type: 'user', id: 'u1', name: 'Ada', channel: 'sms' },
  resolvedAt: null,
  resolvedBy: null,
};

describe('event body', () => {
  it('has exactly the documented fields', () => {
    const body = incidentEventBody({
      id: 'e1',
      type: 'incident.acknowledged',
      occurredAt: new Date('2026-03-02T09:05:00Z'),
      sequence: 2,
      incident,
      publicUrl: 'https://klaxon.example.org/',
      extra: { actor: { type: 'user', id: 'u1', name: 'Ada', channel: 'sms' }, note: undefined },
    });
    expect(body).toEqual({
      id: 'e1',
      type: 'incident.acknowledged',
      occurredAt: '2026-03-02T09:05:00.000Z',
      sequence: 2,
      data: {
        incident: {
          id: incident.id,
          number: 42,
          title: 'Disk full',
          status: 'acknowledged',
          severity: 'critical',
          service: { id: incident.serviceId, name: 'Payments' },
          createdAt: '2026-03-02T09:00:00.000Z',
          acknowledgedAt: '2026-03-02T09:05:00.000Z',
          acknowledgedBy: { type: 'user', id: 'u1', name: 'Ada' },
          resolvedAt: null,
          resolvedBy: null,
          url: `https://klaxon.example.org/api/v1/incidents/${incident.id}`,
        },
        actor: { type: 'user', id: 'u1', name: 'Ada' },
      },
    });
  });

  it('has a null url without PUBLIC_URL', () => {
    const body = incidentEventBody({ id: 'e', type: 'incident.triggered', occurredAt: new Date(0), sequence: 1, incident, publicUrl: null });
    expect((body.data.incident as { url: unknown }).url).toBeNull();
  });

  it.each([
    [0, [true], [1]],
    [0, [false], [2]],
    [0, [true, false, false], [1, 2, 3]],
    [3, [false, true], [4, 1]],
    [5, [false, false], [6, 7]],
  ])('sequences after %i for openings %j are %j', (last, openings, expected) => {
    expect(nextSequences(last, openings.map((opening) => ({ opening })))).toEqual(expected);
  });

  it('property: sequences of non-opening events strictly increase and stay above every earlier one', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.array(fc.boolean(), { maxLength: 20 }), (last, openings) => {
        const seq = nextSequences(last, openings.map((opening) => ({ opening })));
        const rest = seq.filter((_, i) => !openings[i]);
        rest.forEach((s, i) => {
          expect(s).toBeGreaterThan(Math.max(last, 1));
          if (i > 0) expect(s).toBeGreaterThan(rest[i - 1]);
        });
        seq.filter((_, i) => openings[i]).forEach((s) => expect(s).toBe(1));
      }),
    );
  });
});
