import type { WebClient } from '@slack/web-api';
import { slackWebClient } from './slack-chat.channel';

/** A Slack Web API error's code (`user_not_found`, `users_not_found`, `missing_scope`, ...), if it is one. */
function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/**
 * Who is who in the Slack workspace, for linking Slack users to Klaxon users
 * by email (docs/channels.md, "Linking Slack users"): `users.info` and
 * `users.lookupByEmail`, both needing the bot's `users:read.email` scope.
 */
export class SlackDirectory {
  private readonly client: WebClient | undefined;

  constructor(options: { botToken?: string; apiBaseUrl?: string; timeoutMs?: number }) {
    if (options.botToken) this.client = slackWebClient(options.botToken, options);
  }

  isConfigured(): boolean {
    return this.client !== undefined;
  }

  /** The email on a Slack user's profile; null when the user is unknown or shows none (no `users:read.email` scope). */
  async emailOf(slackUserId: string): Promise<string | null> {
    try {
      const found = await this.requireClient().users.info({ user: slackUserId });
      return found.user?.profile?.email ?? null;
    } catch (err) {
      if (slackErrorCode(err) === 'user_not_found') return null;
      throw err;
    }
  }

  /** The Slack user id of the workspace member with this email; null when there is none. */
  async userIdByEmail(email: string): Promise<string | null> {
    try {
      const found = await this.requireClient().users.lookupByEmail({ email });
      return found.user?.id ?? null;
    } catch (err) {
      if (slackErrorCode(err) === 'users_not_found') return null;
      throw err;
    }
  }

  private requireClient(): WebClient {
    if (!this.client) throw new Error('Slack is not configured (SLACK_BOT_TOKEN)');
    return this.client;
  }
}
