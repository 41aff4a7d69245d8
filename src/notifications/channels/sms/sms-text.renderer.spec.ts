import type { PageContent } from '../notification-channel';
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
});
