import { App, type Authorize, LogLevel, type Receiver } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { SLACK_ACTION_IDS } from '../../channels/slack/slack-blocks.renderer';
import type { ResponderAction } from '../incident-actions.service';

/** One press of an incident button: `actionTs` and the user identify it (a replay repeats both). */
export interface ButtonPress {
  action: ResponderAction;
  incidentId: string;
  slackUserId: string;
  actionTs: string;
}

/** What the Bolt listeners delegate to (SlackInteractionsService). */
export interface SlackInteractionHandler {
  onButton(press: ButtonPress): Promise<{ ephemeral?: string }>;
  onOnCall(text: string, slackUserId: string): Promise<string>;
  /** `/page`: opens the incident (committed) before answering, so the answer can give its number. */
  onPage(text: string, slackUserId: string): Promise<string>;
}

/**
 * Bolt without its own HTTP server: the Nest controller at /slack/events checks the
 * signature, parses the body and hands it to `App.processEvent` through this
 * receiver, so Bolt's listener routing, ack contract and WebClient are used while
 * Nest owns the route (and its raw-body parsing) like every other webhook.
 */
class NestSlackReceiver implements Receiver {
  init(): void {}
  start(): Promise<void> {
    return Promise.resolve();
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }
}

const BUTTONS: [string, ResponderAction][] = [
  [SLACK_ACTION_IDS.acknowledge, 'acknowledge'],
  [SLACK_ACTION_IDS.resolve, 'resolve'],
  [SLACK_ACTION_IDS.escalate, 'escalate'],
];

export function createSlackBoltApp(options: { botToken: string; apiBaseUrl?: string }, handler: SlackInteractionHandler): App {
  const clientOptions: WebClientOptions = {
    slackApiUrl: options.apiBaseUrl ? options.apiBaseUrl.replace(/\/?$/, '/') : undefined,
    retryConfig: { retries: 2 },
    logLevel: LogLevel.ERROR,
  };
  const app = new App({
    authorize: singleBotAuthorize(options.botToken, new WebClient(options.botToken, clientOptions)),
    receiver: new NestSlackReceiver(),
    logLevel: LogLevel.ERROR,
    clientOptions,
  });
  for (const [actionId, action] of BUTTONS) {
    app.action(actionId, async ({ ack, body, client, payload }) => {
      // Acted on before the ack (the HTTP answer), so the answer means "done"; it is one transaction.
      // SlackEventsService has checked the value and action_ts of incident buttons already.
      const incidentId = 'value' in payload && typeof payload.value === 'string' ? payload.value : '';
      const actionTs = 'action_ts' in payload && typeof payload.action_ts === 'string' ? payload.action_ts : '';
      const result = await handler.onButton({ action, incidentId, slackUserId: body.user.id, actionTs });
      await ack();
      const channelId = body.channel?.id;
      if (result.ephemeral && channelId) await postEphemeral(client, channelId, body.user.id, result.ephemeral);
    });
  }
  app.command(/^\/oncall$/, async ({ ack, command }) => {
    await ack({ response_type: 'ephemeral', text: await handler.onOnCall(command.text ?? '', command.user_id) });
  });
  app.command(/^\/page$/, async ({ ack, command }) => {
    await ack({ response_type: 'ephemeral', text: await handler.onPage(command.text ?? '', command.user_id) });
  });
  return app;
}

/**
 * Bolt's `authorize` for one bot token. Bolt's own single-token authorisation, with
 * token verification off, calls `auth.test` on every request to learn the bot's ids;
 * this asks once, on the first request (not at boot, so Klaxon starts while Slack is
 * unreachable), and keeps the answer. Concurrent first requests share the one call;
 * a failed call is not kept, so the next request asks again.
 */
export function singleBotAuthorize(botToken: string, client: WebClient): Authorize<boolean> {
  let identity: Promise<{ botId?: string; botUserId?: string; teamId?: string }> | null = null;
  return async () => {
    identity ??= client.auth
      .test()
      .then((r) => ({ botId: r.bot_id, botUserId: r.user_id, teamId: r.team_id }))
      .catch((e: unknown) => {
        identity = null;
        throw e;
      });
    return { botToken, ...(await identity) };
  };
}

async function postEphemeral(client: WebClient, channel: string, user: string, text: string): Promise<void> {
  await client.chat.postEphemeral({ channel, user, text });
}
