import { consoleIncidentUrl } from './incident-page.content';

describe('consoleIncidentUrl', () => {
  it.each([
    ['https://klaxon.example.com', 42, 'https://klaxon.example.com/incidents/42'],
    ['https://klaxon.example.com/', 7, 'https://klaxon.example.com/incidents/7'],
    ['https://example.com/klaxon//', 1, 'https://example.com/klaxon/incidents/1'],
    [undefined, 42, undefined],
  ])('%s #%d -> %s', (base, number, want) => {
    expect(consoleIncidentUrl(base, number)).toBe(want);
  });
});
