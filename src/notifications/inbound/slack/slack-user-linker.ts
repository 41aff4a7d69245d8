import { Injectable, Logger } from '@nestjs/common';
import { ConflictError, ValidationError } from '../../../common/errors';
import { UsersService } from '../../../users/users.service';
import { SlackDirectory } from '../../channels/slack/slack-directory';
import { Responder, RespondersRepository } from '../responders.repository';
import { SLACK_LINK_HELP } from './slack-link-help';

export type SlackLinkResult = { linked: true; responder: Responder } | { linked: false; answer: string };

/**
 * Links Slack users to Klaxon users by email (docs/channels.md, "Linking
 * Slack users"). A link is a `slack` contact method holding the Slack user id,
 * added without a notification rule: it says who the person is in Slack, and
 * whether Slack also pages them stays their own choice.
 */
@Injectable()
export class SlackUserLinker {
  private readonly logger = new Logger('SlackLinks');

  constructor(
    private readonly directory: SlackDirectory,
    private readonly users: UsersService,
    private readonly responders: RespondersRepository,
  ) {}

  /**
   * A Slack user Klaxon does not know pressed a button or ran a command: their
   * profile email (`users.info`) names exactly one Klaxon user, who is linked,
   * or the answer says why not and how to link.
   */
  async linkUnknown(slackUserId: string): Promise<SlackLinkResult> {
    const help = SLACK_LINK_HELP.replace('{id}', slackUserId);
    if (!this.directory.isConfigured()) return { linked: false, answer: help };
    let email: string | null;
    try {
      email = await this.directory.emailOf(slackUserId);
    } catch (err) {
      this.logger.warn({ err, slackUserId }, 'Slack users.info failed; the Slack user stays unlinked');
      return { linked: false, answer: help };
    }
    if (!email) return { linked: false, answer: `Slack shows Klaxon no email for you (the app needs the users:read.email scope). ${help}` };
    const userId = await this.users.idByEmail(email);
    if (!userId) return { linked: false, answer: `No Klaxon user has the email of your Slack profile. ${help}` };
    await this.addLink(userId, slackUserId);
    const responder = await this.responders.byContact(['slack'], slackUserId);
    if (!responder) return { linked: false, answer: help };
    this.logger.log({ userId, slackUserId, via: 'users.info' }, 'Slack user linked to Klaxon user by email');
    return { linked: true, responder };
  }

  /** `POST /api/v1/users/{id}/slack-link`: finds the user's email in Slack (`users.lookupByEmail`) and links them. */
  async linkUser(userId: string): Promise<{ userId: string; slackUserId: string }> {
    const user = await this.users.get(userId);
    if (!this.directory.isConfigured()) throw new ConflictError('Slack is not configured (SLACK_BOT_TOKEN): there is nobody to link to');
    const slackUserId = await this.directory.userIdByEmail(user.email);
    if (!slackUserId) throw ValidationError.field('email', `no member of the Slack workspace has the email ${user.email}`);
    const holder = await this.responders.byContact(['slack'], slackUserId);
    if (holder && holder.userId !== user.id) {
      throw new ConflictError(`Slack user ${slackUserId} is already linked to another Klaxon user (${holder.name})`);
    }
    if (!holder) await this.addLink(user.id, slackUserId);
    this.logger.log({ userId: user.id, slackUserId, via: 'users.lookupByEmail' }, 'Slack user linked to Klaxon user by email');
    return { userId: user.id, slackUserId };
  }

  private async addLink(userId: string, slackUserId: string): Promise<void> {
    await this.users.addContactMethod(userId, { type: 'slack', address: slackUserId, defaultRule: false });
  }
}
