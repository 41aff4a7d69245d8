import { isCredentialField, maskCredentialUrl, REDACTED_CREDENTIAL, redactCredentialFields, redactStoredPayload } from './credential-redaction';

describe('credential redaction of webhook payloads', () => {
  it.each(['routing_key', 'routingKey', 'apiKey', 'api_key', 'API-KEY', 'token', 'access_token', 'authToken', 'secret', 'password', 'Authorization', 'key'])(
    '%s is a credential field',
    (field) => expect(isCredentialField(field)).toBe(true),
  );

  it.each(['dedup_key', 'dedupKey', 'groupKey', 'summary', 'event_action', 'payload', 'details', 'keyboard', 'tokenizer', 'monkey'])(
    '%s is not a credential field',
    (field) => expect(isCredentialField(field)).toBe(false),
  );

  it('replaces credential fields of the top level in a shallow copy, leaving the input and nested objects alone', () => {
    const nested = { token: 'inner' };
    const body = { routing_key: 'k'.repeat(32), event_action: 'trigger', payload: nested };
    const out = redactCredentialFields(body);

    expect(out).toEqual({ routing_key: REDACTED_CREDENTIAL, event_action: 'trigger', payload: { token: 'inner' } });
    expect(body.routing_key).toBe('k'.repeat(32));
    expect((out as { payload: unknown }).payload).toBe(nested);
  });

  it('returns the very value when there is nothing to redact, and leaves null credentials and non-objects as they are', () => {
    const clean = { summary: 'x' };
    expect(redactCredentialFields(clean)).toBe(clean);
    expect(redactCredentialFields({ token: null })).toEqual({ token: null });
    for (const v of [null, 'routing_key', 42, ['token']]) expect(redactCredentialFields(v)).toBe(v);
  });

  it('keeps "__proto__" an ordinary key', () => {
    const body = JSON.parse('{"__proto__":{"polluted":true},"token":"t"}');
    const out = redactCredentialFields(body) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'token']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a stored payload: its top level, and the query of a generic GET', () => {
    expect(redactStoredPayload({ routing_key: 'abc', payload: { summary: 's' } })).toEqual({ routing_key: REDACTED_CREDENTIAL, payload: { summary: 's' } });
    expect(redactStoredPayload({ query: { summary: 's', token: 'q' } })).toEqual({ query: { summary: 's', token: REDACTED_CREDENTIAL } });
  });
});

describe('maskCredentialUrl', () => {
  it.each([
    ['https://prod-1.westeurope.logic.azure.com:443/workflows/a/triggers/manual/paths/invoke?sig=tok', 'https://prod-1.westeurope.logic.azure.com/•••'],
    ['http://127.0.0.1:8065/hooks/abc', 'http://127.0.0.1:8065/•••'],
    ['https://user:pw@chat.example.com/hooks/abc', 'https://chat.example.com/•••'],
    ['not a url', '•••'],
  ])('%s -> %s', (url, masked) => {
    expect(maskCredentialUrl(url)).toBe(masked);
  });
});
