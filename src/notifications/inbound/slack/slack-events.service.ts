import { Inject, Injectable, Logger } from '@nestjs/common';
import { type App, isValidSlackRequest } from '@slack/bolt';
import { Clock } from '../../../common/clock';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { createSlackBoltApp } from './slack-bolt.app';
import { SlackInteractionsService } from './slack-interactions.service';
import { incidentButtonProblem, isFreshSlackTimestamp, parseSlackTimestamp } from './slack-request.checks';

export interface SlackHttpAnswer {
  status: number;
  body?: unknown;
}

export interface SlackRequest {
  rawBody: Buffer | undefined;
  signature: string | undefined;
  timestamp: string | undefined;
  /** As parsed by app.setup: form fields (commands, `payload` for interactions) or JSON (events). */
  body: Record<string, unknown>;
  retryNum?: string;
  retryReason?: string;
}

/** Slack wants an answer within 3 s; a listener that never acks is answered empty after this. */
const ACK_TIMEOUT_MS = 2_500;

/**
 * /slack/events: the request is authenticated here, not by a Bolt receiver (Bolt's
 * App has a no-op one): a timestamp in plain decimal seconds within 5 minutes of our
 * clock, either way, then the signature with Bolt's own verifier over the raw bytes
 * app.setup keeps (401 otherwise, before anything is parsed or done). Incident
 * buttons must name an incident (400 naming the field). Then the payload goes to the
 * Bolt App's listeners; what they ack becomes the HTTP answer.
 */
@Injectable()
export class SlackEventsService {
  private readonly logger = new Logger(SlackEventsService.name);
  private readonly app: App | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    interactions: SlackInteractionsService,
  ) {
    this.app = config.SLACK_BOT_TOKEN
      ? createSlackBoltApp({ botToken: config.SLACK_BOT_TOKEN, apiBaseUrl: config.SLACK_API_URL }, interactions)
      : null;
  }

  async handle(req: SlackRequest): Promise<SlackHttpAnswer> {
    const secret = this.config.SLACK_SIGNING_SECRET;
    const now = this.clock.now();
    const timestampSec = parseSlackTimestamp(req.timestamp);
    if (timestampSec === null || !isFreshSlackTimestamp(timestampSec, now)) {
      return { status: 401, body: { error: 'Slack request timestamp missing, malformed or more than 5 minutes from now' } };
    }
    const valid =
      !!secret &&
      !!req.rawBody &&
      !!req.signature &&
      isValidSlackRequest({
        signingSecret: secret,
        body: req.rawBody.toString('utf8'),
        headers: { 'x-slack-signature': req.signature, 'x-slack-request-timestamp': timestampSec },
        nowMilliseconds: now.getTime(),
      });
    if (!valid) return { status: 401, body: { error: 'invalid Slack signature' } };
    const body = parsePayload(req.body);
    if (!body) return { status: 400, body: { error: 'unreadable Slack payload' } };
    const problem = incidentButtonProblem(body);
    if (problem) return { status: 400, body: { error: problem } };
    if (body.type === 'url_verification') return { status: 200, body: { challenge: body.challenge } };
    if (!this.app) return { status: 503, body: { error: 'Slack is not configured (SLACK_BOT_TOKEN)' } };
    const acked = await this.process(this.app, body, req);
    if (acked === undefined || acked === '') return { status: 200 };
    return { status: 200, body: acked };
  }

  private process(app: App, body: Record<string, unknown>, req: SlackRequest): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const answer = (value: unknown) => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => answer(undefined), ACK_TIMEOUT_MS);
      app
        .processEvent({
          body,
          ack: async (response?: unknown) => answer(response),
          retryNum: req.retryNum ? Number(req.retryNum) : undefined,
          retryReason: req.retryReason,
        })
        .then(() => answer(undefined))
        .catch((e: unknown) => {
          this.logger.error({ err: e }, 'Slack listener failed');
          if (!answered) {
            answered = true;
            clearTimeout(timer);
            reject(e);
          }
        });
    });
  }
}

/** Interactions arrive as a form with one `payload` field holding JSON; commands as plain form fields. */
function parsePayload(body: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!body || typeof body !== 'object') return null;
  if (typeof body.payload !== 'string') return body;
  try {
    const parsed: unknown = JSON.parse(body.payload);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
