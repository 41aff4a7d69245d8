import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { ActionTokenService } from '../../action-tokens/action-token.service';
import { UsedActionTokensRepository } from '../../action-tokens/used-action-tokens.repository';
import { IncidentPagesRepository } from '../../incident-pages.repository';
import { IncidentActionsService, describeOutcome, personActor } from '../incident-actions.service';
import { confirmationPage, resultPage } from './email-action.pages';

export interface HtmlAnswer {
  status: number;
  html: string;
}

class TokenAlreadyUsed extends Error {}

const REFUSED: Record<string, string> = {
  malformed: 'This link is not a valid Klaxon action link.',
  forged: 'This link is not a valid Klaxon action link.',
  expired: 'This link has expired. Open the incident in Klaxon instead.',
};

/**
 * One-click acknowledge/resolve from an email. GET only shows a confirmation page
 * (mail scanners fetch links; they must not act); POST acts, once: the token id is
 * inserted into used_action_tokens in the same transaction as the action.
 */
@Injectable()
export class EmailActionsService {
  constructor(
    private readonly usedTokens: UsedActionTokensRepository,
    private readonly incidentPages: IncidentPagesRepository,
    private readonly tokens: ActionTokenService,
    private readonly actions: IncidentActionsService,
    private readonly clock: Clock,
  ) {}

  async confirm(token: string, postUrl: string): Promise<HtmlAnswer> {
    const check = await this.tokens.verify(token);
    if (!check.ok) return { status: check.reason === 'expired' ? 410 : 403, html: resultPage('Link refused', REFUSED[check.reason]) };
    if (await this.usedTokens.isUsed(check.claims.tokenId)) {
      return { status: 409, html: resultPage('Link already used', 'This link has already been used.') };
    }
    const incident = (await this.incidentPages.load([check.claims.incidentId])).get(check.claims.incidentId);
    if (!incident) return { status: 404, html: resultPage('Not found', 'This incident no longer exists.') };
    return {
      status: 200,
      html: confirmationPage(check.claims.action, { number: incident.number, title: incident.title, status: incident.status }, postUrl),
    };
  }

  async perform(token: string): Promise<HtmlAnswer> {
    const check = await this.tokens.verify(token);
    if (!check.ok) return { status: check.reason === 'expired' ? 410 : 403, html: resultPage('Link refused', REFUSED[check.reason]) };
    const { claims } = check;
    const responder = await this.actions.responderById(claims.userId);
    const actor = responder
      ? personActor(responder, 'email')
      : { type: 'user' as const, id: claims.userId, name: 'email link', channel: 'email' as const };
    try {
      const outcome = await this.actions.perform(claims.incidentId, claims.action, actor, async (em) => {
        if (!(await this.usedTokens.markUsed(em, claims, this.clock.now()))) throw new TokenAlreadyUsed();
      });
      const label = outcome.incidentNumber ? `#${outcome.incidentNumber}` : '';
      const status = outcome.kind === 'not-found' ? 404 : outcome.kind === 'conflict' ? 409 : 200;
      return { status, html: resultPage(status === 200 ? 'Done' : 'Not done', describeOutcome(claims.action, outcome, label)) };
    } catch (e) {
      if (e instanceof TokenAlreadyUsed) return { status: 409, html: resultPage('Link already used', 'This link has already been used.') };
      throw e;
    }
  }
}
