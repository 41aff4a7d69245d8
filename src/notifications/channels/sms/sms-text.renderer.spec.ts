import type { PageContent } from '../notification-channel';
import { smsSize } from './sms-encoding';
import { SMS_SEGMENT_CHARS, renderSmsText } from './sms-text.renderer';

const content: PageContent = {
  incidentId: 'inc-1',
  incidentNumber: 42,
  status: 'triggered',
  title: 'CPU above 90%',
  severity: 'critical',
  serviceName: 'billing',
};

describe('renderSmsText', () => {
  it('names the incident, severity and service and says how to reply', () => {
    expect(renderSmsText(content)).toBe('Klaxon #42 CRITICAL billing: CPU above 90%. Reply "ack 42" or "resolve 42"');
  });

  it('cuts a long title so the text fits one segment, keeping the reply instructions', () => {
    const text = renderSmsText({ ...content, title: 'Disk usage above threshold '.repeat(20) });
    expect(text.length).toBeLessThanOrEqual(SMS_SEGMENT_CHARS);
    expect(text).toMatch(/^Klaxon #42 CRITICAL billing: Disk usage above threshold/);
    expect(text).toContain('....');
    expect(text.endsWith('Reply "ack 42" or "resolve 42"')).toBe(true);
  });

  it('collapses whitespace and newlines in the title', () => {
    expect(renderSmsText({ ...content, title: 'CPU\n  above\t90%' })).toContain(': CPU above 90%.');
  });

  it('says how many more incidents a bundled page stands for', () => {
    expect(renderSmsText({ ...content, moreIncidents: 3 })).toBe(
      'Klaxon #42 CRITICAL billing: CPU above 90% +3 more incidents. Reply "ack 42" or "resolve 42"',
    );
    expect(renderSmsText({ ...content, moreIncidents: 1 })).toContain('+1 more incident.');
  });

  it('offers only resolve once acknowledged, and nothing once resolved', () => {
    expect(renderSmsText({ ...content, status: 'acknowledged' })).toBe(
      'Klaxon #42 ACKNOWLEDGED billing: CPU above 90%. Reply "resolve 42"',
    );
    expect(renderSmsText({ ...content, status: 'resolved' })).toBe('Klaxon #42 RESOLVED billing: CPU above 90%.');
  });

  it('stays within one segment for long service names and big numbers', () => {
    const text = renderSmsText({
      ...content,
      incidentNumber: 1234567,
      serviceName: 'a-very-long-service-name-that-goes-on-and-on',
      title: 'x'.repeat(300),
      moreIncidents: 120,
    });
    expect(text.length).toBeLessThanOrEqual(SMS_SEGMENT_CHARS);
    expect(text).toContain('#1234567');
    expect(text).toContain('+120 more incidents.');
    expect(text).toContain('"ack 1234567"');
  });

  describe('with the source and the short link', () => {
    const link = 'https://klaxon.example.test/i/q3Zb0mVb2W1xk8sLr1Xq9A';
    const paged: PageContent = { ...content, source: 'db-01', integration: 'Events v2', shortLink: link };

    it('names the source and ends with the link', () => {
      expect(renderSmsText(paged)).toBe(`Klaxon #42 CRITICAL billing: CPU above 90%. Src: db-01. Reply "ack 42" or "resolve 42" ${link}`);
    });

    it('falls back to the integration when the alert names no system, and leaves the source out when neither is known', () => {
      expect(renderSmsText({ ...paged, source: undefined })).toContain('. Src: Events v2. Reply');
      expect(renderSmsText({ ...content, shortLink: link })).toBe(`Klaxon #42 CRITICAL billing: CPU above 90%. Reply "ack 42" or "resolve 42" ${link}`);
    });

    it.each([
      ['a long title', { title: 'Disk usage above threshold on every volume of the cluster '.repeat(5) }],
      ['a long title and source', { title: 'x'.repeat(500), source: 'ip-10-0-12-34.eu-west-1.compute.internal:9100' }],
      ['a long service and a bundle', { title: 'y'.repeat(300), serviceName: 's'.repeat(60), moreIncidents: 120 }],
      ['GSM-7 extension characters in the title', { title: '{[|]}~^€'.repeat(30) }],
    ])('keeps one GSM-7 segment with %s, cutting the title first', (_name, over: Partial<PageContent>) => {
      const text = renderSmsText({ ...paged, ...over });
      expect(smsSize(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
      const n = over.incidentNumber ?? 42;
      expect(text).toMatch(new RegExp(`Reply "ack ${n}"( or "resolve ${n}")? https://`));
      expect(text.endsWith(` ${link}`)).toBe(true);
      expect(text).toContain('...');
    });

    it('cuts the source only once the title is at its shortest', () => {
      const text = renderSmsText({ ...paged, title: 'Queue depth above limit for ten minutes', source: 'q'.repeat(120) });
      expect(smsSize(text).segments).toBe(1);
      expect(text).toMatch(/: Queue dep\.\.\.\. Src: q+\.\.\.\. Reply/);
    });

    it('keeps one UCS-2 segment (70) when the title needs UCS-2 and the rest leaves room', () => {
      const text = renderSmsText({ ...content, serviceName: 'db', title: 'Диск заполнен на 95% на сервере базы данных' });
      expect(smsSize(text)).toMatchObject({ encoding: 'UCS-2', segments: 1 });
      expect(text).toBe('Klaxon #42 CRITICAL db: Диск заполн.... Reply "ack 42" or "resolve 42"');
    });

    it('cuts the service name, then "or resolve", before giving up one segment', () => {
      const big = { ...paged, incidentNumber: 1234567, serviceName: 'payments-gateway-eu-west', moreIncidents: 12, title: 'z'.repeat(80) };
      const text = renderSmsText(big);
      expect(smsSize(text).segments).toBe(1);
      expect(text).toContain(`Klaxon #1234567 CRITICAL payments-...: zzzzzzzzzzzzz... +12 more incidents. Src: db-01. Reply "ack 1234567" ${link}`);
      expect(renderSmsText({ ...big, serviceName: 'pay' })).toContain('Klaxon #1234567 CRITICAL pay: ');
    });

    it('when one segment cannot hold the fixed parts, takes the fewest segments and keeps the title that fits them', () => {
      const title = '🔥 Base de données saturée sur le serveur principal';
      const text = renderSmsText({ ...paged, title });
      const size = smsSize(text);
      expect(size.encoding).toBe('UCS-2');
      expect(size.segments).toBe(3);
      expect(text).toContain(title);
      expect(text.endsWith(link)).toBe(true);
    });

    it('replaces typographic quotes, dashes and ellipses so the text stays GSM-7', () => {
      const text = renderSmsText({ ...paged, title: '“Checkout” p99 – 2s…', source: 'web‑01' });
      expect(text).toContain(': "Checkout" p99 - 2s. Src: web-01.');
      expect(smsSize(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    });
  });
});
