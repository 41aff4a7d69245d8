import type { Clock } from '../../common/clock';
import { redactUrl } from '../../common/logging';
import type { AppConfig } from '../../config/app-config';
import { INCIDENT_LINK_AFTER_RESOLVE_MS, INCIDENT_LINK_TTL_MS, incidentLinkEndsAt, incidentLinkTokenHash } from './incident-link.token';
import type { IncidentLinksRepository, NewIncidentLink } from './incident-links.repository';
import { IncidentLinksService } from './incident-links.service';

function service(publicUrl: string | undefined) {
  const inserted: NewIncidentLink[] = [];
  const repo = {
    insert: async (link: NewIncidentLink) => void inserted.push(link),
    find: () => Promise.reject(new Error('find not expected')),
    markUsed: () => Promise.reject(new Error('markUsed not expected')),
  } as unknown as IncidentLinksRepository;
  const clock = { now: () => new Date('2026-11-30T10:00:00Z') } as Clock;
  return { links: new IncidentLinksService(repo, { PUBLIC_URL: publicUrl } as AppConfig, clock), inserted };
}

describe('IncidentLinksService.mint', () => {
  it('stores the hash of a 22-character token and returns PUBLIC_URL/i/<token>', async () => {
    const { links, inserted } = service('https://klaxon.example.com/');
    const url = await links.mint('inc-1', 'user-1', 'page-1');
    const match = /^https:\/\/klaxon\.example\.com(\/i\/([A-Za-z0-9_-]{22}))$/.exec(url ?? '');
    expect(match).not.toBeNull();
    expect(match![1].length).toBeLessThanOrEqual(40);
    expect(inserted).toEqual([
      {
        tokenHash: incidentLinkTokenHash(match![2]),
        incidentId: 'inc-1',
        userId: 'user-1',
        notificationId: 'page-1',
        createdAt: new Date('2026-11-30T10:00:00Z'),
        expiresAt: new Date(Date.parse('2026-11-30T10:00:00Z') + INCIDENT_LINK_TTL_MS),
      },
    ]);
  });

  it('makes no link (and stores nothing) without PUBLIC_URL', async () => {
    const { links, inserted } = service(undefined);
    await expect(links.mint('inc-1', 'user-1', 'page-1')).resolves.toBeUndefined();
    expect(inserted).toEqual([]);
  });
});

describe('incident link tokens', () => {
  it('hashes only well-formed tokens', () => {
    expect(incidentLinkTokenHash('q3Zb0mVb2W1xk8sLr1Xq9A')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const bad of ['', 'short', 'q3Zb0mVb2W1xk8sLr1Xq9A=', 'q3Zb0mVb2W1xk8sLr1Xq9/', 'x'.repeat(23)]) expect(incidentLinkTokenHash(bad)).toBeNull();
  });

  it('ends at the earlier of its own expiry and a day after the incident was resolved', () => {
    const expiresAt = new Date('2026-12-07T10:00:00Z');
    expect(incidentLinkEndsAt({ expiresAt }, null)).toEqual(expiresAt);
    const resolvedAt = new Date('2026-12-01T08:00:00Z');
    expect(incidentLinkEndsAt({ expiresAt }, resolvedAt)).toEqual(new Date(resolvedAt.getTime() + INCIDENT_LINK_AFTER_RESOLVE_MS));
    expect(incidentLinkEndsAt({ expiresAt }, new Date('2026-12-07T09:00:00Z'))).toEqual(expiresAt);
  });
});

describe('request logs', () => {
  it('mask the short-link token in the URL', () => {
    expect(redactUrl('/i/q3Zb0mVb2W1xk8sLr1Xq9A')).toBe('/i/***');
    expect(redactUrl('/i/q3Zb0mVb2W1xk8sLr1Xq9A/acknowledge')).toBe('/i/***/acknowledge');
  });
});
