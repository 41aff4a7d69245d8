import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { type ActionTokenClaims, type TokenAction, type TokenCheck, signActionToken, verifyActionToken } from './action-token.codec';
import type { ChannelType, PageContent } from '../channels/notification-channel';
import { IncidentLinksService } from './incident-links.service';
import { KlaxonSettingsRepository } from './klaxon-settings.repository';

export const ACTION_LINK_PATH = '/actions';
const SECRET_SETTING = 'action-link-secret';

/** The page a link is minted for. */
export interface LinkedPage {
  notificationId: string;
  channel: ChannelType;
  incidentId: string;
  userId: string | null;
}

/**
 * Signs and checks email action links, and hands out the links each page carries. The key is KLAXON_SECRET, or, when it is
 * unset, a random key generated once and kept in klaxon_settings so that every
 * instance accepts the links any instance signed.
 */
@Injectable()
export class ActionTokenService {
  private secret: Promise<string> | null = null;

  constructor(
    private readonly settings: KlaxonSettingsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly incidentLinks: IncidentLinksService,
  ) {}

  /**
   * The links a page carries: signed one-click links for an email, a short link to the
   * incident's page for an SMS (one row in incident_links); nothing for other channels,
   * nor without PUBLIC_URL.
   */
  async linksForPage(page: LinkedPage): Promise<Pick<PageContent, 'actionLinks' | 'shortLink'>> {
    if (page.channel === 'email') {
      const actionLinks = await this.linksFor(page.incidentId, page.userId);
      return actionLinks ? { actionLinks } : {};
    }
    if (page.channel === 'sms') {
      const shortLink = await this.incidentLinks.mint(page.incidentId, page.userId, page.notificationId);
      return shortLink ? { shortLink } : {};
    }
    return {};
  }

  /** Links for an email page; none without PUBLIC_URL (there is nowhere to point them). */
  async linksFor(incidentId: string, userId: string | null): Promise<{ acknowledge: string; resolve: string } | undefined> {
    const base = this.config.PUBLIC_URL?.replace(/\/+$/, '');
    if (!base) return undefined;
    const url = async (action: TokenAction) => `${base}${ACTION_LINK_PATH}/${await this.sign(incidentId, action, userId)}`;
    return { acknowledge: await url('acknowledge'), resolve: await url('resolve') };
  }

  async sign(incidentId: string, action: TokenAction, userId: string | null): Promise<string> {
    const ttlMs = this.config.KLAXON_ACTION_LINK_TTL_HOURS * 3_600_000;
    const claims: ActionTokenClaims = {
      tokenId: randomUUID(),
      incidentId,
      action,
      userId,
      expiresAt: new Date(this.clock.now().getTime() + ttlMs),
    };
    return signActionToken(await this.key(), claims);
  }

  async verify(token: string): Promise<TokenCheck> {
    return verifyActionToken(await this.key(), token, this.clock.now());
  }

  /**
   * HMAC-SHA256 (base64url) of `data` under the install's signing key
   * (KLAXON_SECRET, else the one stored at first use), for values another
   * module signs without holding the key (the console's OpenID Connect
   * sign-in cookie). `purpose` keeps each use's signatures apart.
   */
  async mac(purpose: string, data: string): Promise<string> {
    return createHmac('sha256', await this.key()).update(`${purpose}\n${data}`).digest('base64url');
  }

  private key(): Promise<string> {
    if (this.config.KLAXON_SECRET) return Promise.resolve(this.config.KLAXON_SECRET);
    this.secret ??= this.loadOrCreateKey().catch((e: unknown) => {
      this.secret = null;
      throw e;
    });
    return this.secret;
  }

  private async loadOrCreateKey(): Promise<string> {
    return this.settings.valueOrInsert(SECRET_SETTING, randomBytes(32).toString('base64url'));
  }
}
