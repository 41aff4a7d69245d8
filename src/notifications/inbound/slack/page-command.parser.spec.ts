import fc from 'fast-check';
import { parsePageCommand, titleAndDetails } from './page-command.parser';

describe('parsePageCommand', () => {
  it.each([
    ['<@U024BE7LH> disk full', { kind: 'mention', slackUserId: 'U024BE7LH' }, 'disk full'],
    ['<@W024BE7LH|ada> disk full', { kind: 'mention', slackUserId: 'W024BE7LH' }, 'disk full'],
    ['@ada disk full on db-1', { kind: 'name', name: 'ada' }, 'disk full on db-1'],
    ['ada@example.com help', { kind: 'name', name: 'ada@example.com' }, 'help'],
    ['"Payments primary" checkout is down', { kind: 'name', name: 'Payments primary' }, 'checkout is down'],
    ['“Payments primary” checkout is down', { kind: 'name', name: 'Payments primary' }, 'checkout is down'],
    ['schedule:"Payments primary" down', { kind: 'name', name: 'Payments primary', only: 'schedule' }, 'down'],
    ['Service:Billing   502s  ', { kind: 'name', name: 'Billing', only: 'service' }, '502s'],
    ['user:ada line one\nline two', { kind: 'name', name: 'ada', only: 'user' }, 'line one\nline two'],
  ])('%j', (text, who, message) => {
    expect(parsePageCommand(text)).toEqual({ ok: true, who, message });
  });

  it.each([
    ['', 'Say who to page'],
    ['   ', 'Say who to page'],
    ['ada', 'Add a message'],
    ['<@U024BE7LH>', 'Add a message'],
    ['"Payments primary checkout is down', 'closing quote'],
    ['"" checkout', 'Say who to page'],
    ['service: down', 'Say who to page'],
  ])('%j is refused', (text, problem) => {
    const parsed = parsePageCommand(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });

  it('never throws, and a parsed page always has a target and a non-empty message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const parsed = parsePageCommand(text);
        if (parsed.ok) {
          expect(parsed.message).toBe(parsed.message.trim());
          expect(parsed.message.length).toBeGreaterThan(0);
          if (parsed.who.kind === 'name') expect(parsed.who.name.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('titleAndDetails', () => {
  it('a one-line message is the title alone', () => {
    expect(titleAndDetails('checkout is down')).toEqual({ title: 'checkout is down' });
  });

  it('a longer message keeps its first line as the title and the whole as details', () => {
    expect(titleAndDetails('checkout is down\nsince 14:02')).toEqual({ title: 'checkout is down', details: 'checkout is down\nsince 14:02' });
    expect(titleAndDetails('abcdef', 4)).toEqual({ title: 'abc…', details: 'abcdef' });
    expect(titleAndDetails('tab\there')).toEqual({ title: 'tab here', details: 'tab\there' });
  });

  it('a title is one line of at most max characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim().length > 0), fc.integer({ min: 2, max: 100 }), (message, max) => {
        const { title } = titleAndDetails(message.trim(), max);
        expect(title.length).toBeLessThanOrEqual(max);
        expect(title).not.toMatch(/[\u0000-\u001f\u007f]/);
      }),
    );
  });
});
