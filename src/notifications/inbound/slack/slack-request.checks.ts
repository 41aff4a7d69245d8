import { isUuid } from '../../../common/parse-uuid.pipe';
import { SLACK_ACTION_IDS } from '../../channels/slack/slack-blocks.renderer';

/** How far a request's timestamp may be from our clock, either way (Slack's own rule for the past). */
export const SLACK_TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

const INCIDENT_BUTTONS: ReadonlySet<string> = new Set(Object.values(SLACK_ACTION_IDS));

/**
 * X-Slack-Request-Timestamp as Slack sends it: whole seconds, plain decimal. Anything
 * else ("1e9", " 123", "0x10", "12.5", "0123") is null: Bolt's verifier reads the
 * header with Number() and signs the number back as text, so those spellings of a
 * signed time would pass it.
 */
export function parseSlackTimestamp(header: string | undefined): number | null {
  return header !== undefined && /^[1-9][0-9]{0,11}$/.test(header) ? Number(header) : null;
}

/** Within SLACK_TIMESTAMP_TOLERANCE_SECONDS of `now`, in the past or the future. */
export function isFreshSlackTimestamp(timestampSec: number, now: Date): boolean {
  return Math.abs(now.getTime() / 1000 - timestampSec) <= SLACK_TIMESTAMP_TOLERANCE_SECONDS;
}

/**
 * What is wrong with the incident buttons of a block_actions payload, or null. Each
 * press must name an incident (`value`) and carry the `action_ts` and user it is
 * deduplicated by; other payloads and other buttons are not looked at.
 */
export function incidentButtonProblem(payload: Record<string, unknown>): string | null {
  if (payload.type !== 'block_actions' || !Array.isArray(payload.actions)) return null;
  const presses = payload.actions
    .map((action: unknown, i) => ({ i, action: (action && typeof action === 'object' ? action : {}) as Record<string, unknown> }))
    .filter(({ action }) => typeof action.action_id === 'string' && INCIDENT_BUTTONS.has(action.action_id));
  for (const { i, action } of presses) {
    if (!isUuid(action.value)) return `actions[${i}].value is not an incident id`;
    if (typeof action.action_ts !== 'string' || !/^[0-9]{1,12}(\.[0-9]{1,9})?$/.test(action.action_ts)) {
      return `actions[${i}].action_ts is not a Slack timestamp`;
    }
  }
  const user = payload.user as { id?: unknown } | undefined;
  if (presses.length && (typeof user?.id !== 'string' || !user.id)) return 'user.id is missing';
  return null;
}
