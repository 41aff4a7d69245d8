import { MAX_AUDIT_BODY_BYTES, redactSecrets } from './audit-redaction';

describe('redactSecrets', () => {
  it('masks fields named like secrets at any depth, keeps the rest', () => {
    const out = redactSecrets({
      type: 'grafana',
      signingSecret: 's3cr3t',
      signatureHeader: 'X-Grafana-Alerting-Signature',
      nested: [{ authToken: 'tok', password: 'pw', apiKey: 'k', key: 'k2', routing_key: 'rk', dedupKey: 'keep' }],
    });
    expect(out).toEqual({
      type: 'grafana',
      signingSecret: '***',
      signatureHeader: 'X-Grafana-Alerting-Signature',
      nested: [{ authToken: '***', password: '***', apiKey: '***', key: '***', routing_key: '***', dedupKey: 'keep' }],
    });
  });

  it('masks a password inside a URL', () => {
    expect(redactSecrets({ url: 'smtp://user:hunter2@mail.example.com:587' })).toEqual({ url: 'smtp://user:***@mail.example.com:587' });
  });

  it.each([
    ['a Teams workflow URL', { url: 'https://prod-1.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=tok' }, { url: 'https://prod-1.westeurope.logic.azure.com/***' }],
    ['a Mattermost hook in a ...Url field', { webhookUrl: 'http://127.0.0.1:8065/hooks/tok' }, { webhookUrl: 'http://127.0.0.1:8065/***' }],
    ['a field that is not a URL', { url: 'not a url', name: 'https://kept.example/path' }, { url: 'not a url', name: 'https://kept.example/path' }],
  ])('keeps only the scheme and host of an http(s) webhook URL: %s', (_, body, expected) => {
    expect(redactSecrets(body)).toEqual(expected);
  });

  it('drops NUL characters, which jsonb cannot store', () => {
    expect(redactSecrets({ 'a\u0000': 'b\u0000c' })).toEqual({ a: 'bc' });
  });

  it('keeps "__proto__" as an ordinary key and never changes a prototype', () => {
    const body = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    const out = redactSecrets(body) as Record<string, unknown>;
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('summarises bodies that are too large or too deep', () => {
    expect(redactSecrets({ blob: 'x'.repeat(MAX_AUDIT_BODY_BYTES + 1) })).toMatchObject({ truncated: true });
    let deep: unknown = 'bottom';
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(JSON.stringify(redactSecrets(deep))).toContain('[too deep]');
  });

  it('keeps only the scheme and host of an http(s) URL field (webhook URLs carry their token in the path)', () => {
    expect(redactSecrets({ url: 'https://hooks.example.org/services/T0/B0/s3cr3t?x=1', events: ['incident.triggered'] })).toEqual({
      url: 'https://hooks.example.org/***',
      events: ['incident.triggered'],
    });
  });
});
