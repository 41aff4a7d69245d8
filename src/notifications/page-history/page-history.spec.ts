import { maskAddress } from '../contact-address.mask';
import { pageStatus, type PageRecord } from './page-status';

const at = new Date('2026-11-30T12:00:00Z');
const page = (p: Partial<PageRecord>): PageRecord => ({
  channel: 'sms',
  state: 'pending',
  dueAt: at,
  deferredUntil: null,
  bundledInto: null,
  deliveryStatus: null,
  error: null,
  ...p,
});

describe('pageStatus', () => {
  it('tells a deferred page from a pending one and from a retry after a deferral', () => {
    expect(pageStatus(page({}))).toEqual({ status: 'pending', reason: null });
    expect(pageStatus(page({ deferredUntil: at }))).toEqual({ status: 'deferred', reason: 'rate limit' });
    const retry = page({ deferredUntil: at, dueAt: new Date(at.getTime() + 5_000), error: 'twilio 503' });
    expect(pageStatus(retry)).toEqual({ status: 'pending', reason: 'twilio 503' });
  });

  it('reads Twilio’s reports on sent SMS and calls', () => {
    expect(pageStatus(page({ state: 'sent' })).status).toBe('sent');
    expect(pageStatus(page({ state: 'sent', deliveryStatus: 'queued' })).status).toBe('sent');
    expect(pageStatus(page({ state: 'sent', deliveryStatus: 'delivered' })).status).toBe('delivered');
    expect(pageStatus(page({ state: 'sent', deliveryStatus: 'undelivered' }))).toEqual({ status: 'failed', reason: 'Twilio reported undelivered' });
    expect(pageStatus(page({ channel: 'voice', state: 'sent', deliveryStatus: 'completed' })).status).toBe('delivered');
    expect(pageStatus(page({ channel: 'voice', state: 'sent', deliveryStatus: 'no-answer' }))).toEqual({ status: 'failed', reason: 'Twilio reported no-answer' });
    // Only Twilio reports on delivery; other channels stay `sent`.
    expect(pageStatus(page({ channel: 'email', state: 'sent', deliveryStatus: 'delivered' })).status).toBe('sent');
  });

  it('gives the reason of failed, skipped, cancelled and bundled pages', () => {
    expect(pageStatus(page({ state: 'failed', error: '400 invalid number' }))).toEqual({ status: 'failed', reason: '400 invalid number' });
    expect(pageStatus(page({ state: 'skipped', error: 'not configured' }))).toEqual({ status: 'skipped', reason: 'not configured' });
    expect(pageStatus(page({ state: 'cancelled', error: 'cancelled: incident acknowledged' }))).toEqual({
      status: 'cancelled',
      reason: 'cancelled: incident acknowledged',
    });
    const into = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect(pageStatus(page({ state: 'cancelled', bundledInto: into, error: `bundled into ${into}` })).status).toBe('bundled');
    expect(pageStatus(page({ state: 'sending' }))).toEqual({ status: 'sending', reason: null });
  });
});

describe('maskAddress', () => {
  it('keeps the last four digits of a phone number', () => {
    expect(maskAddress('sms', '+14155550123')).toBe('+•••••••0123');
    expect(maskAddress('voice', '+447700900123')).toBe('+••••••••0123');
  });

  it('keeps the first character and the domain of an email address', () => {
    expect(maskAddress('email', 'ivan@example.test')).toBe('i•••@example.test');
    expect(maskAddress('email', 'not-an-address')).toBe('•••');
  });

  it('keeps the first three characters of a Slack id', () => {
    expect(maskAddress('slack', 'U0123ABCD')).toBe('U01•••');
  });
});
