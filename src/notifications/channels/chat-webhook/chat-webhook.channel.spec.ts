import { ChannelError, type OutgoingNotification } from '../notification-channel';
import { ChatWebhookChannel } from './chat-webhook.channel';
import type { ChatWebhookAnswer } from './chat-webhook-poster';

const URL_WITH_TOKEN = 'https://chat.example.com/hooks/SECRETTOKEN';
const page: OutgoingNotification = {
  notificationId: 'n-1',
  address: URL_WITH_TOKEN,
  userId: null,
  content: { incidentId: 'inc-1', incidentNumber: 7, status: 'triggered', title: 'Disk full', severity: 'critical', serviceName: 'db' },
};

/** A channel whose receiver answers `answer` (or throws it), recording what was posted. */
function channelAnswering(answer: ChatWebhookAnswer | Error) {
  const posted: { url: string; body: unknown }[] = [];
  const channel = new ChatWebhookChannel('mattermost', (c) => ({ text: c.title }), async (url, body) => {
    posted.push({ url, body });
    if (answer instanceof Error) throw answer;
    return answer;
  });
  return { channel, posted };
}

async function failureOf(channel: ChatWebhookChannel): Promise<ChannelError> {
  const error = await channel.send(page).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ChannelError)) throw new Error(`expected a ChannelError, got ${String(error)}`);
  return error;
}

describe('ChatWebhookChannel', () => {
  it('posts the rendered body to the page address and counts a 2xx as sent', async () => {
    const { channel, posted } = channelAnswering({ status: 202, body: '' });
    await expect(channel.send(page)).resolves.toEqual({ provider: 'mattermost', providerMessageId: null });
    expect(posted).toEqual([{ url: URL_WITH_TOKEN, body: { text: 'Disk full' } }]);
    expect(channel.isConfigured()).toBe(true);
  });

  it.each<{ status: number; body: string; retryable: boolean; message: string }>([
    { status: 500, body: 'boom', retryable: true, message: 'mattermost webhook answered HTTP 500: boom' },
    { status: 503, body: '', retryable: true, message: 'mattermost webhook answered HTTP 503' },
    { status: 429, body: 'slow down', retryable: true, message: 'mattermost webhook answered HTTP 429: slow down' },
    { status: 408, body: '', retryable: true, message: 'mattermost webhook answered HTTP 408' },
    { status: 400, body: 'Unable to parse\nincoming data', retryable: false, message: 'mattermost webhook answered HTTP 400: Unable to parse incoming data' },
    { status: 404, body: 'Not Found', retryable: false, message: 'mattermost webhook answered HTTP 404: Not Found' },
    { status: 302, body: '', retryable: false, message: 'mattermost webhook answered HTTP 302' },
  ])('HTTP $status is retryable: $retryable', async ({ status, body, retryable, message }) => {
    const error = await failureOf(channelAnswering({ status, body }).channel);
    expect(error).toMatchObject({ retryable, message, providerCode: `http_${status}` });
  });

  it('retries when no answer came, and keeps the URL\'s token out of the reason', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED', message: `connect ECONNREFUSED ${URL_WITH_TOKEN}` } });
    const error = await failureOf(channelAnswering(refused).channel);
    expect(error).toMatchObject({ retryable: true, providerCode: 'ECONNREFUSED' });
    expect(error.message).toBe('mattermost webhook https://chat.example.com/••• unreachable: connect ECONNREFUSED https://chat.example.com/•••');
  });

  it('retries a timeout', async () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    expect(await failureOf(channelAnswering(timeout).channel)).toMatchObject({ retryable: true, providerCode: 'timeout' });
  });
});
