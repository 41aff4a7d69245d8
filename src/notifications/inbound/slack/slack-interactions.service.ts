import { Injectable } from '@nestjs/common';
import { IncidentActionsService, describeOutcome, personActor } from '../incident-actions.service';
import { OnCallAnswerService } from './oncall-answer.service';
import { PageCommandService } from './page-command.service';
import { SlackUserLinker } from './slack-user-linker';
import type { ButtonPress, SlackInteractionHandler } from './slack-bolt.app';


/**
 * Button presses act as the Klaxon user whose `slack` contact method holds the
 * presser's Slack user id, once per (action_ts, user): a press delivered again
 * (replayed within the signature's 5 minutes, or sent twice) is answered with
 * nothing, so Slack sees a 200 and does not retry.
 */
@Injectable()
export class SlackInteractionsService implements SlackInteractionHandler {
  constructor(
    private readonly actions: IncidentActionsService,
    private readonly oncall: OnCallAnswerService,
    private readonly page: PageCommandService,
    private readonly linker: SlackUserLinker,
  ) {}

  async onButton(press: ButtonPress): Promise<{ ephemeral?: string }> {
    let responder = await this.actions.responderByContact(['slack'], press.slackUserId);
    if (!responder) {
      // Not linked yet: linked by the email of their Slack profile when it names one Klaxon user, then the press goes on.
      const link = await this.linker.linkUnknown(press.slackUserId);
      if (!link.linked) return { ephemeral: link.answer };
      responder = link.responder;
    }
    const receipt = { source: 'slack-action', receiptId: `${press.actionTs}:${press.slackUserId}` } as const;
    const outcome = await this.actions.performOnce(receipt, press.incidentId, press.action, personActor(responder, 'slack'));
    // Success shows in the message itself (rewritten by the updater); only refusals get a private answer.
    if (!outcome || outcome.kind === 'done') return {};
    return { ephemeral: describeOutcome(press.action, outcome, outcome.incidentNumber ? `#${outcome.incidentNumber}` : '') };
  }

  /** Anyone may ask who is on call; an unlinked asker is linked by email on the way, when their profile names one Klaxon user. */
  async onOnCall(text: string, slackUserId: string): Promise<string> {
    if (!(await this.actions.responderByContact(['slack'], slackUserId))) await this.linker.linkUnknown(slackUserId);
    return this.oncall.answer(text);
  }

  onPage(text: string, slackUserId: string): Promise<string> {
    return this.page.answer(text, slackUserId);
  }
}
