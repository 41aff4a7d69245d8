/**
 * The kinds of chat destination (docs/chat-destinations.md): a Microsoft Teams
 * or Mattermost incoming webhook, or a Slack channel the Klaxon app posts to.
 * Owned by the chat module; notifications builds one paging channel per kind.
 */
export type ChatDestinationType = 'teams' | 'mattermost' | 'slack-channel';

export const CHAT_DESTINATION_TYPES: readonly ChatDestinationType[] = ['teams', 'mattermost', 'slack-channel'];

/** The kinds posted to an incoming-webhook URL (the URL is their credential); the others post with Klaxon's Slack app. */
export const WEBHOOK_CHAT_TYPES: ReadonlySet<ChatDestinationType> = new Set(['teams', 'mattermost']);

/** A Slack conversation id: a public channel (`C...`) or an older private channel (`G...`). */
export const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
