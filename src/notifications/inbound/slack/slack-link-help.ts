/** What a Slack user who is not linked to a Klaxon user is told ({id}: their Slack user id). */
export const SLACK_LINK_HELP =
  'Your Slack account is not linked to a Klaxon user, so Klaxon cannot tell who you are. ' +
  'Ask a Klaxon admin to add a `slack` contact method holding your Slack user id ({id}) to your Klaxon user.';
