import { Injectable } from '@nestjs/common';
import { IncidentActionsService, type ResponderAction, describeOutcome, personActor } from '../incident-actions.service';
import { OnCallAnswerService } from './oncall-answer.service';
import type { SlackInteractionHandler } from './slack-bolt.app';

export const SLACK_LINK_HELP =
  'Your Slack account is not linked to a Klaxon user, so Klaxon cannot tell who you are. ' +
  'Ask a Klaxon admin to add a `slack` contact method holding your Slack user id ({id}) to your Klaxon user.';

/** Button presses act as the Klaxon user whose `slack` contact method holds the presser's Slack user id. */
@Injectable()
export class SlackInteractionsService implements SlackInteractionHandler {
  constructor(
    private readonly actions: IncidentActionsService,
    private readonly oncall: OnCallAnswerService,
  ) {}

  async onButton(action: ResponderAction, incidentId: string, slackUserId: string): Promise<{ ephemeral?: string }> {
    const responder = await this.actions.responderByContact(['slack'], slackUserId);
    if (!responder) return { ephemeral: SLACK_LINK_HELP.replace('{id}', slackUserId) };
    if (!/^[0-9a-f-]{36}$/i.test(incidentId)) return { ephemeral: 'This button does not name an incident.' };
    const outcome = await this.actions.perform(incidentId, action, personActor(responder, 'slack'));
    // Success shows in the message itself (rewritten by the updater); only refusals get a private answer.
    if (outcome.kind === 'done') return {};
    return { ephemeral: describeOutcome(action, outcome, outcome.incidentNumber ? `#${outcome.incidentNumber}` : '') };
  }

  onOnCall(text: string): Promise<string> {
    return this.oncall.answer(text);
  }
}
