import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { type ActionTokenClaims, type TokenAction, type TokenCheck, signActionToken, verifyActionToken } from './action-token.codec';
import { KlaxonSettingsRepository } from './klaxon-settings.repository';

export const ACTION_LINK_PATH = '/actions';
const SECRET_SETTING = 'action-link-secret';

/**
 * Signs and checks email action links. The key is KLAXON_SECRET, or, when it is
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
  ) {}

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
