import type { PageContent } from '../notification-channel';
import { renderVoiceResultTwiml, renderVoiceTwiml, spellDigits } from './voice-twiml.renderer';

const content: PageContent = {
  incidentId: 'inc-1',
  incidentNumber: 42,
  status: 'triggered',
  title: 'CPU above 90%',
  severity: 'critical',
  serviceName: 'billing',
};

describe('renderVoiceTwiml', () => {
  const twiml = renderVoiceTwiml(content, { gatherActionUrl: 'https://klaxon.example/twilio/voice/gather?notification=n-1&x=1' });

  it('is a TwiML document that reads the incident out with its number spelled digit by digit', () => {
    expect(twiml.startsWith('<?xml version="1.0" encoding="UTF-8"?><Response>')).toBe(true);
    expect(twiml).toContain('Incident number 4 2, on service billing.');
    expect(twiml).toContain('CPU above 90%.');
    expect(twiml).toContain('critical alert');
  });

  it('gathers one digit posted to the action URL, with the 4/6/5 prompt inside the gather', () => {
    expect(twiml).toMatch(
      /<Gather numDigits="1" action="https:\/\/klaxon\.example\/twilio\/voice\/gather\?notification=n-1&amp;x=1" method="POST" timeout="8">/,
    );
    const gather = twiml.slice(twiml.indexOf('<Gather'), twiml.indexOf('</Gather>'));
    expect(gather).toContain('Press 4 to acknowledge, 6 to resolve, 5 to escalate.');
    expect(twiml.indexOf('</Gather>')).toBeLessThan(twiml.indexOf('<Hangup/>'));
  });

  it('escapes user text as XML', () => {
    const xml = renderVoiceTwiml({ ...content, title: 'a < b & "c"' }, { gatherActionUrl: 'https://k/g' });
    expect(xml).toContain('a &lt; b &amp;');
    expect(xml).not.toContain('a < b');
  });

  it('takes a custom prompt', () => {
    const xml = renderVoiceTwiml(content, { gatherActionUrl: 'https://k/g', prompt: 'Sorry, that is not a choice. Press 4 or 6.' });
    expect(xml).toContain('Sorry, that is not a choice. Press 4 or 6.');
    expect(xml).not.toContain('5 to escalate');
  });

  it('mentions bundled incidents and a non-triggered state', () => {
    const xml = renderVoiceTwiml({ ...content, status: 'acknowledged', moreIncidents: 2 }, { gatherActionUrl: 'https://k/g' });
    expect(xml).toContain('The incident is acknowledged.');
    expect(xml).toContain('There are 2 more incidents.');
  });
});

describe('renderVoiceResultTwiml', () => {
  it('says the message and hangs up', () => {
    expect(renderVoiceResultTwiml('Incident 4 2 acknowledged. Goodbye.')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna">Incident 4 2 acknowledged. Goodbye.</Say><Hangup/></Response>',
    );
  });
});

describe('spellDigits', () => {
  it('separates every digit', () => {
    expect(spellDigits(1207)).toBe('1 2 0 7');
  });
});
