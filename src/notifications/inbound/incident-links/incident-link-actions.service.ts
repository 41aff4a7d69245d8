import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import type { TokenAction } from '../../action-tokens/action-token.codec';
import { IncidentLinksService } from '../../action-tokens/incident-links.service';
import { actedByLabel, consoleIncidentUrl, toPageContent } from '../../incident-page.content';
import { IncidentPagesRepository } from '../../incident-pages.repository';
import { resultPage } from '../email-actions/email-action.pages';
import type { HtmlAnswer } from '../email-actions/email-actions.service';
import { IncidentActionsService, describeOutcome, personActor } from '../incident-actions.service';
import { incidentLinkPage, incidentLinkResultPage } from './incident-link.pages';

class LinkAlreadyUsed extends Error {}

const UNKNOWN: HtmlAnswer = {
  status: 404,
  html: resultPage('Link not found', 'This Klaxon link is not valid. Check that it was copied whole, or open the incident in Klaxon.'),
};
const EXPIRED: HtmlAnswer = {
  status: 410,
  html: resultPage('Link expired', 'This Klaxon link has expired (links work for 7 days, and for a day after the incident is resolved). Open the incident in Klaxon instead.'),
};

/**
 * `/i/<token>`, the short link of an SMS page. GET shows the incident with a button per
 * action the link can still take; POST acts as the paged user, once per action per
 * link: the link's `*_used_at` is set in the action's transaction, as an email link's
 * token id is (a repeat is a 409; an action that conflicts rolls the mark back).
 */
@Injectable()
export class IncidentLinkActionsService {
  constructor(
    private readonly links: IncidentLinksService,
    private readonly incidentPages: IncidentPagesRepository,
    private readonly actions: IncidentActionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async show(token: string): Promise<HtmlAnswer> {
    const check = await this.links.check(token);
    if (!check.ok) return check.reason === 'expired' ? EXPIRED : UNKNOWN;
    const incident = (await this.incidentPages.load([check.link.incidentId])).get(check.link.incidentId);
    if (!incident) return UNKNOWN;
    const available: TokenAction[] = [];
    if (incident.status === 'triggered' && !check.link.used.acknowledge) available.push('acknowledge');
    if (incident.status !== 'resolved' && !check.link.used.resolve) available.push('resolve');
    const incidentUrl = consoleIncidentUrl(this.config.PUBLIC_URL, incident.number);
    const content = toPageContent(incident, incidentUrl ? { incidentUrl } : {});
    return { status: 200, html: incidentLinkPage({ content, actedBy: actedByLabel(incident), actions: available, token }) };
  }

  async perform(token: string, action: TokenAction): Promise<HtmlAnswer> {
    const check = await this.links.check(token);
    if (!check.ok) return check.reason === 'expired' ? EXPIRED : UNKNOWN;
    const { link, tokenHash } = check;
    const responder = await this.actions.responderById(link.userId);
    const actor = responder ? personActor(responder, 'sms') : { type: 'user' as const, id: link.userId, name: 'SMS link', channel: 'sms' as const };
    try {
      const outcome = await this.actions.perform(link.incidentId, action, actor, async (em) => {
        if (!(await this.links.markUsed(em, tokenHash, action))) throw new LinkAlreadyUsed();
      });
      const label = outcome.incidentNumber ? `#${outcome.incidentNumber}` : '';
      const status = outcome.kind === 'not-found' ? 404 : outcome.kind === 'conflict' ? 409 : 200;
      return { status, html: incidentLinkResultPage(status === 200 ? 'Done' : 'Not done', describeOutcome(action, outcome, label), token) };
    } catch (e) {
      if (e instanceof LinkAlreadyUsed) {
        return { status: 409, html: incidentLinkResultPage('Link already used', `This link has already been used to ${action} the incident.`, token) };
      }
      throw e;
    }
  }
}
