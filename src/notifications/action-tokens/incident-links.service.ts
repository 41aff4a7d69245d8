import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { TokenAction } from './action-token.codec';
import {
  INCIDENT_LINK_TTL_MS,
  hashIncidentLinkToken,
  incidentLinkEndsAt,
  incidentLinkTokenHash,
  incidentLinkUrl,
  newIncidentLinkToken,
} from './incident-link.token';
import { IncidentLinksRepository, type StoredIncidentLink } from './incident-links.repository';

export type IncidentLinkCheck =
  | { ok: true; tokenHash: string; link: StoredIncidentLink }
  | { ok: false; reason: 'unknown' | 'expired' };

/**
 * Mints and checks the short links of SMS pages. A link is random (nothing to forge),
 * stored hashed, and works until the earlier of 7 days after it was sent and a day
 * after its incident was resolved; each of its two actions acts once.
 */
@Injectable()
export class IncidentLinksService {
  constructor(
    private readonly links: IncidentLinksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A new link for one page; none without PUBLIC_URL (there is nowhere to point it). */
  async mint(incidentId: string, userId: string | null, notificationId: string | null): Promise<string | undefined> {
    if (!this.config.PUBLIC_URL) return undefined;
    const token = newIncidentLinkToken();
    const now = this.clock.now();
    await this.links.insert({
      tokenHash: hashIncidentLinkToken(token),
      incidentId,
      userId,
      notificationId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INCIDENT_LINK_TTL_MS),
    });
    return incidentLinkUrl(this.config.PUBLIC_URL, token);
  }

  async check(token: string): Promise<IncidentLinkCheck> {
    const tokenHash = incidentLinkTokenHash(token);
    const link = tokenHash ? await this.links.find(tokenHash) : null;
    if (!tokenHash || !link) return { ok: false, reason: 'unknown' };
    if (incidentLinkEndsAt(link, link.incidentResolvedAt).getTime() <= this.clock.now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, tokenHash, link };
  }

  /** Marks the action used in the caller's transaction; false when this link already did it. */
  markUsed(em: EntityManager, tokenHash: string, action: TokenAction): Promise<boolean> {
    return this.links.markUsed(em, tokenHash, action, this.clock.now());
  }
}
